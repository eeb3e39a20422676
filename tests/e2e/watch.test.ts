// A watched URL on the same site: the built site is served through a server of the test's own that
// also answers /data/orders.csv with a body the test changes. Once watched, the change reloads the
// orders table and the alert rule on its row count fires by itself; the history survives a reload.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, type App } from './browser';

const ORDERS = readFileSync(join('sample-data', 'orders.csv'), 'utf8');
/** Data rows of orders.csv: its non-empty lines less the header (no quoted newlines in the file). */
const ORDER_ROWS = ORDERS.split('\n').filter((l) => l.trim()).length - 1;
/** One more order, in the sample's columns (order_id … promised_at). */
const EXTRA = 'O9999999,C000025,web,delivered,10.00,CNY,1,2025-01-01 00:00:00,,,,\n';

let app: App;
let server: Server;
let body = ORDERS;
let fetches = 0;
let origin = '';

beforeAll(async () => {
	const site = new URL(inject('siteUrl'));
	server = createServer((req, res) => {
		if (req.url === `${site.pathname}data/orders.csv`) {
			fetches++;
			res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
			return;
		}
		// Everything else is the built site, passed through.
		const upstream = request({ host: site.hostname, port: site.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
			res.writeHead(up.statusCode ?? 502, up.headers);
			up.pipe(res);
		});
		req.pipe(upstream);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	app = await openApp(`${origin}${site.pathname}?sample`);
	await app.page.waitForFunction(
		() => document.querySelectorAll('[data-table]').length === 10 && !document.querySelector('[data-loading]'),
		null,
		{ timeout: 60_000 }
	);
}, 120_000);

afterAll(async () => {
	await app?.close();
	await new Promise<void>((r) => server.close(() => r()));
});

describe('Watched sources', () => {
	it('reloads a watched URL when it changes: the row count and an alert change by themselves', async () => {
		const page = app.page;
		const rows = () => page.locator('[data-table="orders"]').getAttribute('data-rows');
		const firing = () => page.locator('nav [data-metric="alerts.firing"]').getAttribute('data-value');
		expect(await rows()).toBe(String(ORDER_ROWS));

		// A rule on the Alerts page: more than ORDER_ROWS orders (false now), no channels.
		await page.locator('nav a[href*="/alerts"]').click();
		await page.waitForURL((url) => url.pathname.includes('/alerts'));
		const rules = JSON.stringify({
			version: 1,
			rules: [{ id: 'more-orders', name: 'More orders', metric: 'quality.rows.orders', op: '>', threshold: ORDER_ROWS, channels: [] }]
		});
		await page
			.locator('input[type=file][accept^=".json"]')
			.setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(rules) });
		await expect.poll(() => page.locator('tr[data-rule="more-orders"]').getAttribute('data-status'), { timeout: 60_000 }).toBe('ok');
		expect(await firing()).toBe('0');

		// Back on the Data page: a URL on another site is refused, this site's is watched every second.
		await page.locator('nav a', { hasText: /^Data$/ }).click();
		await page.waitForURL((url) => !url.pathname.includes('/alerts'));
		await page.locator('input[name=watchUrl]').fill('https://example.com/orders.csv');
		await page.getByRole('button', { name: 'Watch', exact: true }).click();
		expect(await page.locator('.watch [role=alert]').textContent()).toContain('https://example.com is another site');
		await page.locator('input[name=watchSeconds]').fill('1');
		await page.locator('input[name=watchSeconds]').dispatchEvent('change');
		await page.locator('input[name=watchUrl]').fill('data/orders.csv');
		await page.getByRole('button', { name: 'Watch', exact: true }).click();
		await expect.poll(() => page.locator('tr[data-watch]').getAttribute('data-loaded'), { timeout: 30_000 }).not.toBe('');
		expect(fetches).toBeGreaterThanOrEqual(1);

		// The file on the server gains one row; nothing is clicked after this.
		body = ORDERS + EXTRA;
		// ORDER_ROWS + 1 rows now, and ORDER_ROWS + 1 > ORDER_ROWS fires the rule.
		await expect.poll(rows, { timeout: 60_000 }).toBe(String(ORDER_ROWS + 1));
		await expect.poll(firing, { timeout: 60_000 }).toBe('1');
		expect(app.pageErrors).toEqual([]);
	});

	it('keeps the alert history across a reload (IndexedDB), though loaded files are gone', async () => {
		const page = app.page;
		// Stop watching, so that after the reload no file is loaded at all.
		await page.locator('tr[data-watch]').getByRole('button', { name: 'Stop watching' }).click();
		await page.locator('nav a[href*="/alerts"]').click();
		await page.waitForURL((url) => url.pathname.includes('/alerts'));
		await page.locator('li[data-event="firing"][data-rule="more-orders"]').waitFor();
		await page.reload();
		await page.getByText('No data yet.').waitFor();
		await page.locator('li[data-event="firing"][data-rule="more-orders"]').waitFor({ timeout: 60_000 });
		expect(await page.locator('tr[data-rule="more-orders"]').count()).toBe(1);
	});

	it('watches a file through its copy in OPFS: a new copy is read again when its lastModified changes', async () => {
		const page = app.page;
		await page.locator('nav a', { hasText: /^Data$/ }).click();
		await page.waitForURL((url) => !url.pathname.includes('/alerts'));
		await page.locator('input[name=watchFile]').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDERS) });
		const rows = () => page.locator('[data-table="orders"]').getAttribute('data-rows');
		await expect.poll(rows, { timeout: 60_000 }).toBe(String(ORDER_ROWS));
		// The copy is rewritten in OPFS (as another tab would), one row longer; nothing is clicked.
		await page.evaluate(async (text) => {
			const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('watched');
			const writable = await (await dir.getFileHandle('orders.csv')).createWritable();
			await writable.write(text);
			await writable.close();
		}, ORDERS + EXTRA);
		await expect.poll(rows, { timeout: 60_000 }).toBe(String(ORDER_ROWS + 1));
		expect(app.pageErrors).toEqual([]);
	});
});
