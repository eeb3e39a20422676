import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { SAMPLE_ROWS } from '../../src/lib/ingest/type-table';

const engine = new NodeEngine();
const dir = mkdtempSync(join(tmpdir(), 'crm-pulse-types-'));
beforeAll(() => engine.ready());
afterAll(() => engine.close());

async function load(name: string, lines: string[]) {
	const path = join(dir, name);
	writeFileSync(path, lines.join('\n') + '\n');
	return engine.load({ table: name.replace('.csv', ''), source: { kind: 'path', path, name } });
}

const typeOf = (r: Awaited<ReturnType<typeof load>>, column: string) => r.table.columns.find((c) => c.name === column)?.type;

describe('the loader types each column from all of its values, not the first rows', () => {
	const n = SAMPLE_ROWS + 5000;

	it('a value past the sample that is not a number keeps the column text, and no row is lost', async () => {
		const lines = ['id,amount'];
		for (let i = 1; i <= n; i++) lines.push(`${i},${i === n ? 'n/a yet' : i * 2}`);
		const r = await load('late_text.csv', lines);
		expect(r.table.rows).toBe(n);
		expect(r.report.rejectedCount).toBe(0);
		expect(typeOf(r, 'id')).toBe('BIGINT');
		expect(typeOf(r, 'amount')).toBe('VARCHAR');
	});

	it('a day above 12 past the sample decides day-first for the whole column', async () => {
		// Every date before the last is 01/02/2025 .. 12/12/2025 (ambiguous); the last is 25/12/2025.
		const lines = ['id,d'];
		for (let i = 1; i < n; i++) lines.push(`${i},${String((i % 12) + 1).padStart(2, '0')}/02/2025`);
		lines.push(`${n},25/12/2025`);
		const r = await load('late_day.csv', lines);
		expect(typeOf(r, 'd')).toBe('DATE');
		// Row 1: (1 % 12) + 1 = 2 → 02/02/2025 read day-first is 2025-02-02; row n is 2025-12-25.
		const rows = await engine.rows(`SELECT d FROM late_day WHERE id IN (1, 11, ${n}) ORDER BY id`);
		// Row 11: (11 % 12) + 1 = 12 → 12/02/2025 day-first = 2025-02-12 (month-first would be 2025-12-02).
		expect(rows.map((r) => r.d)).toEqual(['2025-02-02', '2025-02-12', '2025-12-25']);
		expect(r.report.columns.find((c) => c.name === 'd')?.flags).not.toContain('ambiguous-date');
	});

	it('an ISO column with a slash date past the sample still loads every row as a timestamp', async () => {
		const lines = ['id,at'];
		for (let i = 1; i < n; i++) lines.push(`${i},2025-03-0${(i % 9) + 1} 10:00:00`);
		lines.push(`${n},03/31/2025 10:00`);
		const r = await load('late_slash.csv', lines);
		expect(r.table.rows).toBe(n);
		expect(typeOf(r, 'at')).toBe('TIMESTAMP');
		const [last] = await engine.rows(`SELECT "at" FROM late_slash WHERE id = ${n}`);
		expect(last.at).toBe('2025-03-31 10:00:00');
	});

	it('flags a column whose every date is ambiguous, and reads it as the user confirms', async () => {
		const lines = ['id,d', '1,03/04/2025', '2,05/06/2025'];
		const r = await load('ambiguous.csv', lines);
		expect(r.report.columns.find((c) => c.name === 'd')?.flags).toContain('ambiguous-date');
		const path = join(dir, 'ambiguous.csv');
		const confirmed = await engine.load({
			table: 'ambiguous',
			source: { kind: 'path', path, name: 'ambiguous.csv' },
			typing: { timeZoneOffsetMinutes: 0, dateOrders: { d: 'dmy' } }
		});
		expect(confirmed.report.columns.find((c) => c.name === 'd')?.flags).not.toContain('ambiguous-date');
		expect((await engine.rows('SELECT d FROM ambiguous ORDER BY id')).map((r) => r.d)).toEqual(['2025-04-03', '2025-06-05']);
	});

	it('zoned timestamps become plain TIMESTAMP in the data time zone, and aggregate by month', async () => {
		const lines = ['id,at', '1,2025-01-31T20:00:00-05:00', '2,2025-02-01T09:00:00+08:00', '3,2025-02-28T23:30:00Z'];
		const utc = await load('zoned.csv', lines);
		expect(typeOf(utc, 'at')).toBe('TIMESTAMP');
		// 20:00 at −05:00 is 01:00 UTC on Feb 1; 09:00 at +08:00 is 01:00 UTC on Feb 1; 23:30 Z stays.
		expect((await engine.rows('SELECT "at" FROM zoned ORDER BY id')).map((r) => r.at)).toEqual([
			'2025-02-01 01:00:00',
			'2025-02-01 01:00:00',
			'2025-02-28 23:30:00'
		]);
		const path = join(dir, 'zoned.csv');
		await engine.load({ table: 'zoned8', source: { kind: 'path', path, name: 'zoned.csv' }, typing: { timeZoneOffsetMinutes: 8 * 60 } });
		// In +08:00 the last one is 2025-03-01 07:30, so February has 2 and March 1.
		expect(await engine.rows(`SELECT date_trunc('month', "at") AS m, count(*) AS n FROM zoned8 GROUP BY 1 ORDER BY 1`)).toEqual([
			{ m: '2025-02-01', n: 2 },
			{ m: '2025-03-01', n: 1 }
		]);
	});

	it('keeps leading-zero codes as text and reads currency, thousands and missing tokens as numbers', async () => {
		const lines = [
			'zip,phone,amount,score',
			'01234,0712345678,"$84,835.00 ",N/A',
			'98765,0823456789,"$1,000.50",4',
			'00501,0934567890,$12.00 , '
		];
		const r = await load('values.csv', lines);
		expect([typeOf(r, 'zip'), typeOf(r, 'phone'), typeOf(r, 'amount'), typeOf(r, 'score')]).toEqual([
			'VARCHAR',
			'VARCHAR',
			'DOUBLE',
			'BIGINT'
		]);
		expect(await engine.rows('SELECT * FROM "values"')).toEqual([
			{ zip: '01234', phone: '0712345678', amount: 84835, score: null },
			{ zip: '98765', phone: '0823456789', amount: 1000.5, score: 4 },
			{ zip: '00501', phone: '0934567890', amount: 12, score: null }
		]);
	});
});
