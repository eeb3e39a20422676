// The Alerts page in Chromium over the sample data: a rule made in the editor fires, shows in the
// list and the notifications, and its generic webhook reaches a real receiver on 127.0.0.1; a
// rule with filters of its own (imported from a rules file) is computed again in the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { openApp, type App } from './browser';
import { cliReport } from './pages';

/** Data rows of orders.csv: its non-empty lines less the header (no quoted newlines in the file). */
const ORDER_ROWS =
	readFileSync(join('sample-data', 'orders.csv'), 'utf8')
		.split('\n')
		.filter((l) => l.trim()).length - 1;

let app: App;
let server: Server;
let hookUrl = '';
const received: Array<{ method: string; body: string; type: string }> = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({ method: req.method ?? '', body, type: req.headers['content-type'] ?? '' });
			// The page posts JSON cross-origin: answer the preflight and the post.
			res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
				'access-control-allow-origin': '*',
				'access-control-allow-methods': 'POST',
				'access-control-allow-headers': 'content-type'
			});
			res.end();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	app = await openApp('?sample');
	await app.page.waitForFunction(
		() => document.querySelectorAll('[data-table]').length === 10 && !document.querySelector('[data-loading]'),
		null,
		{ timeout: 60_000 }
	);
});
afterAll(async () => {
	await app.close();
	await new Promise<void>((r) => server.close(() => r()));
});

describe('Alerts page', () => {
	it('fires a rule made in the editor, notifies in the page and posts the generic payload', async () => {
		const page = app.page;
		await page.locator('nav a[href*="/alerts"]').click();
		await page.waitForURL((url) => url.pathname.includes('/alerts'));
		const add = page.getByRole('button', { name: 'Add rule' });
		await expect.poll(() => add.isEnabled(), { timeout: 120_000 }).toBe(true);
		await add.click();
		const editor = page.locator('form[aria-label="Rule editor"]');
		await editor.locator('[name=name]').fill('Many orders');
		await editor.locator('[name=metric]').selectOption('quality.rows.orders');
		await editor.locator('[name=op]').selectOption('>');
		// orders.csv has ORDER_ROWS data rows, so "> ORDER_ROWS − 1" holds.
		await editor.locator('[name=threshold]').fill(String(ORDER_ROWS - 1));
		await editor.locator('[name=browser]').uncheck();
		await editor.locator('[name=webhookUrl]').fill(hookUrl);
		await editor.getByRole('button', { name: 'Save rule' }).click();

		const row = page.locator('tr[data-rule="many-orders"]');
		await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('firing');
		expect(await row.locator('[data-metric="quality.rows.orders"]').getAttribute('data-value')).toBe(String(ORDER_ROWS));
		await page.locator('li[data-event="firing"][data-rule="many-orders"]').waitFor();

		await expect.poll(() => received.filter((r) => r.method === 'POST').length, { timeout: 30_000 }).toBe(1);
		const payload = JSON.parse(received.find((r) => r.method === 'POST')!.body);
		expect(payload.status).toBe('firing');
		expect(payload.alerts[0].labels).toMatchObject({ rule_id: 'many-orders', metric: 'quality.rows.orders', severity: 'warning' });
		expect(payload.alerts[0].value).toBe(ORDER_ROWS);
		expect(payload.alerts[0].threshold).toBe(ORDER_ROWS - 1);
		await page.locator('li[data-rule="many-orders"] .delivery[data-sent="true"]').waitFor();
		expect(await page.locator('li[data-rule="many-orders"] .delivery').textContent()).toContain('delivered');

		// Rules and state are kept in IndexedDB.
		const stored = await page.evaluate(
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
		expect(JSON.parse(stored).rules['many-orders'].status).toBe('firing');
	});

	it('computes a rule with its own filters in the browser, as crm-pulse report does', async () => {
		const page = app.page;
		const file = JSON.stringify({
			version: 1,
			rules: [{ id: 'web-orders', name: 'Web orders', metric: 'behaviour.orders', filters: { channel: 'web' }, op: '>', threshold: 0 }]
		});
		await page.locator('input[type=file]').setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(file) });
		const row = page.locator('tr[data-rule="web-orders"]');
		await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('firing');
		const cli = cliReport(['sample-data'], { channel: 'web' });
		expect(Number(await row.locator('[data-value]').getAttribute('data-value'))).toBe(cli.metrics['behaviour.orders']);
		// The firing event of many-orders was sent once: re-evaluating never sends it again.
		expect(received.filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(app.pageErrors).toEqual([]);
	});

	it('sends a test, exports with and without secrets, and posts to Slack unconfirmed', async () => {
		const page = app.page;
		const posts = () => received.filter((r) => r.method === 'POST');
		await page.locator('tr[data-rule="many-orders"]').getByRole('button', { name: 'Send test' }).click();
		await page.locator('[data-test-outcome="delivered"]').waitFor();
		expect(posts()).toHaveLength(2);
		expect(JSON.parse(posts()[1].body).alerts[0].labels.rule_id).toBe('many-orders');

		const exported = async (): Promise<{ rules: Array<{ id: string; channels: Array<{ url?: string }> }> }> => {
			const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export rules' }).click()]);
			return JSON.parse(readFileSync((await download.path())!, 'utf8'));
		};
		const hookOf = (doc: Awaited<ReturnType<typeof exported>>) => doc.rules.find((r) => r.id === 'many-orders')!.channels[0];
		expect(hookOf(await exported())).toEqual({ type: 'webhook', format: 'generic' });
		await page.getByLabel('Include secrets').check();
		expect(hookOf(await exported()).url).toBe(hookUrl);

		const file = JSON.stringify({
			version: 1,
			rules: [
				{
					id: 'slack-orders',
					metric: 'quality.rows.orders',
					op: '>',
					threshold: 0,
					channels: [{ type: 'webhook', url: `${hookUrl}?slack`, format: 'slack' }]
				}
			]
		});
		await page.locator('input[type=file]').setInputFiles({ name: 'slack.json', mimeType: 'application/json', buffer: Buffer.from(file) });
		await expect.poll(() => posts().length, { timeout: 30_000 }).toBe(3);
		// A no-cors post: a simple text/plain request whose answer the page cannot read.
		expect(posts()[2].type).toMatch(/^text\/plain/);
		expect(JSON.parse(posts()[2].body).blocks[0].type).toBe('header');
		await expect.poll(() => page.locator('li[data-rule="slack-orders"] .delivery').textContent()).toContain('sent, not confirmed');
		await shot(page, 'alerts');
	});

	it('previews a rule: current value, backtest and the history chart with the threshold', async () => {
		const page = app.page;
		await page.getByRole('button', { name: 'Add rule' }).click();
		const editor = page.locator('form[aria-label="Rule editor"]');
		await editor.locator('[name=name]').fill('Weekly revenue');
		await editor.locator('[name=metric]').selectOption('behaviour.revenue');
		await editor.locator('[name=threshold]').fill('20000');
		await editor.locator('[data-backtest]').waitFor();
		await editor.locator('figure svg').waitFor();
		await shot(page, 'alerts-editor');
		await editor.getByRole('button', { name: 'Cancel' }).click();
	});

	it('adds the starter rules switched off and evaluates one when switched on', async () => {
		const page = app.page;
		await page.getByRole('button', { name: 'Add starter rules' }).click();
		const row = page.locator('tr[data-rule="low-csat"]');
		expect(await row.getAttribute('data-status')).toBe('disabled');
		expect(await page.locator('tr[data-rule][data-status="disabled"]').count()).toBe(6);
		await row.getByRole('switch').check();
		await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toMatch(/^(ok|firing|no-data)$/);
		await shot(page, 'alerts-starters');
	});
});

async function shot(page: Page, name: string): Promise<void> {
	mkdirSync('test-results/pages', { recursive: true });
	await page.screenshot({ path: `test-results/pages/${name}.png`, fullPage: true });
}
