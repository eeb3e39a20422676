import * as Plot from '@observablehq/plot';
import { chartDocument, PALETTE } from './plot-document';

export interface DurationSpreadOptions {
	/** Category column (channel, category, agent…). */
	category: string;
	/** Axis label with the unit, e.g. `hours`. */
	label: string;
	/** Formats a value for the tooltip, with its unit. */
	format?: (value: number) => string;
	width?: number;
	/** Most groups shown, those with most durations first; the table below lists all. */
	limit?: number;
	document?: Document;
}

interface Group {
	category: string;
	n: number | null;
	p50: number;
	p90: number;
	mean: number | null;
}

/** Legend names, in the order of the colours: the same two as the weekly p50/p90 lines, and the mean. */
export const SPREAD_KEYS = ['median (p50)', '90th percentile (p90)', 'mean'] as const;
const COLOURS = [PALETTE[0], PALETTE[1], PALETTE[7]];

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function groups(rows: readonly Record<string, unknown>[], o: DurationSpreadOptions): Group[] {
	const out: Group[] = [];
	for (const r of rows) {
		const p50 = num(r.p50);
		const p90 = num(r.p90);
		if (p50 === null || p90 === null) continue;
		const c = r[o.category];
		out.push({ category: c === null || c === undefined ? '(none)' : String(c), n: num(r.n), p50, p90, mean: num(r.mean) });
	}
	const kept = [...out].sort((a, b) => (b.n ?? 0) - (a.n ?? 0) || a.category.localeCompare(b.category)).slice(0, o.limit ?? 12);
	return kept.sort((a, b) => b.p50 - a.p50 || a.category.localeCompare(b.category));
}

/**
 * How durations are spread in each group, from the statistics the metrics give (no raw
 * durations): a bar to the p90, an inner bar to the median, and a tick at the mean.
 */
export function durationSpread(rows: readonly Record<string, unknown>[], o: DurationSpreadOptions): SVGSVGElement | HTMLElement {
	const data = groups(rows, o);
	const format = o.format ?? ((v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 }));
	const title = (d: Group) =>
		[
			d.category,
			`median ${format(d.p50)}`,
			`p90 ${format(d.p90)}`,
			...(d.mean !== null ? [`mean ${format(d.mean)}`] : []),
			...(d.n !== null ? [`${d.n.toLocaleString('en-US')} measured`] : [])
		].join('\n');
	const [p50, p90, mean] = SPREAD_KEYS;
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 480,
		height: 30 * data.length + 50,
		marginLeft: 120,
		x: { label: o.label, grid: true },
		y: { label: null, domain: data.map((d) => d.category) },
		color: { domain: [...SPREAD_KEYS], range: COLOURS, legend: true },
		marks: [
			Plot.barX(data, { x: 'p90', y: 'category', fill: () => p90, fillOpacity: 0.55, tip: true, title }),
			Plot.barX(data, { x: 'p50', y: 'category', fill: () => p50, insetTop: 6, insetBottom: 6 }),
			Plot.tickX(
				data.filter((d) => d.mean !== null),
				{ x: 'mean', y: 'category', stroke: () => mean, strokeWidth: 2 }
			),
			Plot.ruleX([0])
		]
	});
}
