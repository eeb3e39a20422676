import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listedTables, openApp, type App } from './browser';
import { cliReport, expectSameNumbers, metricsSettled, PAGES, screenshot, setFilters, shownMetrics } from './pages';

let app: App;
beforeAll(async () => {
	app = await openApp('?sample');
	await app.page.waitForFunction(
		() => document.querySelectorAll('[data-table]').length === 10 && !document.querySelector('[data-loading]'),
		null,
		{
			timeout: 60_000
		}
	);
	expect((await listedTables(app.page)).length).toBe(10);
});
afterAll(() => app.close());

describe('every analytic page shows exactly the numbers of crm-pulse report --json (sample data)', () => {
	const cases: Array<[string, Record<string, string>]> = [
		['no filters', {}],
		['Q4 on the web channel', { from: '2025-10-01', to: '2025-12-31', channel: 'web' }]
	];
	it.each(cases)('%s', async (label, filters) => {
		const cli = cliReport(['sample-data'], filters);
		let compared = 0;
		// Navigate inside the app (a reload would drop the loaded files), setting the filters in the filter bar.
		await app.page.getByRole('link', { name: 'Overview' }).click();
		await metricsSettled(app.page);
		await setFilters(app.page, filters);
		for (const page of PAGES) {
			await app.page.locator(`nav a[href*="/${page}"]`).click();
			await app.page.waitForURL((url) => url.pathname.includes(`/${page}`));
			await metricsSettled(app.page);
			const shown = await shownMetrics(app.page);
			expect(shown.length, `${page} shows numbers`).toBeGreaterThan(0);
			compared += expectSameNumbers(shown, cli);
			if (label === 'no filters') await screenshot(app.page, page);
		}
		expect(compared).toBeGreaterThan(20);
	});
});
