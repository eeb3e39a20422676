/**
 * Text encoding detection for CSV exports. DuckDB-WASM reads UTF-8 only (plus UTF-16 and
 * Latin-1), so anything else is decoded in JS first. Strict UTF-8 is tried first; only
 * when the bytes are not valid UTF-8 are the legacy encodings scored.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'shift_jis' | 'windows-1252';

export const ENCODINGS: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'shift_jis', 'windows-1252'];

/** The legacy encodings scored when a file is not UTF-8, in order of preference on a tie. */
const LEGACY: Encoding[] = ['gb18030', 'shift_jis', 'windows-1252'];

export interface Bom {
	encoding: Encoding;
	length: number;
}

export function detectBom(head: Uint8Array): Bom | null {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
	return null;
}

/** Feeds a whole file through a fatal UTF-8 decoder, chunk by chunk; remembers where it first failed. */
export class Utf8Validator {
	private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	private offset = 0;
	valid = true;
	/** Byte offset of the chunk in which the first invalid sequence was found. */
	firstInvalidChunkAt = -1;

	push(chunk: Uint8Array, last = false): void {
		if (!this.valid) return;
		try {
			this.decoder.decode(chunk, { stream: !last });
		} catch {
			this.valid = false;
			this.firstInvalidChunkAt = this.offset;
		}
		this.offset += chunk.byteLength;
	}

	finish(): boolean {
		this.push(new Uint8Array(0), true);
		return this.valid;
	}
}

/**
 * Byte-level plausibility of a legacy encoding, per non-ASCII byte (higher is likelier).
 * Every byte string decodes to *something* in GB18030, so decoded text alone cannot tell;
 * what tells is where the bytes fall: common Chinese text sits in GB2312's level-1 block,
 * Japanese in Shift-JIS kana and level-1 kanji rows, and Latin-1 text has accented
 * letters standing alone between ASCII bytes.
 */
export function plausibility(bytes: Uint8Array, encoding: Encoding): number {
	const scorer = encoding === 'gb18030' ? scoreGb : encoding === 'shift_jis' ? scoreSjis : scoreLatin;
	let high = 0;
	for (const b of bytes) if (b >= 0x80) high++;
	return high === 0 ? 0 : scorer(bytes) / high;
}

function scoreGb(bytes: Uint8Array): number {
	let score = 0;
	for (let i = 0; i < bytes.length; i++) {
		const lead = bytes[i];
		if (lead < 0x80) continue;
		const trail = bytes[i + 1] ?? 0;
		if (lead === 0x80 || lead === 0xff) score -= 3;
		else if (trail >= 0x30 && trail <= 0x39) {
			score -= 4; // a four-byte sequence: rare in real exports
			i += 3;
		} else if (trail < 0x40 || trail === 0x7f || trail === 0xff) score -= 3;
		else {
			const gb2312 = trail >= 0xa1 && trail <= 0xfe;
			if (gb2312 && lead >= 0xb0 && lead <= 0xd7)
				score += 2; // level-1 hanzi, the common ones
			else if (gb2312 && lead >= 0xd8 && lead <= 0xf7)
				score += 1; // level-2 hanzi
			else if (gb2312 && lead >= 0xa1 && lead <= 0xa9)
				score += 1; // punctuation, full-width forms
			else score -= 2; // GBK extension: rare characters
			i++;
		}
	}
	return score;
}

function scoreSjis(bytes: Uint8Array): number {
	let score = 0;
	for (let i = 0; i < bytes.length; i++) {
		const lead = bytes[i];
		if (lead < 0x80) continue;
		if (lead >= 0xa1 && lead <= 0xdf) {
			score -= 1; // half-width katakana: rare today, and how Latin-1 or GBK bytes look here
			continue;
		}
		const trail = bytes[i + 1] ?? 0;
		const validTrail = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0x80 && trail <= 0xfc);
		const validLead = (lead >= 0x81 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xfc);
		if (!validLead || !validTrail) {
			score -= 3;
			continue;
		}
		if (lead === 0x82 || lead === 0x83)
			score += 2; // hiragana, katakana
		else if (lead === 0x81)
			score += 1; // punctuation
		else if (lead >= 0x88 && lead <= 0x98)
			score += 2; // level-1 kanji
		else if (lead <= 0x9f || (lead >= 0xe0 && lead <= 0xea))
			score += 1; // level-2 kanji
		else score -= 2; // vendor extensions and user-defined rows
		i++;
	}
	return score;
}

function isLatin1Letter(b: number): boolean {
	return (
		(b >= 0xc0 && b !== 0xd7 && b !== 0xf7) ||
		b === 0x8a ||
		b === 0x8c ||
		b === 0x8e ||
		b === 0x9a ||
		b === 0x9c ||
		b === 0x9e ||
		b === 0x9f
	);
}

function scoreLatin(bytes: Uint8Array): number {
	let score = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b < 0x80) continue;
		const alone = (bytes[i - 1] ?? 0) < 0x80 && (bytes[i + 1] ?? 0) < 0x80;
		if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d)
			score -= 3; // unassigned in windows-1252
		else if (isLatin1Letter(b)) score += alone ? 1.5 : -0.5;
		else score += alone ? 0.5 : -1; // symbols: €, ©, °, ², …
	}
	return score;
}

export interface EncodingGuess {
	encoding: Encoding;
	/** How it was decided: a byte-order mark, valid UTF-8, or scoring of legacy encodings. */
	reason: 'bom' | 'utf-8' | 'scored' | 'user';
	/** Scores of the legacy candidates (higher is more plausible), when scored. */
	scores?: Partial<Record<Encoding, number>>;
}

/** Choose the legacy encoding of a sample of a file that is not valid UTF-8. */
export function scoreLegacy(sample: Uint8Array): EncodingGuess {
	const scores: Partial<Record<Encoding, number>> = {};
	let best: Encoding = 'windows-1252';
	let bestScore = -Infinity;
	for (const encoding of LEGACY) {
		const score = plausibility(sample, encoding);
		scores[encoding] = Math.round(score * 1000) / 1000;
		if (score > bestScore) {
			best = encoding;
			bestScore = score;
		}
	}
	return { encoding: best, reason: 'scored', scores };
}
