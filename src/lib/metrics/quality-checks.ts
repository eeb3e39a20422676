import type { TableKind } from '../canonical/schema';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { has, type Catalog } from './catalog';
import { FOREIGN_KEYS, INVALID_RULES, type ForeignKey, type InvalidRule } from './quality-rules';
import type { QualityTarget } from './quality-targets';
import { cleanTable, count } from './sql-parts';

/** Checks that need canonical meaning: orphans, invalid rows, conflicting values per key. */

/** Foreign keys of `kind` whose column is present. */
export function presentForeignKeys(catalog: Catalog, kind: TableKind): ForeignKey[] {
	return (FOREIGN_KEYS[kind] ?? []).filter((fk) => has(catalog, `${kind}.${fk.column}`));
}

/** Foreign keys whose column and parent key are both present. */
export function checkableForeignKeys(catalog: Catalog, kind: TableKind): ForeignKey[] {
	return presentForeignKeys(catalog, kind).filter((fk) => has(catalog, `${fk.parent}.${fk.parentColumn}`));
}

/** True for a row whose `fk` column is set but matches no parent row. */
export function orphan(fk: ForeignKey): string {
	const parent = `SELECT ${fk.parentColumn} FROM ${cleanTable(fk.parent)} WHERE ${fk.parentColumn} IS NOT NULL`;
	return `(${fk.column} IS NOT NULL AND ${fk.column} NOT IN (${parent}))`;
}

/** Rows with a non-null foreign key that no parent row has (a row counts once). */
export function orphansSql(catalog: Catalog, kind: TableKind): string {
	const fks = checkableForeignKeys(catalog, kind);
	return `SELECT ${count(fks.map(orphan).join(' OR ') || 'FALSE')} AS value FROM ${cleanTable(kind)}`;
}

export function orphansByKeySql(catalog: Catalog, kind: TableKind): string {
	const rows = checkableForeignKeys(catalog, kind).map(
		(fk, i) =>
			`SELECT ${i + 1} AS pos, ${quoteLiteral(fk.column)} AS "column", ${quoteLiteral(`${fk.parent}.${fk.parentColumn}`)} AS parent, ${count(orphan(fk))} AS orphans FROM ${cleanTable(kind)}`
	);
	return `SELECT "column", parent, orphans FROM (${rows.join(' UNION ALL ')}) o ORDER BY pos`;
}

export function applicableRules(catalog: Catalog, kind: TableKind): InvalidRule[] {
	return INVALID_RULES[kind].filter((r) => r.columns.every((c) => has(catalog, `${kind}.${c}`)));
}

/** Rows breaking at least one applicable rule (NULLs break no rule). */
export function invalidSql(catalog: Catalog, kind: TableKind): string {
	const rules = applicableRules(catalog, kind);
	return `SELECT ${count(rules.map((r) => `coalesce(${r.when}, FALSE)`).join(' OR ') || 'FALSE')} AS value FROM ${cleanTable(kind)}`;
}

export function invalidByRuleSql(catalog: Catalog, kind: TableKind): string {
	const cols = applicableRules(catalog, kind).map(
		(r, i) => `SELECT ${i + 1} AS pos, ${quoteLiteral(r.name)} AS rule, ${count(r.when)} AS "rows" FROM ${cleanTable(kind)}`
	);
	return `SELECT rule, "rows" FROM (${cols.join(' UNION ALL ')}) r ORDER BY pos`;
}

export function attributes(t: QualityTarget): string[] {
	return t.columns.filter((c) => !(t.key ?? []).includes(c));
}

/** Per complete key: the number of distinct non-null values of each attribute. */
export function perKey(t: QualityTarget): string {
	const key = (t.key ?? []).map(quoteIdent);
	const distinct = attributes(t).map((a) => `count(DISTINCT ${quoteIdent(a)}) AS ${quoteIdent(a)}`);
	return `SELECT ${[...key, ...distinct].join(', ')} FROM ${t.from} WHERE ${key.map((k) => `${k} IS NOT NULL`).join(' AND ')} GROUP BY ${key.join(', ')}`;
}

/** Keys carrying two or more different non-null values of some attribute. */
export function conflictsSql(t: QualityTarget): string {
	const attrs = attributes(t);
	if (attrs.length === 0) return `SELECT CAST(0 AS DOUBLE) AS value`;
	return `SELECT ${count(attrs.map((a) => `${quoteIdent(a)} > 1`).join(' OR '))} AS value FROM (${perKey(t)}) k`;
}

export function conflictsByColumnSql(t: QualityTarget): string {
	const attrs = attributes(t);
	if (attrs.length === 0) return `SELECT CAST(NULL AS VARCHAR) AS "column", CAST(0 AS DOUBLE) AS keys WHERE FALSE`;
	const rows = attrs.map(
		(a, i) => `SELECT ${i + 1} AS pos, ${quoteLiteral(a)} AS "column", ${count(`${quoteIdent(a)} > 1`)} AS keys FROM k`
	);
	return `WITH k AS (${perKey(t)}) SELECT "column", keys FROM (${rows.join(' UNION ALL ')}) c ORDER BY pos`;
}
