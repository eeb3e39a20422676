import type { FileKind, TableKind } from '$lib/canonical/schema';
import type { Catalog, MetricsReport } from '$lib/metrics';
import { qualityTargets } from '$lib/metrics/quality-targets';

/** What the quality page needs to know about one measured table, from the catalog the report was made for. */
export interface QualityTable {
	/** The name in metric ids: a canonical table or a raw table's own name. */
	name: string;
	/** Set for canonical tables (cleaned views), which get rules, orphans and conflicts. */
	kind?: TableKind;
	columns: readonly string[];
	/** The key when every key column is present. */
	key: readonly string[] | null;
	/** Columns freshness is measured on. */
	timestamps: readonly string[];
	/** For a raw table: what it was recognised as (a canonical kind it feeds, or `other`). */
	feeds?: FileKind;
}

/** A per-table quality id: `quality.<metric>.<table>`, with `.<column>` for missing_pct. */
export function qualityId(metric: string, table: string, column?: string): string {
	return column === undefined ? `quality.${metric}.${table}` : `quality.${metric}.${table}.${column}`;
}

/** Whether the report has a value or a reason for an id (an id the catalog never made has neither). */
export function inReport(report: MetricsReport, id: string): boolean {
	return id in report.metrics || reasonOf(report, id) !== null;
}

/** Why an id (or the metric it is a statistic of) is unavailable, or null. */
export function reasonOf(report: MetricsReport, id: string): string | null {
	for (let p = id; p.includes('.'); p = p.slice(0, p.lastIndexOf('.'))) if (p in report.unavailable) return report.unavailable[p];
	return null;
}

/**
 * The tables of the report, in the order the metrics measure them (canonical, then raw). A
 * table is listed only when the report measured it, so a report computed before the latest
 * mapping change never shows a table it has no numbers for.
 */
export function qualityTables(report: MetricsReport, catalog: Catalog): QualityTable[] {
	return qualityTargets(catalog)
		.filter((t) => inReport(report, qualityId('rows', t.name)))
		.map((t) => {
			const feeds = t.kind ? undefined : catalog.raw?.find((r) => r.name === t.name)?.kind;
			return {
				name: t.name,
				...(t.kind ? { kind: t.kind } : {}),
				columns: t.columns,
				key: t.key && t.key.every((c) => t.columns.includes(c)) ? t.key : null,
				timestamps: t.timestamps,
				...(feeds ? { feeds } : {})
			};
		});
}

/** Raw tables measured as the canonical table of the same name (their own numbers are not separate). */
export function shadowedRawTables(catalog: Catalog, tables: readonly QualityTable[]): string[] {
	const canonical = new Set(tables.filter((t) => t.kind).map((t) => t.name));
	return (catalog.raw ?? []).map((r) => r.name).filter((n) => canonical.has(n));
}

/** Every quality id and breakdown the report has: the page shows them all, table by table. */
export function qualityExport(report: MetricsReport): { ids: string[]; breakdowns: string[] } {
	const quality = (id: string) => id.startsWith('quality.');
	return {
		ids: [...Object.keys(report.metrics), ...Object.keys(report.unavailable)].filter(quality),
		breakdowns: Object.keys(report.breakdowns).filter(quality)
	};
}

/** Above this share of missing cells a column is flagged. */
export const MISSING_THRESHOLD_PCT = 10;

export type ScoreBand = 'good' | 'fair' | 'poor';

/** A reading of a 0–100 score for colour and words: ≥ 90 good, ≥ 70 fair, below poor. */
export function scoreBand(score: number): ScoreBand {
	return score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor';
}
