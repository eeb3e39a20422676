import * as Plot from '@observablehq/plot';
import { ACCENT, chartDocument } from './plot-document';

export interface TimeSeriesOptions {
	/** Column of the period start (a 'YYYY-MM-DD…' string). */
	x: string;
	y: string;
	yLabel: string;
	width?: number;
	height?: number;
	/** Draw a horizontal rule at this value (a threshold). */
	rule?: number;
	document?: Document;
}

function toDate(value: unknown): Date | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const d = typeof value === 'number' ? new Date(value) : new Date(`${value.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(d.getTime()) ? null : d;
}

/** A line over time with dots and tooltips, e.g. revenue by week. */
export function timeSeries(rows: readonly Record<string, unknown>[], o: TimeSeriesOptions): SVGSVGElement | HTMLElement {
	const data = rows
		.map((r) => ({ date: toDate(r[o.x]), value: typeof r[o.y] === 'number' ? (r[o.y] as number) : null }))
		.filter((d): d is { date: Date; value: number } => d.date !== null && d.value !== null);
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 640,
		height: o.height ?? 240,
		marginLeft: 56,
		x: { type: 'utc', label: null },
		y: { label: o.yLabel, grid: true, zero: true },
		marks: [
			Plot.lineY(data, { x: 'date', y: 'value', stroke: ACCENT, strokeWidth: 2 }),
			Plot.dot(data, {
				x: 'date',
				y: 'value',
				fill: ACCENT,
				r: 2.5,
				tip: true,
				title: (d) => `${d.date.toISOString().slice(0, 10)}: ${d.value.toLocaleString('en-US')}`
			}),
			...(o.rule !== undefined ? [Plot.ruleY([o.rule], { stroke: '#D55E00', strokeDasharray: '4,3' })] : []),
			Plot.ruleY([0])
		]
	});
}
