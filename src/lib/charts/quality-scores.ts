import * as Plot from '@observablehq/plot';
import { chartDocument, PALETTE } from './plot-document';

export interface ScoresOptions {
	width?: number;
	document?: Document;
}

/** Colours of the score bands: ≥ 90 bluish green, ≥ 70 orange, below vermillion (Okabe–Ito). */
const BAND = (score: number) => (score >= 90 ? PALETTE[2] : score >= 70 ? PALETTE[1] : PALETTE[3]);

/** Quality score (0–100) per table as horizontal bars in the given order; tables without a score are left out. */
export function qualityScores(
	rows: readonly { table: string; score: number | null }[],
	o: ScoresOptions = {}
): SVGSVGElement | HTMLElement {
	const data = rows.filter((r): r is { table: string; score: number } => typeof r.score === 'number' && Number.isFinite(r.score));
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 420,
		height: 24 * data.length + 40,
		marginLeft: 110,
		marginRight: 36,
		x: { label: 'quality score (0–100)', domain: [0, 100], grid: true },
		y: { label: null, domain: data.map((d) => d.table) },
		marks: [
			Plot.barX(data, {
				x: 'score',
				y: 'table',
				fill: (d) => BAND(d.score),
				tip: true,
				title: (d) => `${d.table}: score ${d.score.toFixed(1)} of 100`
			}),
			Plot.text(data, {
				x: 'score',
				y: 'table',
				text: (d) => String(Number(d.score.toFixed(1))),
				dx: 4,
				textAnchor: 'start',
				fill: 'currentColor'
			}),
			Plot.ruleX([0])
		]
	});
}
