import type { Filters } from '../metrics/types';

const DAY = 86_400_000;

function day(date: string): number {
	return Date.parse(`${date}T00:00:00Z`);
}

function date(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** A `change_pct_*` rule's period and the one of equal length just before it. */
export interface Comparison {
	current: Filters;
	previous: Filters;
}

/**
 * The periods a `change_pct_*` rule compares (dates inclusive):
 * - `from` and `to`: that range, against the same number of days before it;
 * - only `from`: from `from` to the reference date, likewise;
 * - otherwise week over week: the 7 days ending on `to` (or on the reference date) against
 *   the 7 days before them.
 * null when there is no reference date (no data) and the range needs one.
 */
export function comparisonPeriods(filters: Filters, referenceDate: string | null): Comparison | null {
	const rest: Filters = { ...filters };
	delete rest.from;
	delete rest.to;
	const to = filters.to ?? referenceDate?.slice(0, 10);
	if (!to) return null;
	const end = day(to);
	const start = filters.from ? day(filters.from) : end - 6 * DAY;
	if (end < start) return null;
	const length = end - start + DAY;
	return {
		current: { ...rest, from: date(start), to: date(end) },
		previous: { ...rest, from: date(start - length), to: date(end - length) }
	};
}
