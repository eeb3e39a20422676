import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineReady, expectOnlyLocalRequests, listedTables, openApp, type App } from './browser';

const dir = mkdtempSync(join(tmpdir(), 'crm-pulse-files-'));
function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

/** n rows of `id,value,at` where value = 3 × id, so any row can be checked by hand. */
function numbered(n: number): string {
	const parts = ['id,value,at\n'];
	for (let i = 1; i <= n; i++) parts.push(`${i},${i * 3},2024-01-${String((i % 28) + 1).padStart(2, '0')} 10:00:00\n`);
	return parts.join('');
}

let app: App | null = null;
afterEach(async () => {
	await app?.close();
	app = null;
});

describe('data page', () => {
	it('opens under a sub-path with an empty state, starts the engine, and asks nothing of other hosts', async () => {
		app = await openApp();
		await engineReady(app.page);
		await expect(app.page.getByRole('heading', { name: 'Turn CRM exports into a live dashboard' }).isVisible()).resolves.toBe(true);
		expect(app.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
		expect(app.requests.every((u) => u.startsWith(app!.url()))).toBe(true);
		expectOnlyLocalRequests(app);
		expect(app.pageErrors).toEqual([]);
	});

	it('loads several files through the file input and lists rows and column types', async () => {
		app = await openApp();
		const people = file('people.csv', 'id,name,zip\n1,Ann,01234\n2,Bob,98765\n3,"Cy, Jr.",00501\n');
		const numbers = file('numbers.csv', numbered(5000));
		await app.page.setInputFiles('[data-testid=file-input]', [people, numbers]);
		await app.page.waitForSelector('[data-table="numbers"]');
		await app.page.waitForSelector('[data-table="people"]');
		expect(await listedTables(app.page)).toEqual([
			['numbers', 5000],
			['people', 3]
		]);
		await app.page.locator('[data-table="numbers"] summary').click();
		const types = await app.page.locator('[data-table="numbers"] .columns li').allInnerTexts();
		expect(types).toEqual(['id BIGINT', 'value BIGINT', 'at TIMESTAMP']);
		expectOnlyLocalRequests(app);
	});

	it('previews a table as a virtual list: only visible rows are in the page, any row can be scrolled to', async () => {
		app = await openApp();
		await app.page.setInputFiles('[data-testid=file-input]', [file('numbers.csv', numbered(5000))]);
		await app.page.locator('[data-table="numbers"]').getByRole('button', { name: 'Preview' }).click();
		const preview = app.page.locator('[data-preview="numbers"]');
		await preview.getByRole('cell', { name: '6', exact: true }).first().waitFor(); // row 2: value = 3 × 2
		const rendered = await preview.locator('.body [role=row]').count();
		expect(rendered).toBeLessThan(60);
		await preview.locator('.viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
		// The last row: id 5000, value 15000, day (5000 % 28) + 1 = 17.
		const last = preview.locator('[aria-rowindex="5001"]');
		await last.getByRole('cell', { name: '15000', exact: true }).waitFor();
		expect(await last.getByRole('cell').allInnerTexts()).toEqual(['5000', '5000', '15000', '2024-01-17 10:00:00']);
	});

	it('names the file in an alert when it cannot be loaded, and keeps what was loaded', async () => {
		app = await openApp();
		await app.page.setInputFiles('[data-testid=file-input]', [file('people.csv', 'id,name\n1,Ann\n2,Bob\n')]);
		await app.page.waitForSelector('[data-table="people"]');
		await app.page.setInputFiles('[data-testid=file-input]', [file('empty.csv', ''), file('report.xlsx', 'PK')]);
		const alerts = app.page.getByRole('alert');
		await alerts.filter({ hasText: 'empty.csv' }).waitFor();
		await alerts.filter({ hasText: 'report.xlsx' }).waitFor();
		expect(await alerts.filter({ hasText: 'empty.csv' }).innerText()).toMatch(/empty\.csv: could not be loaded — the file is empty/);
		expect(await alerts.filter({ hasText: 'report.xlsx' }).innerText()).toMatch(/only CSV exports/);
		expect(await listedTables(app.page)).toEqual([['people', 2]]);
	});

	it('skips note lines and report footers, and lists rejected lines with file, line and reason', async () => {
		app = await openApp();
		const text = [
			'Opportunities report', // line 1: a note before the header
			'"Name","Amount","Stage"', // line 2: header
			'"Renewal","12,500.00","Won"', // line 3
			'"Seats","4,200.00"', // line 4: a field short
			'"Upsell","900.00","Open","extra"', // line 5: a field too many
			'"Pilot","100.00","Lost"', // line 6
			'',
			'"Grand Totals (3 records)"',
			'',
			'"Confidential Information - Do Not Distribute"'
		].join('\n');
		await app.page.setInputFiles('[data-testid=file-input]', [file('report.csv', text)]);
		await app.page.waitForSelector('[data-table="report"][data-rows="2"]');
		const alert = app.page.getByRole('alert').filter({ hasText: 'report.csv' });
		expect(await alert.innerText()).toMatch(
			/report\.csv: 2 lines could not be read and were left out \(first: line 4, .*\); the other 2 rows were loaded\./
		);
		const entry = app.page.locator('[data-table="report"]');
		await entry.getByText('2 lines rejected').click();
		const lines = await entry
			.locator('[data-rejected-line]')
			.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
		expect(lines.map(([f, line]) => [f, line])).toEqual([
			['report.csv', '4'],
			['report.csv', '5']
		]);
		expect(lines[0][2]).toMatch(/Expected Number of Columns: 3 Found: 2/);
		await entry.getByText('3 note lines skipped').click();
		expect(await entry.locator('.details details li').allInnerTexts()).toEqual([
			'before the header: Opportunities report',
			'after the data: Grand Totals (3 records)',
			'after the data: Confidential Information - Do Not Distribute'
		]);
	});

	it('asks for the day/month order of an all-ambiguous date column and reloads it as confirmed', async () => {
		app = await openApp();
		await app.page.setInputFiles('[data-testid=file-input]', [file('visits_dates.csv', 'id,day\n1,03/04/2025\n2,11/12/2025\n')]);
		const group = app.page.getByRole('group', { name: 'Date order of day' });
		await group.waitFor();
		await group.getByRole('button', { name: 'Day first (31/12)' }).click();
		await group.waitFor({ state: 'detached' });
		await app.page.locator('[data-table="visits_dates"]').getByRole('button', { name: 'Preview' }).click();
		const preview = app.page.locator('[data-preview="visits_dates"]');
		// Day first: 03/04/2025 is 3 April, 11/12/2025 is 11 December.
		await preview.getByRole('cell', { name: '2025-04-03' }).waitFor();
		expect(await preview.locator('[aria-rowindex="3"] [role=cell]').allInnerTexts()).toEqual(['2', '2', '2025-12-11']);
	});

	it('cancels a load: the table does not appear and the engine keeps working', async () => {
		app = await openApp();
		await engineReady(app.page);
		// 3M rows (about 100 MB) take seconds to load, so the cancel lands while the load runs.
		await app.page.setInputFiles('[data-testid=file-input]', [file('big.csv', numbered(3_000_000))]);
		await app.page.getByRole('button', { name: 'Cancel loading big.csv' }).click();
		await app.page.getByRole('status').filter({ hasText: 'big.csv: loading cancelled' }).waitFor();
		expect(await listedTables(app.page)).toEqual([]);
		await app.page.setInputFiles('[data-testid=file-input]', [file('after.csv', 'a\n1\n')]);
		await app.page.waitForSelector('[data-table="after"][data-rows="1"]');
	});

	it('restarts a worker that died, reloads its tables from the kept files, and says so', async () => {
		app = await openApp();
		await app.page.setInputFiles('[data-testid=file-input]', [
			file('numbers.csv', numbered(1000)),
			file('people.csv', 'id,name\n1,Ann\n2,Bob\n')
		]);
		await app.page.waitForSelector('[data-table="people"]');
		await app.page.waitForSelector('[data-table="numbers"]');
		const [worker] = app.page.workers();
		await worker.evaluate(() => self.close());
		await app.page.waitForSelector('[data-engine="restarting"]', { timeout: 30_000 });
		await app.page
			.getByRole('status')
			.filter({ hasText: 'The data engine was restarted: it stopped answering; 2 tables reloaded.' })
			.waitFor({ timeout: 60_000 });
		await engineReady(app.page);
		expect(await listedTables(app.page)).toEqual([
			['numbers', 1000],
			['people', 2]
		]);
		// The new worker answers queries over the reloaded data: row 1000 is 1000, 3000.
		await app.page.locator('[data-table="numbers"]').getByRole('button', { name: 'Preview' }).click();
		const preview = app.page.locator('[data-preview="numbers"]');
		await preview.locator('.viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
		await preview.locator('[aria-rowindex="1001"]').getByRole('cell', { name: '3000', exact: true }).waitFor();
	});
});
