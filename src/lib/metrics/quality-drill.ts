import { quoteIdent } from '../sql/quote';
import type { Catalog } from './catalog';
import { applicableRules, attributes, checkableForeignKeys, orphan, perKey } from './quality-checks';
import { missing } from './quality-sql';
import { qualityTargets, type QualityTarget } from './quality-targets';

/**
 * The rows behind a quality number, for the page to list: each drill selects whole rows of the
 * measured table with the same condition the metric counts, so the list and the number agree.
 */

export type Drill =
	/** Rows whose column is NULL or blank (`quality.missing_pct`). */
	| { check: 'missing'; column: string }
	/** Every row of a group of rows identical on all measured columns (`quality.duplicate_rows`). */
	| { check: 'duplicate_rows' }
	/** Every row whose complete key another row shares (`quality.duplicate_keys`). */
	| { check: 'duplicate_keys' }
	/** Rows breaking one rule of `quality.invalid` (the rule's name, as in its `by_rule` breakdown). */
	| { check: 'invalid'; rule: string }
	/** Rows whose foreign key `column` has no parent (`quality.orphans`). */
	| { check: 'orphans'; column: string }
	/** Every row of a key that carries two or more non-null values of `column` (`quality.conflicts`). */
	| { check: 'conflicts'; column: string };

export type DrillCheck = Drill['check'];

/** How many rows a drill lists unless told otherwise. */
export const DRILL_LIMIT = 50;

const MAX_LIMIT = 10_000;

const q = quoteIdent;

function findTarget(catalog: Catalog, table: string): QualityTarget {
	const t = qualityTargets(catalog).find((x) => x.name === table);
	if (!t) throw new Error(`no quality table named ${table}`);
	return t;
}

/** The key when every key column is there (as quality.ts measures duplicate keys and conflicts). */
function usableKey(t: QualityTarget): readonly string[] {
	if (!t.key || !t.key.every((c) => t.columns.includes(c))) throw new Error(`table ${t.name} has no complete key`);
	return t.key;
}

function canonicalKind(t: QualityTarget) {
	if (!t.kind) throw new Error(`table ${t.name} is not a canonical table: it has no rules, foreign keys or conflicts`);
	return t.kind;
}

function column(t: QualityTarget, name: string): string {
	if (!t.columns.includes(name)) throw new Error(`no column ${name} in ${t.name}`);
	return name;
}

/** Rows grouped by key (when there is one), then ordered on every column so the list is stable. */
function orderBy(t: QualityTarget, alias = ''): string {
	const first = t.key && t.key.every((c) => t.columns.includes(c)) ? t.key : [];
	const cols = [...first, ...t.columns.filter((c) => !first.includes(c))];
	return cols.length ? `ORDER BY ${cols.map((c) => `${alias}${q(c)}`).join(', ')}` : '';
}

function notNull(cols: readonly string[], alias = ''): string {
	return cols.map((c) => `${alias}${q(c)} IS NOT NULL`).join(' AND ');
}

function conflictRows(t: QualityTarget, attr: string, limit: number): string {
	const key = usableKey(t);
	if (!attributes({ ...t, key }).includes(attr)) throw new Error(`${attr} is a key column of ${t.name}, not an attribute`);
	const sameKey = key.map((k) => `k.${q(k)} = d.${q(k)}`).join(' AND ');
	return `SELECT d.* FROM ${t.from} AS d WHERE EXISTS (SELECT 1 FROM (${perKey({ ...t, key })}) k WHERE k.${q(attr)} > 1 AND ${sameKey}) ${orderBy(t, 'd.')} LIMIT ${limit}`;
}

/**
 * SQL listing the first `limit` rows behind one quality check of `table` (a name from the
 * metric ids: a canonical table or a raw table). Throws, naming it, for a table, column or
 * rule the catalog does not have.
 */
export function drillSql(catalog: Catalog, table: string, drill: Drill, limit = DRILL_LIMIT): string {
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new Error(`invalid drill limit: ${limit}`);
	const t = findTarget(catalog, table);
	const select = (where: string) => `SELECT * FROM ${t.from} ${where} ${orderBy(t)} LIMIT ${limit}`;
	switch (drill.check) {
		case 'missing':
			return select(`WHERE ${missing(column(t, drill.column))}`);
		case 'duplicate_rows':
			if (!t.columns.length) throw new Error(`table ${t.name} has no columns to compare`);
			return select(`QUALIFY count(*) OVER (PARTITION BY ${t.columns.map(q).join(', ')}) > 1`);
		case 'duplicate_keys': {
			const key = usableKey(t);
			return select(`WHERE ${notNull(key)} QUALIFY count(*) OVER (PARTITION BY ${key.map(q).join(', ')}) > 1`);
		}
		case 'invalid': {
			const kind = canonicalKind(t);
			const rule = applicableRules(catalog, kind).find((r) => r.name === drill.rule);
			if (!rule) throw new Error(`no rule "${drill.rule}" applies to ${t.name}`);
			return select(`WHERE coalesce(${rule.when}, FALSE)`);
		}
		case 'orphans': {
			const kind = canonicalKind(t);
			const fk = checkableForeignKeys(catalog, kind).find((f) => f.column === drill.column);
			if (!fk) throw new Error(`no checkable foreign key ${drill.column} in ${t.name}`);
			return select(`WHERE ${orphan(fk)}`);
		}
		case 'conflicts':
			canonicalKind(t);
			return conflictRows(t, column(t, drill.column), limit);
		default:
			throw new Error(`unknown drill: ${JSON.stringify(drill satisfies never)}`);
	}
}
