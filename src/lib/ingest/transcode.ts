import type { Encoding } from './encoding';

/** Decode chunks of `encoding` and yield them re-encoded as UTF-8, one chunk at a time. */
export async function* transcodeToUtf8(chunks: AsyncIterable<Uint8Array>, encoding: Encoding, skipBytes = 0): AsyncGenerator<Uint8Array> {
	const decoder = new TextDecoder(encoding, { ignoreBOM: false });
	const encoder = new TextEncoder();
	let toSkip = skipBytes;
	for await (let chunk of chunks) {
		if (toSkip > 0) {
			const cut = Math.min(toSkip, chunk.byteLength);
			chunk = chunk.subarray(cut);
			toSkip -= cut;
		}
		const text = decoder.decode(chunk, { stream: true });
		if (text) yield encoder.encode(text);
	}
	const rest = decoder.decode();
	if (rest) yield encoder.encode(rest);
}

/** Read a Blob as a sequence of chunks of at most `size` bytes, without reading it whole. */
export async function* blobChunks(blob: Blob, size = 4 << 20): AsyncGenerator<Uint8Array> {
	for (let at = 0; at < blob.size; at += size) {
		yield new Uint8Array(await blob.slice(at, Math.min(blob.size, at + size)).arrayBuffer());
	}
}

/**
 * Transcode a Blob to UTF-8 as a new Blob, built from parts of a few MB so that the
 * decoded text is never held in JS memory whole (the browser may keep Blob data on disk).
 */
export async function transcodeToBlob(source: Blob, encoding: Encoding, onBytes?: (decodedBytes: number) => void): Promise<Blob> {
	const parts: Blob[] = [];
	let batch: Uint8Array[] = [];
	let batchBytes = 0;
	let read = 0;
	const counted = async function* () {
		for await (const chunk of blobChunks(source)) {
			read += chunk.byteLength;
			yield chunk;
			onBytes?.(read);
		}
	};
	for await (const utf8 of transcodeToUtf8(counted(), encoding)) {
		batch.push(utf8);
		batchBytes += utf8.byteLength;
		if (batchBytes >= 8 << 20) {
			parts.push(new Blob(batch as BlobPart[]));
			batch = [];
			batchBytes = 0;
		}
	}
	if (batch.length) parts.push(new Blob(batch as BlobPart[]));
	return new Blob(parts, { type: 'text/csv' });
}
