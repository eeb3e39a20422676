/** Line endings found outside quoted fields, and where a quoted field is left open. */
export interface LineEndings {
	lf: number;
	crlf: number;
	cr: number;
	/** Physical line on which a quoted field opens and never closes (in a complete text). */
	unterminatedAt: number | null;
}

export function scanLineEndings(text: string, quote = '"', escape = '"'): LineEndings {
	const out: LineEndings = { lf: 0, crlf: 0, cr: 0, unterminatedAt: null };
	let inQuotes = false;
	let quoteLine = 0;
	let line = 1;
	let fieldStart = true;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\n' || ch === '\r') {
			const crlf = ch === '\r' && text[i + 1] === '\n';
			if (!inQuotes) {
				if (crlf) out.crlf++;
				else if (ch === '\r') out.cr++;
				else out.lf++;
				fieldStart = true;
			}
			if (crlf) i++;
			line++;
			continue;
		}
		if (inQuotes) {
			if (ch === escape && escape !== quote && text[i + 1] === quote) i++;
			else if (ch === quote) {
				if (escape === quote && text[i + 1] === quote) i++;
				else inQuotes = false;
			}
		} else if (ch === quote && fieldStart) {
			inQuotes = true;
			quoteLine = line;
		} else fieldStart = ch === ',' || ch === ';' || ch === '\t' || ch === '|';
	}
	if (inQuotes) out.unterminatedAt = quoteLine;
	return out;
}

export function isMixed(e: LineEndings): boolean {
	return [e.lf, e.crlf, e.cr].filter((n) => n > 0).length > 1;
}

/**
 * Rewrite line endings outside quoted fields to LF, streaming, so that DuckDB sees one
 * kind; line breaks inside quoted fields are data and stay as they are.
 */
export async function normaliseLineEndings(blob: Blob, quote = '"'): Promise<Blob> {
	const parts: Blob[] = [];
	const decoder = new TextDecoder('utf-8');
	const encoder = new TextEncoder();
	let inQuotes = false;
	let pendingCr = false;
	const step = 4 << 20;
	for (let at = 0; at < blob.size; at += step) {
		const text = decoder.decode(await blob.slice(at, Math.min(blob.size, at + step)).arrayBuffer(), { stream: at + step < blob.size });
		let out = '';
		for (let i = 0; i < text.length; i++) {
			const ch = text[i];
			if (pendingCr) {
				pendingCr = false;
				out += '\n';
				if (ch === '\n') continue;
			}
			if (ch === quote) inQuotes = !inQuotes;
			if (ch === '\r' && !inQuotes) pendingCr = true;
			else out += ch;
		}
		parts.push(new Blob([encoder.encode(out) as BlobPart]));
	}
	if (pendingCr) parts.push(new Blob(['\n']));
	return new Blob(parts, { type: 'text/csv' });
}
