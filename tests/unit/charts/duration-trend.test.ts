// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { durationTrend } from '../../../src/lib/charts/duration-trend';
import { PALETTE } from '../../../src/lib/charts/plot-document';

process.env.TZ = 'UTC';

/** Serialised SVG/HTML with numbers rounded to 2 decimals, so snapshots survive float noise. */
function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const weeks = [
	{ week: '2025-01-06', n: 3, p50: 10, p90: 30 },
	{ week: '2025-01-13', n: 0, p50: null, p90: null },
	{ week: '2025-01-20', n: 5, p50: 12.345, p90: 40.5 }
];
const series = [
	{ key: 'p50', label: 'median (p50)' },
	{ key: 'p90', label: '90th percentile (p90)' }
];

describe('durationTrend', () => {
	it('draws p50 and p90 as two lines in the first two Okabe–Ito colours, with a legend', () => {
		const figure = durationTrend(weeks, { x: 'week', series, yLabel: 'hours', format: (v) => `${v.toFixed(1)} h`, document });
		const strokes = [...figure.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute('stroke'));
		expect(strokes).toEqual([PALETTE[0], PALETTE[1]]);
		const swatches = [...figure.querySelectorAll('span svg')].map((s) => s.getAttribute('fill'));
		expect(swatches).toEqual([PALETTE[0], PALETTE[1]]);
		expect(figure.textContent).toContain('median (p50)');
		expect(figure.textContent).toContain('90th percentile (p90)');
		expect(figure.textContent).toContain('hours');
	});

	it('leaves a gap for the week without values instead of joining its neighbours', () => {
		const figure = durationTrend(weeks, { x: 'week', series, yLabel: 'hours', document });
		// 2 weeks with values × 2 series = 4 dots.
		expect(figure.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(4);
		// Each line is two separate points (M…Z M…Z), no segment (L) across the empty week.
		for (const path of figure.querySelectorAll('g[aria-label="line"] path')) expect(path.getAttribute('d')).not.toContain('L');
	});

	it('refuses more series than the palette has colours', () => {
		const many = Array.from({ length: PALETTE.length + 1 }, (_, i) => ({ key: `k${i}`, label: `s${i}` }));
		expect(() => durationTrend(weeks, { x: 'week', series: many, yLabel: 'hours', document })).toThrow(
			'too many series for the palette: 9'
		);
	});

	it('matches the SVG snapshot', async () => {
		const figure = durationTrend(weeks, { x: 'week', series, yLabel: 'hours', format: (v) => `${v.toFixed(1)} h`, document });
		await expect(serialise(figure)).toMatchFileSnapshot('__snapshots__/duration-trend.svg');
	});
});
