import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../../src/lib/engine/node-engine';
import { columnTypes, planOf, stage, startEngine, typeTable, values } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
	engine = await startEngine();
});
afterAll(() => engine.close());

const pad = (n: number) => String(n).padStart(2, '0');

describe('date columns typed from all values', () => {
	it('reads DD/MM/YY as day-first from a day above 12 in the last of 1,000 rows', async () => {
		// Rows 0..998: day (i % 12) + 1, month (i * 5 % 12) + 1, year 19 + i % 3: every part ≤ 12,
		// so the first 999 rows fit month-first too. Row 999 is 25/12/19.
		await engine.rows(
			`CREATE OR REPLACE TABLE s_dmy AS SELECT CASE WHEN i = 999 THEN '25/12/19' ` +
				`ELSE printf('%02d/%02d/%02d', i % 12 + 1, i * 5 % 12 + 1, 19 + i % 3) END AS d FROM range(1000) t(i)`
		);
		const [plan] = await typeTable(engine, 's_dmy', 't_dmy', ['d']);
		expect(plan).toMatchObject({ type: 'DATE', format: 'dmy', flags: ['two-digit-year'] });
		const expected = Array.from({ length: 1000 }, (_, i) =>
			i === 999 ? '2019-12-25' : `${2019 + (i % 3)}-${pad(((i * 5) % 12) + 1)}-${pad((i % 12) + 1)}`
		);
		const got = await values(engine, 't_dmy', 'd');
		// Row 1 is 02/06/20: 2 June 2020, not 6 February as a first-rows sniffer reads it.
		expect(got[1]).toBe('2020-06-02');
		expect(got).toEqual(expected);
	});

	it('reads M/D/YY as month-first from a second part above 12', async () => {
		const cols = await stage(engine, 's_mdy', { d: ['1/13/19', '12/1/19', '3/4/20'] });
		const [plan] = await typeTable(engine, 's_mdy', 't_mdy', cols);
		expect(plan).toMatchObject({ type: 'DATE', format: 'mdy' });
		expect(await values(engine, 't_mdy', 'd')).toEqual(['2019-01-13', '2019-12-01', '2020-03-04']);
	});

	it('reads D/M/YYYY H:MM as day-first timestamps', async () => {
		const cols = await stage(engine, 's_dmyt', { d: ['13/1/2020 8:05', '1/2/2020 23:59', '31/12/2020 0:00'] });
		const [plan] = await typeTable(engine, 's_dmyt', 't_dmyt', cols);
		expect(plan).toMatchObject({ type: 'TIMESTAMP', format: 'dmy', flags: [] });
		expect(await values(engine, 't_dmyt', 'd')).toEqual(['2020-01-13 08:05:00', '2020-02-01 23:59:00', '2020-12-31 00:00:00']);
	});

	it('reads 12/1/10 8:26 as 1 December 2010 when month-first is decided elsewhere in the column', async () => {
		const cols = await stage(engine, 's_us', { d: ['12/1/10 8:26', '1/25/10 14:00', '6/30/10 9:15:30'] });
		const [plan] = await typeTable(engine, 's_us', 't_us', cols);
		expect(plan).toMatchObject({ type: 'TIMESTAMP', format: 'mdy' });
		expect(await values(engine, 't_us', 'd')).toEqual(['2010-12-01 08:26:00', '2010-01-25 14:00:00', '2010-06-30 09:15:30']);
	});

	it('flags a column where no day or month exceeds 12 and assumes month-first', async () => {
		const cols = await stage(engine, 's_ambig', { d: ['01/02/2020', '03/04/2020', '12/11/2020'] });
		const [plan] = await typeTable(engine, 's_ambig', 't_ambig', cols);
		expect(plan).toMatchObject({ type: 'DATE', format: 'mdy', flags: ['ambiguous-date'] });
		expect(await values(engine, 't_ambig', 'd')).toEqual(['2020-01-02', '2020-03-04', '2020-12-11']);
	});

	it('keeps text when days and months above 12 meet in one column, or a date does not exist', async () => {
		const cols = await stage(engine, 's_bad', {
			both: ['13/01/2020', '01/13/2020'],
			feb: ['13/01/2020', '31/02/2020'],
			iso: ['2024-01-01', '2024-02-30']
		});
		const plans = await typeTable(engine, 's_bad', 't_bad', cols);
		expect(await columnTypes(engine, 't_bad')).toEqual({ both: 'VARCHAR', feb: 'VARCHAR', iso: 'VARCHAR' });
		expect(planOf(plans, 'both').reason).toContain('no day/month order fits');
		expect(planOf(plans, 'feb').reason).toBe('1 value is not a valid day/month/year date');
		expect(planOf(plans, 'iso').reason).toBe("1 value is not a date (e.g. '2024-02-30')");
		expect(await values(engine, 't_bad', 'feb')).toEqual(['13/01/2020', '31/02/2020']);
	});

	it('reads two-digit years 00–69 as 20xx and 70–99 as 19xx', async () => {
		const cols = await stage(engine, 's_yy', { d: ['1/1/69', '1/1/70', '12/31/99', '1/1/00'] });
		const [plan] = await typeTable(engine, 's_yy', 't_yy', cols);
		expect(plan.flags).toEqual(['two-digit-year']);
		expect(await values(engine, 't_yy', 'd')).toEqual(['2069-01-01', '1970-01-01', '1999-12-31', '2000-01-01']);
	});

	it('reads AM/PM times: 12 AM is midnight, 12 PM is noon', async () => {
		const cols = await stage(engine, 's_ampm', {
			d: ['1/13/2020 12:00 AM', '1/13/2020 12:30 PM', '1/13/2020 1:05:09 pm', '1/13/2020 11:59 am']
		});
		await typeTable(engine, 's_ampm', 't_ampm', cols);
		expect(await values(engine, 't_ampm', 'd')).toEqual([
			'2020-01-13 00:00:00',
			'2020-01-13 12:30:00',
			'2020-01-13 13:05:09',
			'2020-01-13 11:59:00'
		]);
	});

	it('reads dotted and dashed day-first dates', async () => {
		const cols = await stage(engine, 's_dots', { dots: ['31.12.2020', '01.02.2021'], dashes: ['31-12-2020', '01-02-2021'] });
		const plans = await typeTable(engine, 's_dots', 't_dots', cols);
		expect(planOf(plans, 'dots').format).toBe('dmy');
		expect(await values(engine, 't_dots', 'dots')).toEqual(['2020-12-31', '2021-02-01']);
		expect(await values(engine, 't_dots', 'dashes')).toEqual(['2020-12-31', '2021-02-01']);
	});

	it('reads YYYYMMDD as a date only under a date header or hint', async () => {
		const compact = ['20240131', '20240229', '19991231'];
		const cols = await stage(engine, 's_compact', {
			order_date: compact,
			amount: compact,
			code: compact,
			bad_date: ['20240131', '20240230', '20240101']
		});
		const plans = await typeTable(engine, 's_compact', 't_compact', cols, 0, { code: 'date' });
		expect(await columnTypes(engine, 't_compact')).toEqual({ order_date: 'DATE', amount: 'BIGINT', code: 'DATE', bad_date: 'BIGINT' });
		expect(planOf(plans, 'order_date').format).toBe('ymd-compact');
		expect(await values(engine, 't_compact', 'order_date')).toEqual(['2024-01-31', '2024-02-29', '1999-12-31']);
		expect(await values(engine, 't_compact', 'amount')).toEqual([20240131, 20240229, 19991231]);
	});

	it('reads ISO dates with and without times; a date-only column stays DATE', async () => {
		const cols = await stage(engine, 's_iso', {
			ts: ['2024-01-31', '2024-02-01 10:30', '2024-02-02T23:59:59.123', '2024/3/4 7:08:09'],
			d: ['2024-01-31', '2024/2/1', '2024.03.04', null]
		});
		const plans = await typeTable(engine, 's_iso', 't_iso', cols);
		expect(await columnTypes(engine, 't_iso')).toEqual({ ts: 'TIMESTAMP', d: 'DATE' });
		expect(planOf(plans, 'ts')).toMatchObject({ format: 'iso', flags: [] });
		expect(await values(engine, 't_iso', 'ts')).toEqual([
			'2024-01-31 00:00:00',
			'2024-02-01 10:30:00',
			'2024-02-02 23:59:59.123',
			'2024-03-04 07:08:09'
		]);
		expect(await values(engine, 't_iso', 'd')).toEqual(['2024-01-31', '2024-02-01', '2024-03-04', null]);
	});

	it('reads ISO and day-first values mixed in one column, each by its own pattern', async () => {
		const cols = await stage(engine, 's_mixed', { d: ['2024-01-31', '25/12/2023', '03/10/2024', '-', 'N/A'] });
		const [plan] = await typeTable(engine, 's_mixed', 't_mixed', cols);
		expect(plan).toMatchObject({ type: 'DATE', format: 'dmy', nullTokens: 2, flags: ['null-tokens'] });
		expect(await values(engine, 't_mixed', 'd')).toEqual(['2024-01-31', '2023-12-25', '2024-10-03', null, null]);
	});

	it('reads times of day as TIME', async () => {
		const cols = await stage(engine, 's_time', { t: ['08:30', '8:30:15 PM', '23:59:59', ' '] });
		const [plan] = await typeTable(engine, 's_time', 't_time', cols);
		expect(plan).toMatchObject({ type: 'TIME', format: 'time' });
		const rows = await engine.rows('SELECT CAST(t AS VARCHAR) AS t FROM t_time ORDER BY rowid');
		expect(rows.map((r) => r.t)).toEqual(['08:30:00', '20:30:15', '23:59:59', null]);
	});
});
