import type { TableKind } from '../canonical/schema';
import type { Catalog } from './catalog';
import type { Settings } from './settings';

/** The unit a value is expressed in; `pct` is 0–100, `rate` is 0–1. */
export type Unit = 'hours' | 'days' | 'minutes' | 'pct' | 'rate' | 'count' | 'currency' | 'ms' | 'rpm' | 'score';

export type Family = 'quality' | 'process' | 'behaviour' | 'value' | 'channel' | 'system' | 'campaign';

/** The common filters. `from` and `to` are inclusive `YYYY-MM-DD` dates. */
export interface Filters {
	from?: string;
	to?: string;
	channel?: string;
	segment?: string;
}

/**
 * Something a metric reads: `'orders.shipped_at'`, or a list of alternatives of which
 * one is enough (`['visits.started_at', 'communications.started_at']`).
 */
export type Need = string | readonly string[];

/** Everything a SQL builder may depend on. */
export interface MetricContext {
	catalog: Catalog;
	filters: Filters;
	settings: Settings;
	/** SQL expression of the reference TIMESTAMP (a literal, or a subquery over the data). */
	ref: string;
	/** SQL expression of the current TIMESTAMP, for freshness. */
	now: string;
}

export type SqlBuilder = (ctx: MetricContext) => string;

export interface BreakdownDef {
	/** Full id, e.g. `process.order_processing_hours.by_week`. */
	id: string;
	title: string;
	/** Needs beyond those of the metric. */
	needs?: readonly Need[] | ((catalog: Catalog) => readonly Need[]);
	sql: SqlBuilder;
}

export interface MetricDef {
	/** Stable id of DESIGN.md §3, e.g. `process.order_processing_hours` or `quality.rows.orders`. */
	id: string;
	family: Family;
	title: string;
	unit: Unit;
	/** One line for the UI. */
	formula: string;
	needs: readonly Need[];
	/** Canonical tables the common filters apply to (their needs are checked against the filters set). */
	filtered: readonly TableKind[] | ((catalog: Catalog) => readonly TableKind[]);
	/**
	 * Column names of the headline row; each is a statistic with full id `<id>.<stat>`.
	 * Absent: the row has a single column `value` and the full id is `id`.
	 */
	stats?: readonly string[];
	/** Units of statistics that differ from `unit` (e.g. a count of negative durations). */
	statUnits?: Readonly<Record<string, Unit>>;
	/** ONE SELECT returning exactly one row of headline values. */
	sql: SqlBuilder;
	breakdowns?: readonly BreakdownDef[];
}

/** The export shape of DESIGN.md §3, shared by the UI download and the command line. */
export interface MetricsReport {
	generatedAt: string;
	referenceDate: string | null;
	filters: Filters;
	metrics: Record<string, number | null>;
	unavailable: Record<string, string>;
	breakdowns: Record<string, Record<string, unknown>[]>;
}
