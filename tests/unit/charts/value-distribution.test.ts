// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { logThresholds, valueDistribution, wantsLog } from '../../../src/lib/charts/value-distribution';

process.env.TZ = 'UTC';

function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const heights = (figure: Element) => [...figure.querySelectorAll('g[aria-label="rect"] rect')].map((r) => Number(r.getAttribute('height')));

describe('logThresholds', () => {
	it('steps 1, 2, 5 per decade from the last edge at or below the minimum to the first edge above the maximum', () => {
		expect(logThresholds(5.7, 12108)).toEqual([5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]);
		expect(logThresholds(0.15, 3)).toEqual([0.1, 0.2, 0.5, 1, 2, 5]);
		// Equal edges: 1 is the bin [1, 2).
		expect(logThresholds(1, 1)).toEqual([1, 2]);
		expect(logThresholds(2, 5)).toEqual([2, 5, 10]);
	});

	it('names a bad range', () => {
		expect(() => logThresholds(0, 10)).toThrow('got 0 and 10');
		expect(() => logThresholds(5, 1)).toThrow('got 5 and 1');
	});
});

describe('wantsLog', () => {
	it('takes a log axis for positive values spanning 100× or more, unless told', () => {
		expect(wantsLog([1, 100])).toBe(true);
		expect(wantsLog([1, 99])).toBe(false);
		expect(wantsLog([0, 1000])).toBe(false);
		expect(wantsLog([5])).toBe(false);
		expect(wantsLog([1, 1000], 'linear')).toBe(false);
		expect(wantsLog([1, 2], 'log')).toBe(true);
	});
});

describe('valueDistribution', () => {
	// Log bins [1,2) [2,5) [5,10) [10,20) [20,50) [50,100) [100,200): counts 1, 2, 1, 1, 1, 0, 1.
	const skewed = [1, 3, 3, 7, 15, 40, 120];

	it('bins a long tail on a log axis with 1–2–5 edges, empty bins left out', () => {
		const figure = valueDistribution(skewed, { label: 'clv (currency)', median: 7, document });
		const h = heights(figure);
		expect(h).toHaveLength(6);
		// The [2, 5) bin holds 2 customers: twice as tall as each of the others.
		expect(h[1]).toBeCloseTo(2 * h[0], 6);
		expect(h.filter((x) => Math.abs(x - h[0]) < 1e-6)).toHaveLength(5);
		expect(figure.textContent).toContain('clv (currency), log scale');
		expect(figure.textContent).toContain('median');
		expect(figure.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(2);
	});

	it('uses a linear axis when asked, and draws no median rule without a median', () => {
		const figure = valueDistribution(skewed, { label: 'days', scale: 'linear', document });
		expect(figure.textContent).not.toContain('log scale');
		expect(figure.textContent).not.toContain('median');
		// All 7 customers are counted: the bar heights add up to 7 × the height of one customer.
		const h = heights(figure);
		const one = Math.min(...h);
		expect(h.reduce((s, x) => s + x, 0) / one).toBeCloseTo(7, 6);
	});

	it('matches the SVG snapshots', async () => {
		await expect(serialise(valueDistribution(skewed, { label: 'clv (currency)', median: 7, document }))).toMatchFileSnapshot(
			'__snapshots__/value-distribution-log.svg'
		);
		await expect(serialise(valueDistribution([2, 4, 4, 5, 9, 11, 12], { label: 'days', median: 5, document }))).toMatchFileSnapshot(
			'__snapshots__/value-distribution-linear.svg'
		);
	});
});
