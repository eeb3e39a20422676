import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { missingByColumn } from '../../../src/lib/charts/quality-missing';
import { PALETTE } from '../../../src/lib/charts/plot-document';

process.env.TZ = 'UTC';
const { document } = new JSDOM('<!doctype html><body></body>').window;

function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const columns = [
	{ column: 'order_id', pct: 0 },
	{ column: 'amount', pct: 14.285714 },
	{ column: 'shipped_at', pct: 57.142857 },
	{ column: 'channel', pct: 2.5 },
	{ column: 'gone', pct: null }
];

describe('missingByColumn', () => {
	it('keeps column order, colours columns above the threshold and leaves out unknown ones', () => {
		const svg = missingByColumn(columns, { document });
		const labels = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
		expect(labels).toEqual(['order_id', 'amount', 'shipped_at', 'channel']);
		const fills = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute('fill'));
		// 14.3 and 57.1 are above 10; 0 and 2.5 are not
		expect(fills).toEqual([PALETTE[0], PALETTE[3], PALETTE[3], PALETTE[0]]);
		expect(svg.textContent).toContain('missing (% of rows)');
		expect(svg.textContent).toContain('10%');
	});

	it('scales to 20 % at least, and to the largest value rounded up to 10', () => {
		const small = missingByColumn([{ column: 'a', pct: 3 }], { document });
		const ticks = (svg: Element) => [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
		expect(ticks(small).at(-1)).toBe('20');
		// 57.1 → 60
		expect(ticks(missingByColumn(columns, { document })).at(-1)).toBe('60');
	});

	it('matches the SVG snapshot', async () => {
		await expect(serialise(missingByColumn(columns, { document }))).toMatchFileSnapshot('__snapshots__/quality-missing.svg');
	});
});
