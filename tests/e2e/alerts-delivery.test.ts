// Webhook delivery seen by a real receiver on 127.0.0.1: retries after HTTP 500 and after a try
// that times out, a target that keeps failing left in the outbox, and the history and outbox
// read back from IndexedDB after a reload. Browser notifications with the permission granted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApp, type App } from './browser';

let app: App;
let server: Server;
let base = '';
const posts: Record<string, number> = { flaky: 0, down: 0 };

beforeAll(async () => {
	server = createServer((req, res) => {
		const headers = {
			'access-control-allow-origin': '*',
			'access-control-allow-methods': 'POST',
			'access-control-allow-headers': 'content-type'
		};
		if (req.method === 'OPTIONS') return void res.writeHead(204, headers).end();
		const path = (req.url ?? '').slice(1) as 'flaky' | 'down';
		req.resume();
		req.on('end', () => {
			const n = ++posts[path];
			// flaky: 500, 500, no answer (the page's 10 s timeout), then 200; down: always 500.
			if (path === 'flaky' && n === 3) return;
			const ok = path === 'flaky' && n === 4;
			res.writeHead(ok ? 200 : 500, headers).end(ok ? 'ok' : 'boom');
		});
	});
	// Sockets idle between tries stay open: a socket closed as the browser reuses it makes it resend.
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	app = await openApp('?sample');
	await app.context.grantPermissions(['notifications'], { origin: new URL(app.page.url()).origin });
	await app.page.waitForFunction(
		() => document.querySelectorAll('[data-table]').length === 10 && !document.querySelector('[data-loading]'),
		null,
		{ timeout: 60_000 }
	);
}, 120_000);

afterAll(async () => {
	await app?.close();
	server.closeAllConnections();
	await new Promise<void>((r) => server.close(() => r()));
});

const readState = (app: App) =>
	app.page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const req = indexedDB.open('crm-pulse-alerts');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const get = req.result.transaction('kv').objectStore('kv').get('state');
					get.onsuccess = () => resolve(get.result as string);
				};
			})
	);

describe('Alert delivery', () => {
	it('retries after 500s and a timeout, keeps a failing one in the outbox, and both survive a reload', async () => {
		const page = app.page;
		expect(await page.evaluate(() => Notification.permission)).toBe('granted');
		await page.locator('nav a[href*="/alerts"]').click();
		await page.waitForURL((url) => url.pathname.includes('/alerts'));
		const hook = (path: string) => ({ type: 'webhook', url: `${base}/${path}`, format: 'generic' });
		const rules = JSON.stringify({
			version: 1,
			rules: [
				{
					id: 'flaky',
					name: 'Flaky hook',
					metric: 'quality.rows.orders',
					op: '>',
					threshold: 0,
					channels: [hook('flaky'), { type: 'browser' }]
				},
				{ id: 'down', name: 'Down hook', metric: 'quality.rows.orders', op: '>', threshold: 0, channels: [hook('down')] }
			]
		});
		await page
			.locator('input[type=file][accept^=".json"]')
			.setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(rules) });

		// Tries: 1 + 3 retries, waiting 1 s, 2 s, 4 s between them; the third has no answer for 10 s.
		const flaky = page.locator('li[data-rule="flaky"] .delivery');
		await expect.poll(() => flaky.getAttribute('data-sent'), { timeout: 90_000 }).toBe('true');
		expect(await flaky.textContent()).toMatch(/delivered.*HTTP 500: boom, HTTP 500: boom, timeout: no answer within 10000 ms, HTTP 200/s);
		expect(posts.flaky).toBe(4);
		const down = page.locator('li[data-rule="down"] .delivery');
		await expect.poll(() => down.getAttribute('data-sent'), { timeout: 60_000 }).toBe('false');
		expect(await down.textContent()).toMatch(/not sent.*\(HTTP 500: boom, HTTP 500: boom, HTTP 500: boom, HTTP 500: boom\)/s);
		expect(posts.down).toBeGreaterThanOrEqual(4);
		await page.locator('li[data-outbox][data-rule="down"]').waitFor();

		// The browser notification was handed to the Notification API with the permission granted:
		// its key is only marked sent when the app's notify() returned true.
		const state = JSON.parse(await readState(app));
		expect(state.sent.some((k: string) => k.startsWith('flaky:') && k.endsWith('#browser'))).toBe(true);
		expect(state.outbox.map((o: { ruleId: string }) => o.ruleId)).toEqual(['down']);

		await page.reload();
		// No files after the reload, yet the history and the outbox are read back from IndexedDB.
		await page.getByText('No data yet.').waitFor({ timeout: 60_000 });
		await page.locator('li[data-event="firing"][data-rule="flaky"] .delivery[data-sent="true"]').waitFor();
		await page.locator('li[data-event="firing"][data-rule="down"]').waitFor();
		await page.locator('li[data-outbox][data-rule="down"]').waitFor();
		expect(app.pageErrors).toEqual([]);
	});
});
