// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { durationSpread } from '../../../src/lib/charts/duration-spread';
import { PALETTE } from '../../../src/lib/charts/plot-document';

process.env.TZ = 'UTC';

function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const byChannel = [
	{ channel: 'email', n: 10, p50: 5, p90: 20, mean: 8, negative: 0 },
	{ channel: 'phone', n: 4, p50: 12, p90: 30, mean: 35, negative: 1 },
	{ channel: null, n: 2, p50: 1, p90: 2, mean: 1.5, negative: 0 },
	{ channel: 'chat', n: 0, p50: null, p90: null, mean: null, negative: 3 }
];

function bars(figure: Element, fill: string): Element[] {
	return [...figure.querySelectorAll('g[aria-label="bar"] rect')].filter((r) => r.getAttribute('fill') === fill);
}

describe('durationSpread', () => {
	it('draws a p90 bar, an inner median bar and a mean tick per group with values, largest median first', () => {
		const figure = durationSpread(byChannel, { category: 'channel', label: 'hours', format: (v) => `${v} h`, document });
		// chat has no durations (only negative ones), so 3 groups remain.
		expect(bars(figure, PALETTE[1])).toHaveLength(3);
		expect(bars(figure, PALETTE[0])).toHaveLength(3);
		expect(figure.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(3);
		const ticks = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
		// medians: phone 12 > email 5 > (none) 1.
		expect(ticks).toEqual(['phone', 'email', '(none)']);
	});

	it('names the statistics in the legend, in the colours of the bars', () => {
		const figure = durationSpread(byChannel, { category: 'channel', label: 'hours', document });
		const legend = [...figure.querySelectorAll('span')].map((s) => [s.textContent, s.querySelector('svg')?.getAttribute('fill')]);
		expect(legend).toEqual([
			['median (p50)', PALETTE[0]],
			['90th percentile (p90)', PALETTE[1]],
			['mean', PALETTE[7]]
		]);
		expect(figure.textContent).toContain('hours');
	});

	it('puts the mean tick past the p90 bar when the mean is larger (a long tail)', () => {
		const figure = durationSpread(byChannel, { category: 'channel', label: 'hours', document });
		const phoneTick = figure.querySelectorAll('g[aria-label="tick"] line')[0];
		const phoneP90 = bars(figure, PALETTE[1])[0];
		// phone: mean 35 > p90 30, so the tick lies right of the bar's end.
		expect(Number(phoneTick.getAttribute('x1'))).toBeGreaterThan(
			Number(phoneP90.getAttribute('x')) + Number(phoneP90.getAttribute('width'))
		);
	});

	it('keeps the groups with most durations when there are more than the limit', () => {
		const figure = durationSpread(byChannel, { category: 'channel', label: 'hours', limit: 2, document });
		const ticks = [...figure.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
		// n: email 10, phone 4 are kept; (none) with 2 is left out.
		expect(ticks).toEqual(['phone', 'email']);
	});

	it('matches the SVG snapshot', async () => {
		const figure = durationSpread(byChannel, { category: 'channel', label: 'hours', format: (v) => `${v} h`, document });
		await expect(serialise(figure)).toMatchFileSnapshot('__snapshots__/duration-spread.svg');
	});
});
