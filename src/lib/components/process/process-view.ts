import type { MetricsReport } from '$lib/metrics';

export type Rows = Record<string, unknown>[];

/** A breakdown table column: a category (no unit, shown as text) or a number in a unit. */
export interface Column {
	key: string;
	label: string;
	unit?: string;
}

/** Why an id (metric, statistic or breakdown) has no value: its own reason or its metric's. */
export function reasonFor(report: MetricsReport | null, id: string): string | null {
	if (!report) return null;
	for (let at = id; at; at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '') {
		if (at in report.unavailable) return report.unavailable[at];
	}
	return null;
}

export function rowsOf(report: MetricsReport | null, id: string): Rows {
	return report?.breakdowns[id] ?? [];
}

/** Whether any row has a number in `key` (a chart of only empty weeks is no chart). */
export function hasNumbers(rows: Rows, key: string): boolean {
	return rows.some((r) => typeof r[key] === 'number' && Number.isFinite(r[key]));
}

/** Rows with `key` rounded, so the shared bar chart's tooltips do not show float noise. */
export function rounded(rows: Rows, key: string, digits = 1): Rows {
	const f = 10 ** digits;
	return rows.map((r) => (typeof r[key] === 'number' ? { ...r, [key]: Math.round((r[key] as number) * f) / f } : r));
}

/** The `n` rows with the largest `key`, largest first (ties by their original order). */
export function topBy(rows: Rows, key: string, n: number): Rows {
	const value = (r: Record<string, unknown>) => (typeof r[key] === 'number' ? (r[key] as number) : -Infinity);
	return rows
		.map((r, i) => ({ r, i }))
		.sort((a, b) => value(b.r) - value(a.r) || a.i - b.i)
		.slice(0, n)
		.map((x) => x.r);
}

/** Rows in the order the bar charts draw them: largest `key` first, rows without a value last. */
export function chartOrder(rows: Rows, key: string, category: string): Rows {
	const value = (r: Record<string, unknown>) => (typeof r[key] === 'number' ? (r[key] as number) : -Infinity);
	const name = (r: Record<string, unknown>) => String(r[category] ?? '');
	return [...rows].sort((a, b) => value(b) - value(a) || name(a).localeCompare(name(b)));
}
