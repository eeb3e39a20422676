import type { TableKind } from '../canonical/schema';

export type FillMethod = 'mean' | 'median' | 'previous';

export type KeepPerKey = 'first' | 'newest';

/**
 * The cleaning steps of one canonical table; a step left out (or false) is off. README.md in
 * this folder gives the order they run in and what each one does.
 */
export interface TableCleaning {
	/** Drop rows equal to an earlier row on every column but source_file. */
	dropDuplicates?: boolean;
	/** One row per key: the first in file order, or the newest by the table's timestamp. */
	keepPerKey?: KeepPerKey;
	/** Trim white space from every text column; a blank cell becomes NULL. */
	trimText?: boolean;
	/** Channel, status, direction and result labels: trimmed, lower-cased and synonyms unified (labels.ts). */
	unifyLabels?: boolean;
	/** Numeric column → how its missing values are filled. */
	fillMissing?: Record<string, FillMethod>;
}

/** Cleaning per canonical table; a table not listed passes through unchanged. Part of the shareable state. */
export type CleaningConfig = Partial<Record<TableKind, TableCleaning>>;

/** The steps, in the order they run. */
export const STEP_ORDER = ['dropDuplicates', 'keepPerKey', 'trimText', 'unifyLabels', 'fillMissing'] as const;

export type CleaningStep = (typeof STEP_ORDER)[number];

/** What one step did to one table: the before/after counts the UI shows. */
export interface StepCounts {
	kind: TableKind;
	step: CleaningStep;
	rowsBefore: number;
	rowsAfter: number;
	/** Cells trimmed or relabelled (trimText, unifyLabels) or filled (fillMissing); null for the row steps. */
	valuesChanged: number | null;
}
