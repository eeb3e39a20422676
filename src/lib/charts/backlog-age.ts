import * as Plot from '@observablehq/plot';
import { ACCENT, chartDocument } from './plot-document';

export interface BacklogAgeOptions {
	/** Column of the age bucket label; the rows' order is the buckets' order. */
	age?: string;
	value?: string;
	valueLabel?: string;
	width?: number;
	height?: number;
	document?: Document;
}

/** Open tickets per age bucket as columns, youngest first, in the order the rows come. */
export function backlogAge(rows: readonly Record<string, unknown>[], o: BacklogAgeOptions = {}): SVGSVGElement | HTMLElement {
	const ageKey = o.age ?? 'age';
	const valueKey = o.value ?? 'tickets';
	const data = rows
		.map((r) => ({ age: String(r[ageKey] ?? '(none)'), value: r[valueKey] }))
		.filter((d): d is { age: string; value: number } => typeof d.value === 'number' && Number.isFinite(d.value));
	// Counts: ask for no more ticks than whole numbers up to the tallest bar, so there is no 0.2 ticket.
	const most = Math.max(0, ...data.map((d) => d.value));
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 480,
		height: o.height ?? 220,
		x: { label: 'age of open ticket', domain: data.map((d) => d.age) },
		y: { label: o.valueLabel ?? 'open tickets', grid: true, ticks: Math.max(1, Math.min(most, 5)), tickFormat: 'd' },
		marks: [
			Plot.barY(data, { x: 'age', y: 'value', fill: ACCENT, tip: true, title: (d) => `${d.age}: ${d.value.toLocaleString('en-US')} open` }),
			Plot.ruleY([0])
		]
	});
}
