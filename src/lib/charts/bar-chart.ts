import * as Plot from '@observablehq/plot';
import { ACCENT, chartDocument } from './plot-document';

export interface BarOptions {
	/** Category column (channel, agent, segment, …). */
	category: string;
	value: string;
	valueLabel: string;
	width?: number;
	/** Most categories shown; the rest are left out (the table below lists all). */
	limit?: number;
	document?: Document;
}

/** Horizontal bars, largest first, with tooltips, e.g. revenue by channel. */
export function barChart(rows: readonly Record<string, unknown>[], o: BarOptions): SVGSVGElement | HTMLElement {
	const data = rows
		.map((r) => ({ category: r[o.category] === null || r[o.category] === undefined ? '(none)' : String(r[o.category]), value: r[o.value] }))
		.filter((d): d is { category: string; value: number } => typeof d.value === 'number' && Number.isFinite(d.value))
		.sort((a, b) => b.value - a.value || a.category.localeCompare(b.category))
		.slice(0, o.limit ?? 12);
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 480,
		height: 28 * data.length + 40,
		marginLeft: 120,
		x: { label: o.valueLabel, grid: true },
		y: { label: null, domain: data.map((d) => d.category) },
		marks: [
			Plot.barX(data, {
				x: 'value',
				y: 'category',
				fill: ACCENT,
				tip: true,
				title: (d) => `${d.category}: ${d.value.toLocaleString('en-US')}`
			}),
			Plot.ruleX([0])
		]
	});
}
