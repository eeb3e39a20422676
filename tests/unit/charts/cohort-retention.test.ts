// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cohortRetention } from '../../../src/lib/charts/cohort-retention';
import { cohortCells } from '../../../src/lib/components/customers/cohorts';

process.env.TZ = 'UTC';

function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

// Four customers: two first ordered in 2025-01 (one last in 2025-01, one in 2025-03),
// two in 2025-02 (last in 2025-02 and 2025-04); one row without dates is left out.
const rows = [
	{ customer: 'a', first_at: '2025-01-05 10:00:00', last_at: '2025-01-20 10:00:00' },
	{ customer: 'b', first_at: '2025-01-31 23:59:59', last_at: '2025-03-01 00:00:00' },
	{ customer: 'c', first_at: '2025-02-10 08:00:00', last_at: '2025-02-11 08:00:00' },
	{ customer: 'd', first_at: '2025-02-28 08:00:00', last_at: '2025-04-02 08:00:00' },
	{ customer: 'e', first_at: null, last_at: null }
];

describe('cohortCells', () => {
	it('counts a customer as retained in each month from the first-order month to the last-order month', () => {
		const cells = cohortCells(rows, '2025-04-15 12:00:00');
		const view = cells.map((c) => [c.cohort, c.month, c.retained, c.size]);
		// Cohort 2025-01 (a, b) runs to the reference month 2025-04: months 0..3.
		// Month 0: both; month 1 (Feb): b only (last in Mar ≥ Feb); month 2 (Mar): b; month 3 (Apr): none.
		// Cohort 2025-02 (c, d): months 0..2. Month 0: both; month 1 (Mar): d; month 2 (Apr): d.
		expect(view).toEqual([
			['2025-01', 0, 2, 2],
			['2025-01', 1, 1, 2],
			['2025-01', 2, 1, 2],
			['2025-01', 3, 0, 2],
			['2025-02', 0, 2, 2],
			['2025-02', 1, 1, 2],
			['2025-02', 2, 1, 2]
		]);
		expect(cells.map((c) => c.share)).toEqual([1, 0.5, 0.5, 0, 1, 0.5, 0.5]);
	});

	it('runs to the newest last order without a reference date, across a year end', () => {
		const cells = cohortCells([
			{ first_at: '2024-12-30', last_at: '2025-01-02' },
			{ first_at: '2024-11-01', last_at: '2024-11-02' }
		]);
		// Newest last order: 2025-01. Cohort 2024-11: Nov, Dec, Jan = 3 months; 2024-12: Dec, Jan = 2 months.
		expect(cells.map((c) => [c.cohort, c.month, c.retained])).toEqual([
			['2024-11', 0, 1],
			['2024-11', 1, 0],
			['2024-11', 2, 0],
			['2024-12', 0, 1],
			['2024-12', 1, 1]
		]);
	});

	it('is empty without dated customers', () => {
		expect(cohortCells([{ first_at: null, last_at: null }])).toEqual([]);
		expect(cohortCells([])).toEqual([]);
	});
});

describe('cohortRetention', () => {
	const cells = cohortCells(rows, '2025-04-15 12:00:00');

	it('draws one cell per cohort and month with the share as a percentage, cohorts in time order', () => {
		const figure = cohortRetention(cells, { document });
		expect(figure.querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(7);
		const labels = [...figure.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent).sort();
		expect(labels).toEqual(['0%', '100%', '100%', '50%', '50%', '50%', '50%']);
		const cohorts = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
		expect(cohorts).toEqual(['2025-01', '2025-02']);
		expect(figure.textContent).toContain('Months after the first order');
	});

	it('matches the SVG snapshot', async () => {
		await expect(serialise(cohortRetention(cells, { document }))).toMatchFileSnapshot('__snapshots__/cohort-retention.svg');
	});
});
