import { detectBom, scoreLegacy, Utf8Validator, type EncodingGuess } from './encoding';

const SAMPLE_BYTES = 1 << 20;

/**
 * Decide a file's encoding from all of its bytes: a byte-order mark decides at once;
 * otherwise the whole file must be valid UTF-8 to be read as UTF-8. If it is not, the
 * legacy encodings are scored on the chunk where the first invalid bytes were found.
 */
export async function detectEncoding(chunks: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): Promise<EncodingGuess> {
	const validator = new Utf8Validator();
	let read = 0;
	let first = true;
	for await (const chunk of chunks) {
		if (first) {
			first = false;
			const bom = detectBom(chunk);
			if (bom) return { encoding: bom.encoding, reason: 'bom' };
		}
		validator.push(chunk);
		read += chunk.byteLength;
		onBytes?.(read);
		if (!validator.valid) return scoreLegacy(chunk.subarray(0, SAMPLE_BYTES));
	}
	return validator.finish() ? { encoding: 'utf-8', reason: 'utf-8' } : { encoding: 'windows-1252', reason: 'scored' };
}
