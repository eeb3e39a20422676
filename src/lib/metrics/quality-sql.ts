import { quoteIdent } from '../sql/quote';
import type { QualityTarget } from './quality-targets';
import { count, div } from './sql-parts';

/** SQL of the quality measures any table has. Column names may come from a user's file: always quoted. */

const q = quoteIdent;

/** A cell is missing when NULL or blank. */
export function missing(column: string): string {
	return `(${q(column)} IS NULL OR trim(CAST(${q(column)} AS VARCHAR)) = '')`;
}

export function rowsSql(t: QualityTarget): string {
	return `SELECT ${count()} AS value FROM ${t.from}`;
}

/** One column per measured column, named after it: the percentage of missing cells. */
export function missingPctSql(t: QualityTarget): string {
	const cols = t.columns.map((c) => `${div(`100 * ${count(missing(c))}`, 'count(*)')} AS ${q(c)}`);
	return `SELECT ${cols.join(', ')} FROM ${t.from}`;
}

/** 100 − the mean missing percentage over the columns. */
export function completenessSql(t: QualityTarget): string {
	const missingCells = t.columns.map((c) => count(missing(c))).join(' + ');
	return `SELECT 100 - ${div(`100 * (${missingCells})`, `count(*) * ${t.columns.length}`)} AS value FROM ${t.from}`;
}

/** Rows identical (on every measured column) to an earlier row. */
export function duplicateRowsSql(t: QualityTarget): string {
	return `SELECT CAST(coalesce(sum(n - 1), 0) AS DOUBLE) AS value FROM (SELECT count(*) AS n FROM ${t.from} GROUP BY ${t.columns.map(q).join(', ')}) g`;
}

/** Rows sharing a complete key with an earlier row; rows with a NULL key part are not counted. */
export function duplicateKeysSql(t: QualityTarget, key: readonly string[]): string {
	const notNull = key.map((k) => `${q(k)} IS NOT NULL`).join(' AND ');
	return `SELECT CAST(coalesce(sum(n - 1), 0) AS DOUBLE) AS value FROM (SELECT count(*) AS n FROM ${t.from} WHERE ${notNull} GROUP BY ${key.map(q).join(', ')}) g`;
}

export function duplicateKeysPctSql(t: QualityTarget, key: readonly string[]): string {
	return `SELECT ${div(`100 * (${duplicateKeysSql(t, key)})`, `(SELECT count(*) FROM ${t.from})`)} AS value`;
}

/** Days from the newest timestamp in the table to `now`. */
export function freshnessSql(t: QualityTarget, now: string): string {
	const newest = t.timestamps.map((c) => `CAST(max(${q(c)}) AS TIMESTAMP)`);
	const latest = newest.length === 1 ? newest[0] : `greatest(${newest.join(', ')})`;
	return `SELECT (epoch_ms(${now}) - epoch_ms(${latest})) / 86400000.0 AS value FROM ${t.from}`;
}
