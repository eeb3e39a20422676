// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rfmCells, rfmGrid } from '../../../src/lib/charts/rfm-grid';

process.env.TZ = 'UTC';

function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const rows = [
	{ customer: 'a', r: 5, f: 5, segment: 'Champions' },
	{ customer: 'b', r: 5, f: 5, segment: 'Champions' },
	{ customer: 'c', r: 5, f: 5, segment: 'Loyal' },
	{ customer: 'd', r: 1, f: 1, segment: 'Lost' },
	{ customer: 'e', r: 3, f: 2, segment: 'Need attention' },
	{ customer: 'f', r: 3, f: 2, segment: null },
	{ customer: 'g', r: null, f: 2, segment: 'Lost' },
	{ customer: 'h', r: 6, f: 2, segment: 'Lost' }
];

describe('rfmCells', () => {
	it('counts customers per (R, F) pair in all 25 cells, with the segments in each, and skips rows without valid scores', () => {
		const cells = rfmCells(rows);
		expect(cells).toHaveLength(25);
		const at = (r: number, f: number) => cells.find((c) => c.r === r && c.f === f)!;
		// a, b, c are R5 F5: Champions 2, Loyal 1.
		expect(at(5, 5)).toEqual({ r: 5, f: 5, customers: 3, segments: 'Champions 2 · Loyal 1' });
		expect(at(1, 1)).toEqual({ r: 1, f: 1, customers: 1, segments: 'Lost 1' });
		// e and f are R3 F2; f has no segment; ties in count are ordered by name ('(' sorts before 'N').
		expect(at(3, 2)).toEqual({ r: 3, f: 2, customers: 2, segments: '(no segment) 1 · Need attention 1' });
		expect(at(2, 4)).toEqual({ r: 2, f: 4, customers: 0, segments: '' });
		// g (no R) and h (R 6) are left out: 8 rows − 2 = 6 customers.
		expect(cells.reduce((sum, c) => sum + c.customers, 0)).toBe(6);
	});
});

describe('rfmGrid', () => {
	it('draws 25 cells with their counts, recency 5 at the top, frequency 1 to 5 across', () => {
		const figure = rfmGrid(rows, { document });
		expect(figure.querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(25);
		const labels = [...figure.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
		// 25 labels: 3, 1 and 2 once each, the other 22 cells 0.
		expect(labels).toHaveLength(25);
		expect(labels.filter((l) => l === '0')).toHaveLength(22);
		const yTicks = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
		expect(yTicks).toEqual(['5', '4', '3', '2', '1']);
		const xTicks = [...figure.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
		expect(xTicks).toEqual(['1', '2', '3', '4', '5']);
		expect(figure.textContent).toContain('Recency score R');
		expect(figure.textContent).toContain('Frequency score F');
	});

	it('writes counts in white on the darkest cells only', () => {
		const figure = rfmGrid(rows, { document });
		const white = [...figure.querySelectorAll('g[aria-label="text"][fill="white"] text')].map((t) => t.textContent);
		// The maximum is 3; only counts above 0.55 × 3 = 1.65 are dark: 3 and 2.
		expect(white.sort()).toEqual(['2', '3']);
	});

	it('matches the SVG snapshot', async () => {
		await expect(serialise(rfmGrid(rows, { document }))).toMatchFileSnapshot('__snapshots__/rfm-grid.svg');
	});
});
