import { CANONICAL, TABLE_KINDS } from '../canonical/schema';
import { has } from './catalog';
import type { Catalog } from './catalog';
import { afterTo, fromDate } from './filters';
import type { Settings } from './settings';
import { cleanTable, timestampLiteral } from './sql-parts';
import type { Filters } from './types';

/**
 * SQL of the reference TIMESTAMP: the user's setting, else the newest main timestamp of any
 * canonical table that is not after the `to` filter (so recency and backlog are measured as at
 * the end of the range looked at). NULL when there is no data.
 */
export function referenceSql(catalog: Catalog, filters: Filters, settings: Settings): string {
	if (settings.referenceDate) return timestampLiteral(settings.referenceDate);
	const parts: string[] = [];
	for (const table of TABLE_KINDS) {
		const ts = CANONICAL[table].mainTimestamp;
		if (!ts || !has(catalog, `${table}.${ts}`)) continue;
		const cond = filters.to ? ` WHERE ${ts} < ${afterTo(filters.to)}` : '';
		parts.push(`SELECT max(${ts}) AS ts FROM ${cleanTable(table)}${cond}`);
	}
	if (parts.length === 0) return 'CAST(NULL AS TIMESTAMP)';
	return `(SELECT max(ts) FROM (${parts.join(' UNION ALL ')}))`;
}

/** The current and previous period as SQL DATE expressions: current = [start, end), previous = [prevStart, start). */
export interface Periods {
	prevStart: string;
	start: string;
	end: string;
}

/**
 * The period looked at, and the one of equal length just before it:
 * - `from` and `to`: [from, to]; the previous period has the same number of days.
 * - only `from`: [from, reference date].
 * - only `to`, or no range: the calendar month of `to` (or of the reference date) up to that
 *   day, and the whole calendar month before it.
 */
export function periods(filters: Filters, ref: string): Periods {
	if (filters.from) {
		const start = fromDate(filters.from);
		const end = filters.to ? `(CAST(${afterTo(filters.to)} AS DATE))` : `(CAST(${ref} AS DATE) + 1)`;
		return { prevStart: `(${start} - CAST(${end} - ${start} AS INTEGER))`, start, end };
	}
	const day = filters.to ? fromDate(filters.to) : `CAST(${ref} AS DATE)`;
	return {
		prevStart: `CAST(date_trunc('month', ${day}) - INTERVAL 1 MONTH AS DATE)`,
		start: `CAST(date_trunc('month', ${day}) AS DATE)`,
		end: `(${day} + 1)`
	};
}
