import * as Plot from '@observablehq/plot';
import { chartDocument, PALETTE } from './plot-document';

export interface TrendSeries {
	/** Column of the value, e.g. `p50`. */
	key: string;
	/** Name in the legend and tooltip, e.g. `median (p50)`. */
	label: string;
}

export interface DurationTrendOptions {
	/** Column of the period start (a 'YYYY-MM-DD…' string). */
	x: string;
	series: readonly TrendSeries[];
	/** Axis label with the unit, e.g. `hours`. */
	yLabel: string;
	/** Formats a value for the tooltip, with its unit. */
	format?: (value: number) => string;
	width?: number;
	height?: number;
	document?: Document;
}

interface Point {
	date: Date;
	series: string;
	value: number;
}

function toDate(value: unknown): Date | null {
	if (typeof value !== 'string') return null;
	const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Several lines over time in Okabe–Ito colours with a legend, e.g. p50 and p90 by week.
 * A period without a value leaves a gap in its line rather than joining its neighbours.
 */
export function durationTrend(rows: readonly Record<string, unknown>[], o: DurationTrendOptions): SVGSVGElement | HTMLElement {
	if (o.series.length > PALETTE.length) throw new Error(`too many series for the palette: ${o.series.length}`);
	const format = o.format ?? ((v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 }));
	const data: Point[] = [];
	for (const row of rows) {
		const date = toDate(row[o.x]);
		if (!date) continue;
		for (const s of o.series) {
			const v = row[s.key];
			data.push({ date, series: s.label, value: typeof v === 'number' && Number.isFinite(v) ? v : NaN });
		}
	}
	const labels = o.series.map((s) => s.label);
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 640,
		height: o.height ?? 240,
		marginLeft: 56,
		x: { type: 'utc', label: null },
		y: { label: o.yLabel, grid: true, zero: true },
		color: { domain: labels, range: PALETTE.slice(0, labels.length), legend: true },
		marks: [
			Plot.lineY(data, { x: 'date', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
			Plot.dot(
				data.filter((d) => !Number.isNaN(d.value)),
				{
					x: 'date',
					y: 'value',
					fill: 'series',
					r: 2.5,
					tip: true,
					title: (d: Point) => `week of ${d.date.toISOString().slice(0, 10)}\n${d.series}: ${format(d.value)}`
				}
			),
			Plot.ruleY([0])
		]
	});
}
