import { normalizeHeader } from './normalize-header';
import type { Mapping } from './types';

/** 53-bit string hash (cyrb53): stable across runs and machines, no crypto needed. */
function hash53(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A key for "files with these headers", under which a user's corrected mapping is stored:
 * the same for the same headers in another order, spelling of case, spaces or separators.
 */
export function headerSignature(columns: readonly (string | { name: string })[]): string {
	const names = columns.map((c) => normalizeHeader(typeof c === 'string' ? c : c.name)).sort();
	return `h1-${hash53(JSON.stringify(names)).toString(16).padStart(14, '0')}`;
}

/**
 * A remembered mapping applied to a file's columns: entries whose source column is not in the
 * file are dropped (names are matched as normalised headers, so `Order Date` finds `order_date`).
 */
export function applyRememberedMapping(remembered: Mapping, columns: readonly string[]): Mapping {
	const byNormal = new Map(columns.map((c) => [normalizeHeader(c), c]));
	const out: Mapping = {};
	for (const [target, source] of Object.entries(remembered)) {
		const found = byNormal.get(normalizeHeader(source));
		if (found !== undefined) out[target] = found;
	}
	return out;
}
