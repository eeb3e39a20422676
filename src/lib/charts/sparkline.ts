import * as Plot from '@observablehq/plot';
import { ACCENT, chartDocument } from './plot-document';

/** A small line without axes, for a KPI card. */
export function sparkline(
	values: readonly (number | null)[],
	o: { width?: number; height?: number; document?: Document } = {}
): SVGSVGElement | HTMLElement {
	const data = values.map((v, i) => ({ i, v })).filter((d): d is { i: number; v: number } => typeof d.v === 'number');
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 120,
		height: o.height ?? 32,
		margin: 2,
		axis: null,
		x: { domain: [0, Math.max(1, values.length - 1)] },
		marks: [Plot.lineY(data, { x: 'i', y: 'v', stroke: ACCENT, strokeWidth: 1.5 })]
	});
}
