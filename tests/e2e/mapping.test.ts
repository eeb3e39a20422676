// The mapping screen in Chromium, on the built site: files are recognised as they load, a column
// mapping corrected by hand changes the canonical view at once, and the correction is remembered
// for a file with the same headers after the page is reloaded.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { engineReady, expectOnlyLocalRequests, openApp, type App } from './browser';

const dir = mkdtempSync(join(tmpdir(), 'crm-pulse-mapping-'));
function file(name: string, lines: string[]): string {
	const path = join(dir, name);
	writeFileSync(path, lines.join('\n') + '\n');
	return path;
}

/** Orders with unusual headers: `Total` is the gross amount (detection takes it), `Betrag` the net one. */
const ORDERS = file('webshop_orders.csv', [
	'Order Ref,Customer Code,Order Date,Order Status,Total,Betrag',
	'A-1,C1,2024-03-01 10:00:00,paid,120.50,100.00',
	'A-2,C2,2024-03-02 11:30:00,paid,80.00,66.00',
	'A-3,C1,2024-03-05 09:15:00,cancelled,42.25,35.00'
]);
const CUSTOMERS = file('kunden.csv', [
	'Client No,Full Name,E-mail,Town',
	'C1,Ann Lee,ann@example.com,Berlin',
	'C2,Bo Chen,bo@example.com,Shanghai'
]);
/** One row per order line: orders L-1 (two lines), L-2 and L-3. */
const LINES = file('shop_lines.csv', [
	'Order ID,Customer ID,Order Date,Product ID,Product Name,Quantity,Unit Price',
	'L-1,C1,2024-04-01 09:00:00,P1,Tea,2,5.50',
	'L-1,C1,2024-04-01 09:00:00,P2,Cup,1,3.00',
	'L-2,C2,2024-04-02 10:00:00,P1,Tea,3,5.50',
	'L-3,C2,2024-04-03 10:00:00,P3,Pot,1,20.00'
]);
const NOTES = file('notes.csv', ['topic,remark', 'lunch,soup', 'meeting,late']);

mkdirSync('test-results', { recursive: true });

let app: App | null = null;
afterEach(async () => {
	await app?.close();
	app = null;
});

/** The value in column `column` of the previewed row whose order_id is `orderId`. */
function previewCell(page: Page, orderId: string, column: string) {
	const row = page
		.locator('[data-view-preview="orders"] tbody tr')
		.filter({ has: page.locator(`td[data-col="order_id"]:text-is("${orderId}")`) });
	return row.locator(`td[data-col="${column}"]`);
}

async function viewRows(page: Page): Promise<Record<string, number>> {
	await page.waitForSelector('[data-building="false"]');
	return page.$$eval('[data-view]', (els) =>
		Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.view!, Number((e as HTMLElement).dataset.rows)]))
	);
}

describe('mapping page', () => {
	it('says to load files first, and loads them from there', async () => {
		app = await openApp('mapping/');
		await engineReady(app.page);
		await app.page.getByRole('heading', { name: 'Load files first' }).waitFor();
		await app.page.screenshot({ path: 'test-results/mapping-empty.png' });
		await app.page.setInputFiles('[data-testid=file-input]', [NOTES]);
		await app.page.locator('[data-mapping-file="notes"]').getByRole('combobox', { name: 'Kind of notes' }).waitFor();
		expect(await app.page.getByRole('combobox', { name: 'Kind of notes' }).inputValue()).toBe('other');
		expect(app.pageErrors).toEqual([]);
	});

	it('recognises files, takes a corrected mapping at once and remembers it after a reload', async () => {
		app = await openApp();
		const { page } = app;
		await page.setInputFiles('[data-testid=file-input]', [ORDERS, CUSTOMERS, LINES, NOTES]);
		for (const [table, kind] of [
			['webshop_orders', 'orders'],
			['kunden', 'customers'],
			['shop_lines', 'orders'],
			['notes', 'other']
		])
			await page.waitForSelector(`li[data-table="${table}"][data-kind="${kind}"]`);
		await page.locator('[data-table="webshop_orders"]').getByRole('link', { name: 'Edit the mapping of webshop_orders' }).click();
		await page.getByRole('heading', { name: 'Columns of webshop_orders' }).waitFor();

		// orders: 3 webshop orders + 3 order ids in shop_lines (L-1, L-2, L-3) = 6; order_lines: its 4 lines.
		expect(await viewRows(page)).toEqual({ customers: 2, orders: 6, order_lines: 4 });
		expect(await page.locator('[data-view-preview="orders"]').getAttribute('data-from')).toBe('webshop_orders.csv');
		expect(await previewCell(page, 'A-1', 'amount').innerText()).toBe('120.5');
		await page.screenshot({ path: 'test-results/mapping-before.png' });

		await page.getByRole('combobox', { name: 'Mapping of Betrag' }).selectOption('amount');
		// Betrag is the net amount: A-1 100.00, and Total is no longer used.
		await previewCell(page, 'A-1', 'amount').filter({ hasText: /^100$/ }).waitFor();
		expect(await page.getByRole('combobox', { name: 'Mapping of Total' }).inputValue()).toBe('');
		await page.screenshot({ path: 'test-results/mapping-after.png' });

		// The line-level file read row by row: 3 + 4 orders, and no order_lines view any more.
		await page.locator('[data-mapping-file="shop_lines"]').getByRole('button').first().click();
		await page.getByRole('checkbox', { name: /One row per order line/ }).uncheck();
		await page.waitForSelector('[data-view="orders"][data-rows="7"]');
		expect(await viewRows(page)).toEqual({ customers: 2, orders: 7 });

		// Customers taken as a plain table: crm.customers goes.
		await page.getByRole('combobox', { name: 'Kind of kunden' }).selectOption('other');
		await page.waitForSelector('[data-view="customers"]', { state: 'detached' });
		await page.screenshot({ path: 'test-results/mapping-full.png', fullPage: true });

		// A new session: the correction comes back for a file with the same headers.
		await page.reload();
		await engineReady(page);
		await page.setInputFiles('[data-testid=file-input]', [ORDERS]);
		await page.getByRole('heading', { name: 'Columns of webshop_orders' }).waitFor();
		await page.getByText('Mapping remembered from an earlier file with the same headers.').waitFor();
		expect(await page.getByRole('combobox', { name: 'Mapping of Betrag' }).inputValue()).toBe('amount');
		await previewCell(page, 'A-1', 'amount').filter({ hasText: /^100$/ }).waitFor();
		expect(await viewRows(page)).toEqual({ orders: 3 });
		expectOnlyLocalRequests(app);
		expect(app.pageErrors).toEqual([]);
	});

	it('validates the time zone inline and is usable from the keyboard', async () => {
		app = await openApp('mapping/');
		const { page } = app;
		await page.setInputFiles('[data-testid=file-input]', [ORDERS]);
		await page.getByRole('heading', { name: 'Columns of webshop_orders' }).waitFor();
		const zone = page.getByRole('textbox', { name: 'Time zone of the data' });
		await zone.fill('Europe/Berlin');
		await zone.press('Enter');
		await page.getByRole('alert').filter({ hasText: 'unsupported time zone: Europe/Berlin' }).waitFor();
		expect(await zone.getAttribute('aria-invalid')).toBe('true');
		await zone.scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'test-results/mapping-zone-error.png' });
		await zone.fill('+08:00');
		await zone.press('Tab');
		await page.getByRole('alert').filter({ hasText: 'unsupported time zone' }).waitFor({ state: 'detached' });

		// From the Total select, Tab reaches the Betrag select; typing picks an option as in any select.
		await page.getByRole('combobox', { name: 'Mapping of Total' }).focus();
		await page.keyboard.press('Tab');
		const betrag = page.getByRole('combobox', { name: 'Mapping of Betrag' });
		expect(await betrag.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.type('amount');
		expect(await betrag.inputValue()).toBe('amount');
		await previewCell(page, 'A-1', 'amount').filter({ hasText: /^100$/ }).waitFor();
		await page.screenshot({ path: 'test-results/mapping-settings.png' });
	});
});
