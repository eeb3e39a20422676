import { quoteLiteral } from '../sql/quote';

/**
 * THE table of named RFM segments. `fm` is the mean of the F and M scores (1, 1.5, … 5);
 * ranges are inclusive and the first matching row wins. Every (r, fm) pair is covered
 * (checked by tests/unit/metrics/rfm-segments.test.ts).
 *
 * | segment        | r   | fm      | reading                                   |
 * |----------------|-----|---------|-------------------------------------------|
 * | Champions      | 4–5 | 4–5     | bought recently, often, much              |
 * | Loyal          | 3–5 | 3–5     | regular buyers                            |
 * | Cannot lose    | 1–2 | 4–5     | were among the best, gone quiet           |
 * | At risk        | 1–2 | 3–3.5   | were good buyers, gone quiet              |
 * | New            | 5   | 1–1.5   | first purchases just now                  |
 * | Promising      | 4–5 | 1–2.5   | recent, not yet frequent                  |
 * | Need attention | 3   | 1–2.5   | middling on every count                   |
 * | About to sleep | 2   | 1–2.5   | fading, never bought much                 |
 * | Lost           | 1   | 1–1.5   | long gone, bought little                  |
 * | Hibernating    | 1   | 2–2.5   | long gone, bought a little more           |
 */
export interface RfmSegment {
	name: string;
	r: readonly [number, number];
	fm: readonly [number, number];
}

export const RFM_SEGMENTS: readonly RfmSegment[] = [
	{ name: 'Champions', r: [4, 5], fm: [4, 5] },
	{ name: 'Loyal', r: [3, 5], fm: [3, 5] },
	{ name: 'Cannot lose', r: [1, 2], fm: [4, 5] },
	{ name: 'At risk', r: [1, 2], fm: [3, 3.5] },
	{ name: 'New', r: [5, 5], fm: [1, 1.5] },
	{ name: 'Promising', r: [4, 5], fm: [1, 2.5] },
	{ name: 'Need attention', r: [3, 3], fm: [1, 2.5] },
	{ name: 'About to sleep', r: [2, 2], fm: [1, 2.5] },
	{ name: 'Lost', r: [1, 1], fm: [1, 1.5] },
	{ name: 'Hibernating', r: [1, 1], fm: [2, 2.5] }
];

/** The segment of a score pair, in JS (the same rule as `segmentCase`). */
export function rfmSegment(r: number, f: number, m: number): string | null {
	const fm = (f + m) / 2;
	return RFM_SEGMENTS.find((s) => r >= s.r[0] && r <= s.r[1] && fm >= s.fm[0] && fm <= s.fm[1])?.name ?? null;
}

/** SQL CASE naming the segment of scores `r`, `f`, `m`. */
export function segmentCase(r: string, f: string, m: string): string {
	const fm = `((${f} + ${m}) / 2.0)`;
	const whens = RFM_SEGMENTS.map(
		(s) => `WHEN ${r} BETWEEN ${s.r[0]} AND ${s.r[1]} AND ${fm} BETWEEN ${s.fm[0]} AND ${s.fm[1]} THEN ${quoteLiteral(s.name)}`
	);
	return `CASE ${whens.join(' ')} END`;
}
