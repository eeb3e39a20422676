import * as Plot from '@observablehq/plot';
import { chartDocument } from './plot-document';

export interface CohortCell {
	/** First-order month, 'YYYY-MM'. */
	cohort: string;
	/** Customers in the cohort. */
	size: number;
	/** Months after the cohort month (0 = the cohort month). */
	month: number;
	/** Customers of the cohort whose last order is in this month or later. */
	retained: number;
	/** retained / size, 0–1. */
	share: number;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A cohort triangle: first-order month down, months since across, cells shaded and labelled by the
 * share retained. `width` is the most it may take; fewer months give a narrower chart.
 */
export function cohortRetention(
	cells: readonly CohortCell[],
	o: { width?: number; document?: Document } = {}
): SVGSVGElement | HTMLElement {
	const cohorts = [...new Set(cells.map((c) => c.cohort))].sort();
	const months = Math.max(0, ...cells.map((c) => c.month));
	const text = { x: 'month', y: 'cohort', text: (c: CohortCell) => pct(c.share), fontSize: 11 } as const;
	return Plot.plot({
		document: chartDocument(o.document),
		// Cells about 64 px wide: a few months must not stretch across the page.
		width: Math.min(o.width ?? 720, 90 + 64 * (months + 1)),
		height: 26 * cohorts.length + 70,
		marginLeft: 70,
		marginTop: 40,
		x: {
			domain: Array.from({ length: months + 1 }, (_, i) => i),
			axis: 'top',
			label: 'Months after the first order →',
			labelAnchor: 'left'
		},
		y: { domain: cohorts, label: null },
		color: { type: 'linear', domain: [0, 1], range: ['#f1f6fb', '#0b4f8a'] },
		marks: [
			Plot.cell(cells, {
				x: 'month',
				y: 'cohort',
				fill: 'share',
				inset: 1,
				tip: true,
				title: (c: CohortCell) => `${c.cohort} cohort (${c.size} customers), month ${c.month}: ${c.retained} still buying (${pct(c.share)})`
			}),
			Plot.text(
				cells.filter((c) => c.share > 0.55),
				{ ...text, fill: 'white' }
			),
			Plot.text(
				cells.filter((c) => c.share <= 0.55),
				{ ...text, fill: '#1b1f24' }
			)
		]
	});
}
