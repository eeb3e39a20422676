// Checks that the three implementations give the same numbers.

/** Freshness is measured against the current time, which moves between the runs (as in tests/e2e/pages.ts). */
const CLOCK_BOUND = /^quality\.(freshness_days|score)\./;

/**
 * Sums of DOUBLE amounts added in another order differ in the last bits: native DuckDB with two threads and
 * plain JS both add in another order than the single-threaded wasm engine. These are compared to 1e-12
 * relative; every other number must be identical.
 */
export const FLOAT_SUMS = { 'behaviour.revenue': 1e-12, 'behaviour.aov': 1e-12 };

function same(id, a, b, relative) {
	if (a === null || b === null) return a === b;
	if (CLOCK_BOUND.test(id)) return Math.abs(a - b) < 0.05;
	return relative ? Math.abs(a - b) <= relative * Math.abs(b) : a === b;
}

/**
 * Differences, as readable lines, between the app's numbers and a reference's over `ids` (each must be in both).
 * Equal means identical, except for the ids in `relative`, compared to that relative tolerance.
 */
export function differences(label, app, reference, ids, relative = FLOAT_SUMS) {
	const out = [];
	for (const id of ids) {
		if (!(id in app)) out.push(`${label}: ${id} is not shown by the app`);
		else if (!(id in reference)) out.push(`${label}: ${id} is shown by the app but not computed`);
		else if (!same(id, app[id], reference[id], relative[id])) out.push(`${label}: ${id} app ${app[id]} ≠ ${reference[id]}`);
	}
	return out;
}
