// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { backlogAge } from '../../../src/lib/charts/backlog-age';

process.env.TZ = 'UTC';

function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const ages = [
	{ age: '< 1 day', tickets: 2 },
	{ age: '1–3 days', tickets: 0 },
	{ age: '3–7 days', tickets: 5 },
	{ age: '7–30 days', tickets: 1 },
	{ age: '≥ 30 days', tickets: 3 }
];

describe('backlogAge', () => {
	it('keeps the buckets in age order, not by size', () => {
		const svg = backlogAge(ages, { document });
		const labels = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
		expect(labels).toEqual(['< 1 day', '1–3 days', '3–7 days', '7–30 days', '≥ 30 days']);
		expect(svg.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(5);
		const heights = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => Number(r.getAttribute('height') ?? 0));
		// 3–7 days (5) is the tallest, 1–3 days (0) is flat.
		expect(heights.indexOf(Math.max(...heights))).toBe(2);
		expect(heights[1]).toBe(0);
		expect(svg.textContent).toContain('open tickets');
	});

	it('labels the count axis with whole numbers only', () => {
		const svg = backlogAge(
			[
				{ age: '< 1 day', tickets: 1 },
				{ age: '1–3 days', tickets: 0 }
			],
			{ document }
		);
		const ticks = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
		// The tallest bar is 1 ticket: ticks 0 and 1, not 0.0, 0.2, … 1.0.
		expect(ticks).toEqual(['0', '1']);
	});

	it('matches the SVG snapshot', async () => {
		await expect(serialise(backlogAge(ages, { document }))).toMatchFileSnapshot('__snapshots__/backlog-age.svg');
	});
});
