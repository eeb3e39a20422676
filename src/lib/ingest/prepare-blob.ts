import { detectEncoding } from './detect-encoding';
import type { Encoding, EncodingGuess } from './encoding';
import { blobChunks, transcodeToBlob } from './transcode';
import { readHeadTail } from './head-tail';
import { isMixed, normaliseLineEndings, scanLineEndings } from './line-endings';

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
	let blob = guess.encoding === 'utf-8' ? file : await transcodeToBlob(file, guess.encoding, (n) => onProgress?.('decoding', n, file.size));
	// DuckDB reads one kind of line ending per file; mixed ones (outside quotes) are made LF first.
	const { head } = await readHeadTail(blob);
	if (isMixed(scanLineEndings(head))) blob = await normaliseLineEndings(blob);
	return { blob, guess };
}
