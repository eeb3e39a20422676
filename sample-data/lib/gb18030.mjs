// A minimal GB18030 encoder for the characters this generator uses.
// Node's TextEncoder only writes UTF-8, but TextDecoder('gb18030') reads
// GB18030, so the reverse table is built at run time: every two-byte GBK
// sequence (lead 0x81-0xFE, trail 0x40-0xFE except 0x7F) is decoded once and
// the character -> bytes pairs are kept (the first, lowest sequence wins,
// as in the WHATWG encoder). ASCII is written as itself; anything else that
// has no two-byte form (four-byte GB18030 ranges) is refused.

/** @type {Map<string, number> | null} char -> (lead << 8) | trail */
let table = null;

function buildTable() {
	const pairs = [];
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push((lead << 8) | trail);
	}
	// Decode all pairs in one call, each followed by '\n' as a separator. An
	// unmapped pair whose trail is ASCII decodes to U+FFFD plus that ASCII
	// character, so its segment is two characters long and is skipped.
	const bytes = new Uint8Array(pairs.length * 3);
	pairs.forEach((p, i) => {
		bytes[i * 3] = p >> 8;
		bytes[i * 3 + 1] = p & 0xff;
		bytes[i * 3 + 2] = 0x0a;
	});
	const segments = new TextDecoder('gb18030').decode(bytes).split('\n');
	const map = new Map();
	pairs.forEach((p, i) => {
		const ch = segments[i];
		if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, p);
	});
	return map;
}

/** Encode text as GB18030 bytes; throws on a character without a two-byte form. */
export function encodeGb18030(text) {
	table ??= buildTable();
	const out = new Uint8Array(text.length * 2);
	let n = 0;
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		if (code < 0x80) {
			out[n++] = code;
			continue;
		}
		const p = table.get(ch);
		if (p === undefined) throw new Error(`gb18030: no two-byte form for U+${code.toString(16).toUpperCase()} (${ch})`);
		out[n++] = p >> 8;
		out[n++] = p & 0xff;
	}
	return out.subarray(0, n);
}

/** Encode, decode back with the platform decoder, and insist on a round trip. */
export function encodeGb18030Checked(text) {
	const bytes = encodeGb18030(text);
	const back = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
	if (back !== text) throw new Error('gb18030: round trip through TextDecoder differs');
	return bytes;
}
