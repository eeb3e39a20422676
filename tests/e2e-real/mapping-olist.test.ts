// Recognition and mapping in Chromium over real exports: the nine Olist files and the four
// header fixtures of ../shared/datasets, dropped together. Row counts come from the datasets'
// READMEs (Olist) and from reading the fixture CSVs here, never from the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { engineReady, expectOnlyLocalRequests, openApp, type App } from '../e2e/browser';
import { parseCsv } from '../helpers/csv-records';
import { sharedDir } from '../helpers/shared';

const olistDir = sharedDir('datasets', 'olist');
const headersDir = sharedDir('datasets', 'headers');
const csvIn = (dir: string) =>
	readdirSync(dir)
		.filter((f) => f.endsWith('.csv'))
		.map((f) => join(dir, f));

/** Data records of a fixture: rows as wide as the header (a report footer is one field wide). */
function records(name: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(readFileSync(join(headersDir, name), 'utf8'));
	return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** `3/31/2025` (US month/day/year, as Salesforce reports write dates) → `2025-03-31 00:00:00`. */
function usDate(text: string): string {
	const [m, d, y] = text.split('/').map(Number);
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} 00:00:00`;
}

const EXPECTED_KINDS: Record<string, string> = {
	olist_orders_dataset: 'orders',
	olist_order_items_dataset: 'order_lines',
	olist_order_payments_dataset: 'payments',
	olist_order_reviews_dataset: 'feedback',
	olist_customers_dataset: 'customers',
	olist_products_dataset: 'other',
	olist_sellers_dataset: 'other',
	olist_geolocation_dataset: 'other',
	product_category_name_translation: 'other',
	hubspot_contacts: 'customers',
	salesforce_opportunities_report: 'orders',
	shopify_orders: 'orders',
	zendesk_tickets: 'tickets'
};

let app: App;
beforeAll(async () => {
	mkdirSync('test-results', { recursive: true });
	app = await openApp();
	await engineReady(app.page);
	await app.page.setInputFiles('[data-testid=file-input]', [...csvIn(olistDir), ...csvIn(headersDir)]);
	await app.page.waitForFunction(
		(n) => document.querySelectorAll('li[data-table][data-kind]').length === n,
		Object.keys(EXPECTED_KINDS).length,
		{
			timeout: 120_000
		}
	);
});
afterAll(() => app?.close());

async function viewRows(page: Page): Promise<Record<string, number>> {
	await page.waitForSelector('[data-building="false"]');
	return page.$$eval('[data-view]', (els) =>
		Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.view!, Number((e as HTMLElement).dataset.rows)]))
	);
}

describe('Olist and the header fixtures in the browser', () => {
	it('recognises the kind of every file', async () => {
		const kinds = await app.page.$$eval('li[data-table]', (els) =>
			Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.table!, (e as HTMLElement).dataset.kind!]))
		);
		expect(kinds).toEqual(EXPECTED_KINDS);
		await app.page.screenshot({ path: 'test-results/olist-data-page.png' });
	});

	it('builds the canonical views with the known row counts', async () => {
		await app.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Mapping' }).click();
		await app.page.getByRole('heading', { name: 'Mapping', level: 1 }).waitFor();
		const shopifyOrders = new Set(records('shopify_orders.csv').map((r) => r.Name)).size; // #1001, #1002
		const shopifyLines = records('shopify_orders.csv').length; // one row per line item
		const salesforce = records('salesforce_opportunities_report.csv').length; // the footer lines are not records
		expect([shopifyOrders, shopifyLines, salesforce]).toEqual([2, 3, 2]);
		expect(await viewRows(app.page)).toEqual({
			// Olist README: 8,135 customers; HubSpot fixture: 2 contacts.
			customers: 8135 + records('hubspot_contacts.csv').length,
			// Olist README: 8,135 orders; plus the fixtures' orders.
			orders: 8135 + shopifyOrders + salesforce,
			// Olist README: 8,365 items; plus Shopify's line items.
			order_lines: 8365 + shopifyLines,
			payments: 8924,
			// Olist README: 8,225 review records.
			feedback: 8225,
			tickets: records('zendesk_tickets.csv').length
		});
		await app.page.screenshot({ path: 'test-results/olist-mapping.png' });
	});

	it('gives an Olist order the amount of its items (price + freight), joined from the items file', async () => {
		const { page } = app;
		await page.locator('[data-mapping-file="olist_orders_dataset"] button.pick').click();
		const preview = page.locator('[data-view-preview="orders"][data-from="olist_orders_dataset.csv"]');
		await preview.locator('tbody tr').first().waitFor();
		const shown = await preview
			.locator('tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) => [r.querySelector('td[data-col="order_id"]')!.textContent!, r.querySelector('td[data-col="amount"]')!.textContent!])
			);
		expect(shown.length).toBe(5);
		const [header, ...items] = parseCsv(readFileSync(join(olistDir, 'olist_order_items_dataset.csv'), 'utf8'));
		const [id, price, freight] = ['order_id', 'price', 'freight_value'].map((c) => header.indexOf(c));
		for (const [orderId, amount] of shown) {
			const lines = items.filter((r) => r[id] === orderId);
			if (!lines.length) expect(amount).toBe('');
			else
				expect(Number(amount)).toBeCloseTo(
					lines.reduce((sum, r) => sum + Number(r[price]) + Number(r[freight]), 0),
					6
				);
		}
	});

	it('takes a mapping corrected by hand: an opportunity is ordered when it is created, not when it closes', async () => {
		const { page } = app;
		const renewal = records('salesforce_opportunities_report.csv').find((r) => r['Opportunity Name'] === 'Renewal 2025')!;
		await page.locator('[data-mapping-file="salesforce_opportunities_report"] button.pick').click();
		await page.getByRole('heading', { name: 'Columns of salesforce_opportunities_report' }).waitFor();
		const preview = page.locator('[data-view-preview="orders"][data-from="salesforce_opportunities_report.csv"]');
		const orderedAt = preview.locator('tbody tr').filter({ hasText: 'Renewal 2025' }).locator('td[data-col="ordered_at"]');
		await orderedAt.filter({ hasText: usDate(renewal['Close Date']) }).waitFor(); // 3/31/2025

		await page.getByRole('combobox', { name: 'Mapping of Created Date' }).selectOption('ordered_at');
		await orderedAt.filter({ hasText: usDate(renewal['Created Date']) }).waitFor(); // 1/15/2025
		expect(await page.getByRole('combobox', { name: 'Mapping of Close Date' }).inputValue()).toBe('');
		expect((await viewRows(page)).orders).toBe(8135 + 2 + 2);
		await page.screenshot({ path: 'test-results/olist-corrected.png' });
		await page.screenshot({ path: 'test-results/olist-corrected-full.png', fullPage: true });
		expectOnlyLocalRequests(app);
		expect(app.pageErrors).toEqual([]);
	});
});
