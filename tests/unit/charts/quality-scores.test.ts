import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { qualityScores } from '../../../src/lib/charts/quality-scores';
import { PALETTE } from '../../../src/lib/charts/plot-document';

process.env.TZ = 'UTC';
const { document } = new JSDOM('<!doctype html><body></body>').window;

function serialise(el: Element): string {
	return el.outerHTML.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

const scores = [
	{ table: 'customers', score: 88.7 },
	{ table: 'order_lines', score: 100 },
	{ table: 'empty', score: null },
	{ table: 'notes', score: 55.25 }
];

describe('qualityScores', () => {
	it('draws tables in order, coloured by band, with the score written at the bar end', () => {
		const svg = qualityScores(scores, { document });
		const labels = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
		expect(labels).toEqual(['customers', 'order_lines', 'notes']);
		// 88.7 fair (70–90), 100 good, 55.25 poor; labels to one decimal
		const fills = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) => r.getAttribute('fill'));
		expect(fills).toEqual([PALETTE[1], PALETTE[2], PALETTE[3]]);
		const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
		expect(texts).toEqual(['88.7', '100', '55.3']);
		expect(svg.textContent).toContain('quality score (0–100)');
	});

	it('matches the SVG snapshot', async () => {
		await expect(serialise(qualityScores(scores, { document }))).toMatchFileSnapshot('__snapshots__/quality-scores.svg');
	});
});
