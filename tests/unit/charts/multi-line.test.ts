// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { multiLine } from '../../../src/lib/charts/multi-line';
import { PALETTE } from '../../../src/lib/charts/plot-document';

process.env.TZ = 'UTC';

/** Serialised SVG/HTML with numbers rounded to 2 decimals, so snapshots survive float noise. */
function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const days = [
	{ day: '2025-01-01', requests: 6, p50: 120, p95: 200, p99: 5000 },
	{ day: '2025-01-02', requests: 9, p50: 100, p95: 180, p99: 900 },
	{ day: '2025-01-04', requests: 1, p50: 90, p95: null, p99: null },
	{ day: '2025-01-05', requests: 4, p50: 0, p95: 300, p99: 350 }
];
const series = [
	{ key: 'p50', label: 'p50' },
	{ key: 'p95', label: 'p95' },
	{ key: 'p99', label: 'p99' }
];
const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);
const paths = (root: Element) => [...root.querySelectorAll('g[aria-label="line"] path')];

describe('multiLine', () => {
	it('draws p50, p95 and p99 in the first three Okabe–Ito colours, with a legend and the unit on the axis', () => {
		const figure = multiLine(days, { x: 'day', series, unit: 'ms', yLabel: 'response time (ms)', document });
		expect(paths(figure).map((p) => p.getAttribute('stroke'))).toEqual(PALETTE.slice(0, 3));
		const swatches = [...figure.querySelectorAll('span svg')].map((s) => s.getAttribute('fill'));
		expect(swatches).toEqual(PALETTE.slice(0, 3));
		expect(texts(figure, 'span')).toEqual(['p50', 'p95', 'p99']);
		expect(figure.textContent).toContain('response time (ms)');
	});

	it('breaks a line at a missing value instead of joining its neighbours', () => {
		const figure = multiLine(days, { x: 'day', series, unit: 'ms', yLabel: 'ms', document });
		const [p50, p95] = paths(figure).map((p) => p.getAttribute('d') ?? '');
		// p50 has all 4 days: one path, one move. p95 misses 2025-01-04: two pieces, two moves.
		expect(p50.match(/M/g)).toHaveLength(1);
		expect(p95.match(/M/g)).toHaveLength(2);
		// 4 days × 3 series − 2 missing values = 10 dots (few days: dots are drawn).
		expect(figure.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(10);
	});

	it('draws a rate as a percentage, one series without a legend', () => {
		const rows = [
			{ day: '2025-02-01', error_rate: 0.1 },
			{ day: '2025-02-02', error_rate: 0.25 }
		];
		const chart = multiLine(rows, {
			x: 'day',
			series: [{ key: 'error_rate', label: 'error rate' }],
			unit: 'rate',
			yLabel: 'error rate (%)',
			document
		});
		expect(chart.tagName.toLowerCase()).toBe('svg');
		// 0.25 is drawn as 25: the y axis reaches 25, from 0.
		expect(texts(chart, 'g[aria-label="y-axis tick label"] text')).toEqual(['0', '5', '10', '15', '20', '25']);
	});

	it('on a log axis leaves out values ≤ 0 and labels one grid line per decade', () => {
		const chart = multiLine(days, { x: 'day', series, unit: 'ms', yLabel: 'ms', log: true, document });
		// The p50 of 0 on 2025-01-05 cannot be drawn on a log axis: 10 − 1 = 9 dots.
		expect(chart.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(9);
		// Values run from 90 to 5000: the decades inside are 100 and 1000.
		expect(texts(chart, 'g[aria-label="y-axis tick label"] text')).toEqual(['100', '1k']);
	});

	it('names the bad option', () => {
		expect(() => multiLine(days, { x: 'day', series: [], unit: 'ms', yLabel: 'ms', document })).toThrow('multiLine: no series for day');
		const many = Array.from({ length: PALETTE.length + 1 }, (_, i) => ({ key: `k${i}`, label: `s${i}` }));
		expect(() => multiLine(days, { x: 'day', series: many, unit: 'ms', yLabel: 'ms', document })).toThrow(
			'multiLine: too many series for the palette: 9'
		);
	});

	it('matches the SVG snapshot', async () => {
		const figure = multiLine(days, { x: 'day', series, unit: 'ms', yLabel: 'response time (ms)', document });
		await expect(serialise(figure)).toMatchFileSnapshot('__snapshots__/multi-line.svg');
	});
});
