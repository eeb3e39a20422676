import { detectEncoding } from './detect-encoding';
import type { Encoding, EncodingGuess } from './encoding';
import { blobChunks, transcodeToBlob } from './transcode';

export type PreparePhase = 'checking' | 'decoding';

/**
 * Make a file readable by DuckDB: decide its encoding (or take the user's) and, unless it
 * is UTF-8, transcode it to a UTF-8 Blob. A UTF-8 file is passed through untouched.
 */
export async function prepareBlob(
	file: Blob,
	encoding: Encoding | undefined,
	onProgress?: (phase: PreparePhase, bytesRead: number, bytesTotal: number) => void
): Promise<{ blob: Blob; guess: EncodingGuess }> {
	const guess: EncodingGuess = encoding
		? { encoding, reason: 'user' }
		: await detectEncoding(blobChunks(file), (n) => onProgress?.('checking', n, file.size));
	if (guess.encoding === 'utf-8') return { blob: file, guess };
	const blob = await transcodeToBlob(file, guess.encoding, (n) => onProgress?.('decoding', n, file.size));
	return { blob, guess };
}
