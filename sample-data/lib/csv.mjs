// CSV output: RFC 4180 quoting, LF line ends, UTF-8 without BOM, and a
// chunked writer that respects stream backpressure.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: quoted only when it holds a comma, quote, CR or LF. */
export function csvField(value) {
	if (value == null) return '';
	const s = typeof value === 'string' ? value : String(value);
	return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, without the line end. */
export function csvLine(values) {
	let line = csvField(values[0]);
	for (let i = 1; i < values.length; i++) line += ',' + csvField(values[i]);
	return line;
}

/** Whole file as a string (small tables only). */
export function renderCsv(header, rows) {
	let out = csvLine(header) + '\n';
	for (const row of rows) out += csvLine(row) + '\n';
	return out;
}

/**
 * Stream a table to `path` in chunks of about `chunkChars` characters, waiting
 * for 'drain' whenever the stream asks us to, so memory stays flat.
 * @returns {Promise<number>} bytes written
 */
export async function writeCsv(path, header, rows, chunkChars = 1 << 20) {
	const out = createWriteStream(path);
	let chunk = csvLine(header) + '\n';
	for (const row of rows) {
		chunk += csvLine(row) + '\n';
		if (chunk.length >= chunkChars) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await finished(out);
	return out.bytesWritten;
}
