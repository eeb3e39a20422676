import * as Plot from '@observablehq/plot';
import { ACCENT, chartDocument, PALETTE } from './plot-document';

export interface MissingOptions {
	/** Columns above this percentage are drawn in the warning colour, and a rule marks it (default 10). */
	threshold?: number;
	width?: number;
	document?: Document;
}

const WARN = PALETTE[3];

/** Missing cells per column (0–100 %) as horizontal bars in column order, with the threshold marked. */
export function missingByColumn(
	rows: readonly { column: string; pct: number | null }[],
	o: MissingOptions = {}
): SVGSVGElement | HTMLElement {
	const threshold = o.threshold ?? 10;
	const data = rows.filter((r): r is { column: string; pct: number } => typeof r.pct === 'number' && Number.isFinite(r.pct));
	const top = Math.max(threshold * 2, ...data.map((d) => d.pct));
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 440,
		height: 22 * data.length + 50,
		marginLeft: 130,
		marginRight: 20,
		x: { label: 'missing (% of rows)', domain: [0, Math.min(100, Math.ceil(top / 10) * 10)], grid: true },
		y: { label: null, domain: data.map((d) => d.column) },
		marks: [
			Plot.barX(data, {
				x: 'pct',
				y: 'column',
				fill: (d) => (d.pct > threshold ? WARN : ACCENT),
				tip: true,
				title: (d) => `${d.column}: ${d.pct.toFixed(1)}% missing`
			}),
			Plot.ruleX([threshold], { stroke: WARN, strokeDasharray: '4 3' }),
			Plot.text([threshold], { x: (t) => t, frameAnchor: 'top', dy: -2, text: (t) => `${t}%`, fill: WARN, lineAnchor: 'bottom' }),
			Plot.ruleX([0])
		]
	});
}
