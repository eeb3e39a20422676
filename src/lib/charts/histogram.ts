import * as Plot from '@observablehq/plot';
import { ACCENT, chartDocument } from './plot-document';

/** A distribution of numbers (durations, values), binned, with counts in the tooltip. */
export function histogram(
	values: readonly number[],
	o: { label: string; width?: number; height?: number; document?: Document }
): SVGSVGElement | HTMLElement {
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 480,
		height: o.height ?? 220,
		x: { label: o.label },
		y: { label: 'count', grid: true },
		marks: [Plot.rectY(values, { ...Plot.binX({ y: 'count' }, { x: (d: number) => d }), fill: ACCENT, tip: true }), Plot.ruleY([0])]
	});
}
