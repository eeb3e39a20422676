import type { CohortCell } from '$lib/charts/cohort-retention';

/** 'YYYY-MM…' → months since year 0, or null. */
function monthIndex(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	const m = /^(\d{4})-(\d{2})/.exec(value);
	return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * An approximate retention triangle from per-customer first and last order dates (rows of
 * `value.clv.by_customer`): a customer of the cohort of their first-order month counts as
 * retained in every month up to the month of their last order. Gaps between orders are not
 * seen, so this is an upper bound of the share who ordered in that month. Months run up to
 * `until` ('YYYY-MM-DD…', the reference date), else to the newest last order.
 */
export function cohortCells(rows: readonly Record<string, unknown>[], until?: string | null): CohortCell[] {
	const customers = rows
		.map((r) => ({ first: monthIndex(r.first_at), last: monthIndex(r.last_at) }))
		.filter((c): c is { first: number; last: number } => c.first !== null && c.last !== null && c.last >= c.first);
	if (!customers.length) return [];
	const end = monthIndex(until) ?? Math.max(...customers.map((c) => c.last));
	const cohorts = new Map<number, number[]>();
	for (const c of customers) cohorts.set(c.first, [...(cohorts.get(c.first) ?? []), c.last]);
	const cells: CohortCell[] = [];
	for (const [first, lasts] of [...cohorts].sort((a, b) => a[0] - b[0])) {
		for (let month = 0; first + month <= end; month++) {
			const retained = lasts.filter((last) => last >= first + month).length;
			cells.push({ cohort: monthLabel(first), size: lasts.length, month, retained, share: retained / lasts.length });
		}
	}
	return cells;
}
