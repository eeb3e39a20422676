import * as Plot from '@observablehq/plot';
import { formatMetric } from '../format';
import { chartDocument, PALETTE } from './plot-document';

export interface LineSeries {
	/** Column of the rows holding this series' value. */
	key: string;
	label: string;
}

export interface MultiLineOptions {
	/** Column of the period start (a 'YYYY-MM-DD…' string). */
	x: string;
	series: readonly LineSeries[];
	/** Unit of the values, as in the metric registry; `rate` (0–1) is drawn as a percentage. */
	unit: string;
	/** Axis label, with its unit, e.g. 'response time (ms)'. */
	yLabel: string;
	/** Start the y axis at 0 (default true); off for values that live near 100 %. */
	zero?: boolean;
	/** A log y axis, for series of very different sizes (p50 against p99); values ≤ 0 are left out. */
	log?: boolean;
	width?: number;
	height?: number;
	document?: Document;
}

interface Point {
	date: Date;
	series: string;
	value: number;
}

/** Dots are drawn only while a series is short enough for them to be told apart. */
const MAX_DOTS = 60;

function toDate(value: unknown): Date | null {
	if (typeof value !== 'string') return null;
	const d = new Date(`${value.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The powers of ten within the values' range, for one labelled grid line per decade on a log
 * axis; undefined (Plot's own ticks) when the values span less than two decades.
 */
function decades(points: readonly Point[]): number[] | undefined {
	const values = points.map((p) => p.value).filter((v) => !Number.isNaN(v));
	if (!values.length) return undefined;
	const lo = Math.ceil(Math.log10(Math.min(...values)));
	const hi = Math.floor(Math.log10(Math.max(...values)));
	return hi > lo ? Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i)) : undefined;
}

/**
 * One line per series over time, in Okabe–Ito colours with a legend when there are
 * several (e.g. response time p50/p95/p99 by day). The tooltip follows the pointer
 * and lists every series of the day under it.
 */
export function multiLine(rows: readonly Record<string, unknown>[], o: MultiLineOptions): SVGSVGElement | HTMLElement {
	if (!o.series.length) throw new Error(`multiLine: no series for ${o.x}`);
	if (o.series.length > PALETTE.length) throw new Error(`multiLine: too many series for the palette: ${o.series.length}`);
	const scale = o.unit === 'rate' ? 100 : 1;
	const days = rows
		.map((r) => ({ date: toDate(r[o.x]), row: r }))
		.filter((d): d is { date: Date; row: Record<string, unknown> } => d.date !== null);
	const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
	// A missing value stays in as NaN so that the line breaks there instead of joining its neighbours.
	const points: Point[] = days.flatMap(({ date, row }) =>
		o.series.map((s) => {
			const v = num(row[s.key]);
			return { date, series: s.label, value: v === null || (o.log && v <= 0) ? NaN : v * scale };
		})
	);
	const labels = o.series.map((s) => s.label);
	const tipText = ({ date, row }: { date: Date; row: Record<string, unknown> }) =>
		[date.toISOString().slice(0, 10), ...o.series.map((s) => `${s.label}: ${formatMetric(num(row[s.key]), o.unit)}`)].join('\n');
	const tipY = (d: { row: Record<string, unknown> }) => {
		const v = num(d.row[o.series[0].key]);
		return v === null || (o.log && v <= 0) ? NaN : v * scale;
	};
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 640,
		height: o.height ?? 260,
		marginLeft: 56,
		x: { type: 'utc', label: null },
		y: o.log
			? { type: 'log', label: o.yLabel, grid: true, ticks: decades(points), tickFormat: '~s' }
			: { label: o.yLabel, grid: true, zero: o.zero ?? true, nice: true },
		color: { domain: labels, range: PALETTE.slice(0, labels.length), legend: labels.length > 1 },
		marks: [
			Plot.lineY(points, { x: 'date', y: 'value', z: 'series', stroke: 'series', strokeWidth: 1.5 }),
			...(days.length <= MAX_DOTS ? [Plot.dot(points, { x: 'date', y: 'value', fill: 'series', r: 2 })] : []),
			Plot.ruleX(days, Plot.pointerX({ x: 'date', stroke: '#8a8f98', strokeDasharray: '2,2' })),
			Plot.tip(days, Plot.pointerX({ x: 'date', y: tipY, title: tipText }))
		]
	});
}
