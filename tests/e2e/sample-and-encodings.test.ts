import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineReady, expectOnlyLocalRequests, listedTables, openApp, type App } from './browser';
import { countRecords } from '../helpers/csv-records';
import { encodeLegacy, encodeUtf16 } from '../helpers/legacy-encode';

let app: App | null = null;
afterEach(async () => {
	await app?.close();
	app = null;
});

/** What the sample files hold, counted here from the files themselves. */
function expectedSampleTables(): Array<[string, number]> {
	const dir = 'sample-data';
	return readdirSync(dir)
		.filter((f) => f.endsWith('.csv'))
		.map((f): [string, number] => {
			const bytes = readFileSync(join(dir, f));
			const text = new TextDecoder(f === 'tickets_cn.csv' ? 'gb18030' : 'utf-8').decode(bytes);
			return [f.replace(/\.csv$/, ''), countRecords(text)];
		})
		.sort(([a], [b]) => a.localeCompare(b));
}

describe('built-in sample data', () => {
	it('loads every sample file from the empty state, the GB18030 one decoded', async () => {
		app = await openApp();
		await app.page.getByRole('button', { name: 'Load sample data' }).click();
		const expected = expectedSampleTables();
		expect(expected.length).toBe(10);
		await app.page.waitForFunction(
			(n) => document.querySelectorAll('[data-table]').length === n && !document.querySelector('[data-loading]'),
			expected.length,
			{ timeout: 60_000 }
		);
		expect(await listedTables(app.page)).toEqual(expected);
		await expect(app.page.locator('[data-table="tickets_cn"] select').inputValue()).resolves.toBe('gb18030');
		await app.page.locator('[data-table="tickets_cn"] summary').click();
		const columns = await app.page.locator('[data-table="tickets_cn"] .columns li .mono').allInnerTexts();
		expect(columns.slice(0, 3)).toEqual(['工单号', '客户ID', '渠道']);
		expect(await app.page.getByRole('alert').count()).toBe(0);
		expectOnlyLocalRequests(app);
	});

	it('shows the sample data at once when opened with ?sample', async () => {
		app = await openApp('?sample');
		await app.page.waitForSelector('[data-table="orders"]', { timeout: 60_000 });
		const orders = expectedSampleTables().find(([t]) => t === 'orders')!;
		await app.page.waitForSelector(`[data-table="orders"][data-rows="${orders[1]}"]`);
	});
});

describe('files in other encodings', () => {
	const dir = mkdtempSync(join(tmpdir(), 'crm-pulse-enc-'));

	it('loads a GB18030 file with Chinese headers and a UTF-16 file, shows the encodings, and previews the text', async () => {
		app = await openApp();
		await engineReady(app.page);
		const gb = join(dir, '订单导出.csv');
		writeFileSync(gb, encodeLegacy('订单号,客户ID,订单金额,渠道\nO1,C1,100.5,微信\nO2,C2,88,电话\nO3,C1,12,网站\n', 'gb18030'));
		const utf16 = join(dir, 'contacts-utf16.csv');
		writeFileSync(utf16, encodeUtf16('id,name\r\n1,Zoë\r\n2,Łukasz\r\n', 'le'));
		await app.page.setInputFiles('[data-testid=file-input]', [gb, utf16]);
		await app.page.waitForSelector('[data-table="订单导出"][data-rows="3"]');
		await app.page.waitForSelector('[data-table="contacts_utf16"][data-rows="2"]');
		await expect(app.page.locator('[data-table="订单导出"] select').inputValue()).resolves.toBe('gb18030');
		await expect(app.page.locator('[data-table="contacts_utf16"] select').inputValue()).resolves.toBe('utf-16le');
		await app.page.locator('[data-table="订单导出"]').getByRole('button', { name: 'Preview' }).click();
		const row = app.page.locator('[data-preview="订单导出"] [aria-rowindex="2"]');
		await row.getByRole('cell', { name: '微信' }).waitFor();
		expect(await row.getByRole('cell').allInnerTexts()).toEqual(['1', 'O1', 'C1', '100.5', '微信']);
	});

	it('reloads a file in the encoding the user picks', async () => {
		app = await openApp();
		const latin = join(dir, 'latin.csv');
		writeFileSync(latin, encodeLegacy('id,name\n1,Müller\n', 'windows-1252'));
		await app.page.setInputFiles('[data-testid=file-input]', [latin]);
		await app.page.waitForSelector('[data-table="latin"]');
		await expect(app.page.locator('[data-table="latin"] select').inputValue()).resolves.toBe('windows-1252');
		await app.page.locator('[data-table="latin"] select').selectOption('gb18030');
		await app.page.waitForSelector('[data-table="latin"] select[data-encoding="gb18030"]');
		await app.page.locator('[data-table="latin"]').getByRole('button', { name: 'Preview' }).click();
		// 'ü' (0xFC) followed by 'l' (0x6C) is one GBK character: the name now reads differently.
		const cell = app.page.locator('[data-preview="latin"] [aria-rowindex="2"] [role=cell]').nth(2);
		await cell.waitFor();
		expect(await cell.innerText()).toBe(new TextDecoder('gb18030').decode(encodeLegacy('Müller', 'windows-1252')));
	});

	it('accepts files dropped anywhere on the page', async () => {
		app = await openApp();
		const dataTransfer = await app.page.evaluateHandle(() => {
			const dt = new DataTransfer();
			dt.items.add(new File(['a,b\n1,2\n3,4\n'], 'dropped.csv', { type: 'text/csv' }));
			return dt;
		});
		await app.page.dispatchEvent('main', 'dragenter', { dataTransfer });
		await app.page.dispatchEvent('main', 'drop', { dataTransfer });
		await app.page.waitForSelector('[data-table="dropped"][data-rows="2"]');
	});
});
