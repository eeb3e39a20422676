import { CANONICAL, SOURCE_FILE_COLUMN, type CanonicalColumn, type TableKind } from '../canonical/schema';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { KEY_DROPPED, LABEL_COLUMNS, labelLookup, WHITESPACE, type LabelTable } from './labels';
import { STEP_ORDER, type CleaningStep, type FillMethod, type TableCleaning } from './types';

/** File order of crm.<kind>, numbered once before any step; "first" and ties follow it. */
export const ROW = '__clean_row';

/** One enabled step, as SQL over the relation before it. */
export interface PlannedStep {
	step: CleaningStep;
	/** A SELECT over relation `from` keeping all its columns (ROW included). */
	select: (from: string) => string;
	/** Value steps only: a scalar expression counting the cells the step changed between two relations. */
	changed?: (before: string, after: string) => string;
}

const q = quoteIdent;
const ws = quoteLiteral(WHITESPACE);
const row = q(ROW);
const edges = quoteLiteral(`^[${WHITESPACE}]|[${WHITESPACE}]$`);

const NUMERIC = new Set(['DOUBLE', 'BIGINT']);

function canonicalColumns(kind: TableKind, present: readonly string[]): CanonicalColumn[] {
	return CANONICAL[kind].columns.filter((c) => present.includes(c.name));
}

/**
 * The timestamp that orders a table's rows for "newest" and "previous": customers by updated_at
 * (else created_at), every other table by its main timestamp; null when the view lacks it.
 */
export function orderTimestamp(kind: TableKind, present: readonly string[]): string | null {
	const main = CANONICAL[kind].mainTimestamp;
	const choices = kind === 'customers' ? ['updated_at', 'created_at'] : main ? [main] : [];
	return choices.find((c) => present.includes(c)) ?? null;
}

function replaceSelect(from: string, exprs: [string, string][]): string {
	return `SELECT * REPLACE (${exprs.map(([c, e]) => `${e} AS ${q(c)}`).join(', ')}) FROM ${from}`;
}

/** Cells whose new expression differs from the old value, counted over the step's input. */
function cellsDiffering(exprs: [string, string][]): (before: string) => string {
	const counts = exprs.map(([c, e]) => `count(*) FILTER (WHERE (${e}) IS DISTINCT FROM ${q(c)})`);
	return (before) => `(SELECT ${counts.join(' + ')} FROM ${before})`;
}

function dropDuplicates(present: readonly string[]): PlannedStep | null {
	if (!present.length) return null;
	const source = q(SOURCE_FILE_COLUMN);
	// A GROUP BY is several times faster than a window over every column; it lists the columns
	// in the view's (canonical) order, then source_file, as crm.<kind> has them.
	return {
		step: 'dropDuplicates',
		select: (from) =>
			`SELECT ${present.map(q).join(', ')}, arg_min(${source}, ${row}) AS ${source}, min(${row}) AS ${row} FROM ${from} GROUP BY ALL`
	};
}

function keepPerKey(kind: TableKind, present: readonly string[], keep: TableCleaning['keepPerKey']): PlannedStep | null {
	const key = CANONICAL[kind].key;
	if (!keep || !key.length || !key.every((k) => present.includes(k))) return null;
	const ts = orderTimestamp(kind, present);
	const order = keep === 'first' ? row : [...(ts ? [`${q(ts)} DESC NULLS LAST`] : []), `${row} DESC`].join(', ');
	// A row missing part of its key cannot be matched with others: it is kept.
	const unkeyed = key.map((k) => ` OR ${q(k)} IS NULL`).join('');
	return {
		step: 'keepPerKey',
		select: (from) =>
			`SELECT * FROM ${from} QUALIFY row_number() OVER (PARTITION BY ${key.map(q).join(', ')} ORDER BY ${order}) = 1${unkeyed}`
	};
}

function valueStep(step: CleaningStep, exprs: [string, string][]): PlannedStep | null {
	if (!exprs.length) return null;
	return { step, select: (from) => replaceSelect(from, exprs), changed: cellsDiffering(exprs) };
}

/** Trimmed of WHITESPACE; blank → NULL. The cheap test first: trim with a character list is slow. */
export function trimSql(column: string): string {
	const c = q(column);
	return `CASE WHEN regexp_matches(${c}, ${edges}) THEN NULLIF(trim(${c}, ${ws}), '') ELSE NULLIF(${c}, '') END`;
}

/** Trimmed, lower-cased and looked up in the label table; blank → NULL. */
export function unifySql(column: string, table: LabelTable): string {
	const key = `regexp_replace(lower(${q(column)}), ${quoteLiteral(KEY_DROPPED)}, '', 'g')`;
	const whens = [...labelLookup(table)].map(([k, label]) => `WHEN ${quoteLiteral(k)} THEN ${quoteLiteral(label)}`);
	return `CASE ${key} ${whens.join(' ')} ELSE NULLIF(lower(trim(${q(column)}, ${ws})), '') END`;
}

function fillWindow(kind: TableKind, present: readonly string[], column: string, method: FillMethod): string {
	const c = q(column);
	if (method === 'mean') return `avg(${c}) OVER ()`;
	if (method === 'median') return `quantile_cont(${c}, 0.5) OVER ()`;
	const ts = orderTimestamp(kind, present);
	const key = CANONICAL[kind].key.filter((k) => present.includes(k));
	const order = [...(ts ? [ts] : []), ...key].map((x) => `${q(x)} ASC NULLS LAST`);
	return `last_value(${c} IGNORE NULLS) OVER (ORDER BY ${[...order, row].join(', ')} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
}

function fillMissing(kind: TableKind, present: readonly string[], fill: Record<string, FillMethod>): PlannedStep | null {
	const columns = canonicalColumns(kind, present).filter((c) => NUMERIC.has(c.type) && fill[c.name]);
	if (!columns.length) return null;
	const exprs: [string, string][] = columns.map((c) => [
		c.name,
		`CAST(coalesce(${q(c.name)}, ${fillWindow(kind, present, c.name, fill[c.name])}) AS ${c.type})`
	]);
	// Filling only turns NULLs into values: the cells filled are the rise in non-null cells.
	const nonNull = (from: string) => `(SELECT ${columns.map((c) => `count(${q(c.name)})`).join(' + ')} FROM ${from})`;
	return {
		step: 'fillMissing',
		select: (from) => replaceSelect(from, exprs),
		changed: (before, after) => `${nonNull(after)} - ${nonNull(before)}`
	};
}

/**
 * The steps that are on and can apply to a view with these canonical columns, in STEP_ORDER.
 * A step whose columns the view lacks (unify without label columns, keep per key without the
 * whole key, fill of an absent column) is left out.
 */
export function planSteps(kind: TableKind, columns: readonly string[], config: TableCleaning | undefined): PlannedStep[] {
	if (!CANONICAL[kind]) throw new Error(`unknown table kind: ${kind}`);
	if (!config) return [];
	const present = canonicalColumns(kind, columns).map((c) => c.name);
	const trims: [string, string][] = canonicalColumns(kind, present)
		.filter((c) => c.type === 'VARCHAR')
		.map((c) => [c.name, trimSql(c.name)]);
	const labels: [string, string][] = Object.entries(LABEL_COLUMNS[kind] ?? {})
		.filter(([c]) => present.includes(c))
		.map(([c, table]) => [c, unifySql(c, table)]);
	const build: Record<CleaningStep, () => PlannedStep | null> = {
		dropDuplicates: () => (config.dropDuplicates ? dropDuplicates(present) : null),
		keepPerKey: () => keepPerKey(kind, present, config.keepPerKey),
		trimText: () => (config.trimText ? valueStep('trimText', trims) : null),
		unifyLabels: () => (config.unifyLabels ? valueStep('unifyLabels', labels) : null),
		fillMissing: () => fillMissing(kind, present, config.fillMissing ?? {})
	};
	return STEP_ORDER.map((s) => build[s]()).filter((s): s is PlannedStep => s !== null);
}
