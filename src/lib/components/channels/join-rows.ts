import type { MetricsReport } from '$lib/metrics';

export interface JoinSource {
	rows: readonly Record<string, unknown>[];
	/** Columns taken from these rows; a column already taken from an earlier source is kept. */
	columns: readonly string[];
}

export type Row = Record<string, unknown>;

/** A column of a breakdown table. */
export interface Column {
	key: string;
	label: string;
	/** Unit as in the metric registry; absent for a text column. */
	unit?: string;
}

/**
 * Breakdowns of one grouping (by channel, by page…) joined on their key column into one
 * row per key, in order of first appearance. A key missing from a source gets null there;
 * a null key (no channel) is a key of its own.
 */
export function joinRows(key: string, sources: readonly JoinSource[]): Row[] {
	const byKey = new Map<unknown, Row>();
	const columns = [...new Set(sources.flatMap((s) => s.columns))];
	for (const source of sources) {
		for (const r of source.rows) {
			const k = r[key] ?? null;
			const row: Row = byKey.get(k) ?? Object.fromEntries([[key, k], ...columns.map((c) => [c, null])]);
			byKey.set(k, row);
			for (const c of source.columns) if (row[c] === null && r[c] !== undefined) row[c] = r[c];
		}
	}
	return [...byKey.values()];
}

/** Rows sorted by a numeric column, largest first, missing values last, ties by key. */
export function sortRows(rows: readonly Row[], column: string, key: string): Row[] {
	const n = (r: Row) => (typeof r[column] === 'number' ? (r[column] as number) : -Infinity);
	return [...rows].sort((a, b) => n(b) - n(a) || String(a[key] ?? '\uffff').localeCompare(String(b[key] ?? '\uffff')));
}

/** The rows of a breakdown, or none when the report lacks it. */
export function rowsOf(report: MetricsReport, id: string): Row[] {
	return report.breakdowns[id] ?? [];
}

/** Why a metric or breakdown has no values: its own reason, or that of the metric it belongs to. */
export function reasonOf(report: MetricsReport, id: string): string | null {
	for (let part = id; ; part = part.slice(0, part.lastIndexOf('.'))) {
		if (part in report.unavailable) return report.unavailable[part];
		if (!part.includes('.')) return null;
	}
}
