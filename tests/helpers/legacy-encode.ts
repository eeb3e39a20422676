/**
 * Encoders for test fixtures in legacy encodings. TextEncoder writes only UTF-8, so the
 * reverse tables are built by decoding every one- and two-byte sequence with TextDecoder.
 */
const tables = new Map<string, Map<string, number[]>>();

function build(encoding: string): Map<string, number[]> {
	const map = new Map<string, number[]>();
	const single = new TextDecoder(encoding);
	for (let b = 0x80; b <= 0xff; b++) {
		const ch = single.decode(new Uint8Array([b]));
		if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [b]);
	}
	if (encoding === 'windows-1252') return map;
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			const ch = new TextDecoder(encoding).decode(new Uint8Array([lead, trail]));
			if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
		}
	}
	return map;
}

/** Encode `text` in a legacy encoding (gb18030, shift_jis, windows-1252); throws on an unmappable character. */
export function encodeLegacy(text: string, encoding: 'gb18030' | 'shift_jis' | 'windows-1252'): Uint8Array {
	let table = tables.get(encoding);
	if (!table) tables.set(encoding, (table = build(encoding)));
	const out: number[] = [];
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) out.push(cp);
		else {
			const bytes = table.get(ch);
			if (!bytes) throw new Error(`${encoding}: cannot encode ${ch}`);
			out.push(...bytes);
		}
	}
	return new Uint8Array(out);
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
	const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
	const view = new DataView(out.buffer);
	let at = 0;
	if (bom) {
		view.setUint16(0, 0xfeff, endian === 'le');
		at = 2;
	}
	for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), endian === 'le');
	return out;
}
