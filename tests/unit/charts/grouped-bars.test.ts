// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { groupedBars } from '../../../src/lib/charts/grouped-bars';
import { PALETTE } from '../../../src/lib/charts/plot-document';

process.env.TZ = 'UTC';

/** Serialised SVG/HTML with numbers rounded to 2 decimals, so snapshots survive float noise. */
function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const rows = [
	{ campaign: 'Spring', success_rate: 0.5, conversion: 0.25 },
	{ campaign: 'Double 11', success_rate: 0.75, conversion: null },
	{ campaign: 'web ', success_rate: 0.1, conversion: 0.05 },
	{ campaign: null, success_rate: null, conversion: 0.2 }
];
const series = [
	{ key: 'success_rate', label: 'success rate' },
	{ key: 'conversion', label: 'conversion' }
];
const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

describe('groupedBars', () => {
	it('orders categories by the first series, largest first, a category without it last', () => {
		const figure = groupedBars(rows, { category: 'campaign', series, unit: 'rate', valueLabel: 'share (%)', document });
		// success rates 0.75 > 0.5 > 0.1; the null campaign has no success rate.
		expect(texts(figure, 'g[aria-label="fy-axis tick label"] text')).toEqual(['Double 11', 'Spring', '"web "', '(none)']);
	});

	it('draws a bar per value present, rates as percentages, described in the unit', () => {
		const figure = groupedBars(rows, { category: 'campaign', series, unit: 'rate', valueLabel: 'share (%)', document });
		// 3 success rates + 3 conversions present (the nulls left out): 6 bars.
		expect(figure.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(6);
		expect([...figure.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute('aria-label')).sort()).toEqual(
			[
				'Spring · success rate: 50%',
				'Spring · conversion: 25%',
				'Double 11 · success rate: 75%',
				'"web " · success rate: 10%',
				'"web " · conversion: 5%',
				'(none) · conversion: 20%'
			].sort()
		);
		// 0.75 is drawn as 75: the x axis reaches 70, not 0.7.
		expect(texts(figure, 'g[aria-label="x-axis tick label"] text')).toContain('70');
		expect(figure.textContent).toContain('share (%)');
	});

	it('colours the series with the first Okabe–Ito colours and names them in a legend', () => {
		const figure = groupedBars(rows, { category: 'campaign', series, unit: 'rate', valueLabel: 'share (%)', document });
		const fills = new Set([...figure.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute('fill')));
		expect([...fills].sort()).toEqual([PALETTE[0], PALETTE[1]].sort());
		expect(figure.querySelector('svg')?.parentElement?.textContent).toContain('success rate');
		expect(figure.textContent).toContain('conversion');
	});

	it('draws one series without a legend, and keeps at most `limit` categories', () => {
		const chart = groupedBars(rows, {
			category: 'campaign',
			series: [series[0]],
			unit: 'rate',
			valueLabel: 'share (%)',
			limit: 2,
			document
		});
		expect(chart.tagName.toLowerCase()).toBe('svg');
		expect(texts(chart, 'g[aria-label="fy-axis tick label"] text')).toEqual(['Double 11', 'Spring']);
	});

	it('names the bad option', () => {
		expect(() => groupedBars(rows, { category: 'campaign', series: [], unit: 'rate', valueLabel: 'x', document })).toThrow(
			'groupedBars: no series for campaign'
		);
		const many = Array.from({ length: PALETTE.length + 1 }, (_, i) => ({ key: `k${i}`, label: `s${i}` }));
		expect(() => groupedBars(rows, { category: 'campaign', series: many, unit: 'rate', valueLabel: 'x', document })).toThrow(
			'groupedBars: too many series for the palette: 9'
		);
	});

	it('matches the SVG snapshot', async () => {
		const figure = groupedBars(rows, { category: 'campaign', series, unit: 'rate', valueLabel: 'share of activities (%)', document });
		await expect(serialise(figure)).toMatchFileSnapshot('__snapshots__/grouped-bars.svg');
	});
});
