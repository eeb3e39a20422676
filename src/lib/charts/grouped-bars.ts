import * as Plot from '@observablehq/plot';
import { formatMetric } from '../format';
import { chartDocument, PALETTE } from './plot-document';

export interface BarSeries {
	/** Column of the rows holding this series' value. */
	key: string;
	label: string;
}

export interface GroupedBarOptions {
	/** Category column (channel, campaign, …). */
	category: string;
	series: readonly BarSeries[];
	/** Unit of the values, as in the metric registry; `rate` (0–1) is drawn as a percentage. */
	unit: string;
	/** Axis label, with its unit, e.g. 'share of activities (%)'. */
	valueLabel: string;
	width?: number;
	/** Most categories shown, by the first series' value; the table below lists all. */
	limit?: number;
	document?: Document;
}

interface Bar {
	category: string;
	series: string;
	value: number;
	raw: number;
}

/** A category as shown: quoted when blanks around it would otherwise make two labels look alike ('web' and 'web '). */
function label(v: unknown): string {
	if (v === null || v === undefined || v === '') return '(none)';
	const s = String(v);
	return s.trim() === s ? s : JSON.stringify(s);
}

/**
 * Horizontal bars, one group per category and one bar per series in Okabe–Ito colours
 * with a legend, e.g. churn % and net growth % by channel. Categories are ordered by the
 * first series, largest first; a missing value leaves its bar out.
 */
export function groupedBars(rows: readonly Record<string, unknown>[], o: GroupedBarOptions): SVGSVGElement | HTMLElement {
	if (!o.series.length) throw new Error(`groupedBars: no series for ${o.category}`);
	if (o.series.length > PALETTE.length) throw new Error(`groupedBars: too many series for the palette: ${o.series.length}`);
	const scale = o.unit === 'rate' ? 100 : 1;
	const bars: Bar[] = rows.flatMap((r) =>
		o.series.flatMap((s) => {
			const raw = r[s.key];
			return typeof raw === 'number' && Number.isFinite(raw)
				? [{ category: label(r[o.category]), series: s.label, value: raw * scale, raw }]
				: [];
		})
	);
	const first = new Map<string, number>();
	for (const b of bars) if (b.series === o.series[0].label) first.set(b.category, b.value);
	const categories = [...new Set(bars.map((b) => b.category))]
		.sort((a, b) => (first.get(b) ?? -Infinity) - (first.get(a) ?? -Infinity) || a.localeCompare(b))
		.slice(0, o.limit ?? 12);
	const shown = bars.filter((b) => categories.includes(b.category));
	const labels = o.series.map((s) => s.label);
	const describe = (d: Bar) => `${d.category} · ${d.series}: ${formatMetric(d.raw, o.unit)}`;
	const barHeight = o.series.length > 1 ? 13 : 20;
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 640,
		height: categories.length * (barHeight * o.series.length + 10) + 50,
		marginTop: 8,
		marginLeft: 140,
		marginRight: 32,
		// Rounded out to a tick only without negatives: a −100 % ROI must not stretch the axis to −10,000 %.
		x: { label: o.valueLabel, grid: true, nice: shown.every((b) => b.value >= 0) },
		y: { axis: null, domain: labels, paddingInner: 0.1 },
		fy: { label: null, domain: categories, axis: 'left', padding: 0.2 },
		color: { domain: labels, range: PALETTE.slice(0, labels.length), legend: labels.length > 1 },
		marks: [
			Plot.barX(shown, {
				x: 'value',
				y: 'series',
				fy: 'category',
				fill: 'series',
				tip: true,
				title: describe,
				ariaLabel: describe
			}),
			Plot.ruleX([0])
		]
	});
}
