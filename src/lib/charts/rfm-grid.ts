import * as Plot from '@observablehq/plot';
import { chartDocument } from './plot-document';

export interface RfmCell {
	/** Recency score, 5 = bought most recently. */
	r: number;
	/** Frequency score, 5 = most orders. */
	f: number;
	customers: number;
	/** The named segments in this cell with their counts, largest first ("Champions 12 · Loyal 3"). */
	segments: string;
}

const SCORES = [1, 2, 3, 4, 5];

/** Customers per recency × frequency score pair, all 25 cells, from per-customer rows `{r, f, segment}`. */
export function rfmCells(rows: readonly Record<string, unknown>[]): RfmCell[] {
	const counts = new Map<string, Map<string, number>>();
	for (const row of rows) {
		const { r, f } = row;
		if (typeof r !== 'number' || typeof f !== 'number' || !SCORES.includes(r) || !SCORES.includes(f)) continue;
		const key = `${r},${f}`;
		const bySegment = counts.get(key) ?? new Map<string, number>();
		const segment = typeof row.segment === 'string' ? row.segment : '(no segment)';
		bySegment.set(segment, (bySegment.get(segment) ?? 0) + 1);
		counts.set(key, bySegment);
	}
	return SCORES.flatMap((r) =>
		SCORES.map((f) => {
			const bySegment = [...(counts.get(`${r},${f}`) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
			return {
				r,
				f,
				customers: bySegment.reduce((sum, [, n]) => sum + n, 0),
				segments: bySegment.map(([name, n]) => `${name} ${n}`).join(' · ')
			};
		})
	);
}

/** The 5 × 5 RFM grid: recency score up, frequency score across, cells shaded and labelled by customer count. */
export function rfmGrid(
	rows: readonly Record<string, unknown>[],
	o: { width?: number; height?: number; document?: Document } = {}
): SVGSVGElement | HTMLElement {
	const cells = rfmCells(rows);
	const max = Math.max(1, ...cells.map((c) => c.customers));
	const dark = (c: RfmCell) => c.customers > max * 0.55;
	const text = { x: 'f', y: 'r', text: (c: RfmCell) => String(c.customers), fontSize: 13, fontWeight: 600 } as const;
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 380,
		height: o.height ?? 340,
		marginLeft: 48,
		marginBottom: 44,
		x: { domain: SCORES, label: 'Frequency score F (5 = most orders) →', labelAnchor: 'center', labelOffset: 36 },
		y: { domain: [...SCORES].reverse(), label: '↑ Recency score R (5 = most recent)', labelAnchor: 'center', labelOffset: 36 },
		color: { type: 'linear', domain: [0, max], range: ['#f1f6fb', '#0b4f8a'] },
		marks: [
			Plot.cell(cells, {
				x: 'f',
				y: 'r',
				fill: 'customers',
				inset: 1,
				tip: true,
				title: (c: RfmCell) => `R ${c.r} · F ${c.f}: ${c.customers} customers${c.segments ? `\n${c.segments}` : ''}`
			}),
			Plot.text(cells.filter(dark), { ...text, fill: 'white' }),
			Plot.text(
				cells.filter((c) => !dark(c)),
				{ ...text, fill: '#1b1f24' }
			)
		]
	});
}
