// Every analytic page over the real Olist exports shows exactly what `crm-pulse report --json`
// computes for the same folder and filters. The pages are reached by clicking, as a user would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type App } from '../e2e/browser';
import { cliReport, expectSameNumbers, metricsSettled, PAGES, screenshot, setFilters, shownMetrics } from '../e2e/pages';
import { sharedDir } from '../helpers/shared';

const olist = sharedDir('datasets', 'olist');
const files = readdirSync(olist)
	.filter((f) => f.endsWith('.csv'))
	.map((f) => join(olist, f));

let app: App;
beforeAll(async () => {
	app = await openApp();
	await app.page.setInputFiles('[data-testid=file-input]', files);
	await app.page.waitForFunction(
		(n) => document.querySelectorAll('[data-table]').length === n && !document.querySelector('[data-loading]'),
		files.length,
		{ timeout: 120_000 }
	);
});
afterAll(() => app.close());

describe('the analytic pages over the Olist files equal crm-pulse report --json', () => {
	it.each([
		['no filters', {}],
		['the first quarter of 2018', { from: '2018-01-01', to: '2018-03-31' }]
	] as Array<[string, Record<string, string>]>)('%s', async (label, filters) => {
		const cli = cliReport([olist], filters);
		await app.page.getByRole('link', { name: 'Overview' }).click();
		await metricsSettled(app.page);
		await setFilters(app.page, filters);
		let compared = 0;
		for (const page of PAGES) {
			await app.page.locator(`nav a[href*="/${page}"]`).click();
			await app.page.waitForURL((url) => url.pathname.includes(`/${page}`));
			await metricsSettled(app.page);
			compared += expectSameNumbers(await shownMetrics(app.page), cli);
			if (label === 'no filters') await screenshot(app.page, `olist-${page}`);
		}
		expect(compared).toBeGreaterThan(20);
	});
});
