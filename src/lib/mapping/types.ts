import type { FileKind, TableKind } from '../canonical/schema';

/** One column of a loaded raw table, as detection sees it. */
export interface ProfileColumn {
	name: string;
	/** DuckDB type name (`VARCHAR`, `BIGINT`, `TIMESTAMP`, …). */
	type: string;
	/** Up to ~50 non-null values, as text. */
	sample: string[];
	/** Distinct non-null values / non-null values, over the profiled rows. */
	distinctRatio?: number;
}

export interface Profile {
	fileName: string;
	columns: ProfileColumn[];
}

/**
 * Canonical (or auxiliary, see auxiliary.ts) column → source column name.
 * Each canonical column maps to at most one source column.
 */
export type Mapping = Record<string, string>;

export interface KindCandidate {
	kind: TableKind;
	/** 0..1; comparable across kinds of one file. */
	score: number;
	/** Required canonical columns this kind would lack. */
	missing: string[];
}

export interface Detection {
	kind: FileKind;
	/** 0..1. A kind lacking required columns never reaches 0.5; `other` stays at or below 0.3. */
	confidence: number;
	/** Every kind with any evidence, best first. */
	candidates: KindCandidate[];
	/** For `orders` from a line-level export: the order-level columns only. Empty for `other`. */
	mapping: Mapping;
	/** An export with one row per order line (Shopify, Online Retail, Superstore), aggregated into orders. */
	lineLevel: boolean;
	/** Line columns of a line-level export (order_lines canonical names); present only when `lineLevel`. */
	lineMapping?: Mapping;
	/** Required columns of `kind` that no source column maps to. */
	missing: string[];
	/** Source columns left unmapped. */
	unmapped: string[];
	/**
	 * strptime formats chosen from the samples for VARCHAR timestamp columns, by source column
	 * (e.g. `%m/%d/%Y` when a value such as 3/31/2025 settles the day-month order).
	 */
	formats: Record<string, string>;
}

/** Settings of the data that canonical views depend on. */
export interface DataSettings {
	/** `UTC`, a fixed offset such as `+08:00`, or a zone without daylight saving listed in time-zone.ts. */
	timeZone: string;
	/**
	 * Order statuses that do not count as revenue (compared trimmed and lower-cased). The canonical
	 * views keep every order whatever its status; the metrics apply this (metrics/settings.ts).
	 */
	excludedStatuses: string[];
}

/** One raw table feeding a canonical view. */
export interface ViewSource {
	rawTable: string;
	sourceFile: string;
	mapping: Mapping;
	/** A line-level orders export: `mapping` has order-level columns, `lineMapping` the line columns. */
	lineLevel?: boolean;
	lineMapping?: Mapping;
	/** Source column → strptime format, from `Detection.formats`. */
	formats?: Record<string, string>;
	/** DuckDB type of each mapped source column; VARCHAR when absent. */
	types?: Record<string, string>;
}

/** Which canonical columns each view has (source_file is always there too and is not listed). */
export interface Catalog {
	tables: Partial<Record<TableKind, string[]>>;
}

export interface ViewContext {
	catalog: Catalog;
	settings: DataSettings;
}
