import { CLEAN_SCHEMA, type TableKind } from '../canonical/schema';
import { quoteIdent, quoteLiteral } from '../sql/quote';

/** Small SQL fragments shared by the metric builders. Canonical names are ours, so they need no quoting. */

export function cleanTable(table: TableKind): string {
	return `${quoteIdent(CLEAN_SCHEMA)}.${quoteIdent(table)}`;
}

export function where(conds: readonly string[]): string {
	return conds.length ? `WHERE ${conds.join(' AND ')}` : '';
}

/** A division whose zero denominator gives NULL (DuckDB would give Infinity). */
export function div(num: string, den: string): string {
	return `(${num}) / nullif(${den}, 0)`;
}

/** A count as DOUBLE, optionally of the rows meeting `cond`. */
export function count(cond?: string): string {
	return cond ? `CAST(count(*) FILTER (WHERE ${cond}) AS DOUBLE)` : 'CAST(count(*) AS DOUBLE)';
}

export type DurationUnit = 'hours' | 'days' | 'minutes';

const MS_PER: Record<DurationUnit, string> = { minutes: '60000.0', hours: '3600000.0', days: '86400000.0' };

/** `end − start` in the given unit, as DOUBLE (negative when end is before start). */
export function between(start: string, end: string, unit: DurationUnit): string {
	return `(epoch_ms(${end}) - epoch_ms(${start})) / ${MS_PER[unit]}`;
}

/** The Monday of the ISO week of a timestamp, as DATE. */
export function isoWeek(ts: string): string {
	return `CAST(date_trunc('week', ${ts}) AS DATE)`;
}

/** `lower(trim(x)) IN (...)` over fixed or user-set labels; an empty list is never true. */
export function labelIn(expr: string, labels: readonly string[]): string {
	if (labels.length === 0) return 'FALSE';
	return `lower(trim(${expr})) IN (${labels.map((l) => quoteLiteral(l.trim().toLowerCase())).join(', ')})`;
}

export function timestampLiteral(text: string): string {
	return `CAST(${quoteLiteral(text)} AS TIMESTAMP)`;
}
