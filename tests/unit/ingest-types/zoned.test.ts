import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../../src/lib/engine/node-engine';
import { columnStatsSql, createTypedTableSql, decideColumnTypes } from '../../../src/lib/ingest/types';
import { columnTypes, stage, startEngine, typeTable, values } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
	engine = await startEngine();
});
afterAll(() => engine.close());

const ZONED = [
	'2025-01-04 10:02:11 +0800',
	'2025-01-04T10:02:11Z',
	'2025-01-03T21:00:00-05:00',
	'2025-01-04 10:02:11+08',
	'2025-01-04 10:02:11+05:30'
];

describe('zoned timestamps become plain TIMESTAMP in the data time zone', () => {
	it('converts each offset to UTC when the data zone is UTC', async () => {
		const cols = await stage(engine, 's_z0', { ts: ZONED });
		const [plan] = await typeTable(engine, 's_z0', 't_z0', cols, 0);
		expect(plan).toMatchObject({ type: 'TIMESTAMP', format: 'iso', flags: ['zoned'] });
		expect(await columnTypes(engine, 't_z0')).toEqual({ ts: 'TIMESTAMP' });
		expect(await values(engine, 't_z0', 'ts')).toEqual([
			'2025-01-04 02:02:11', // 10:02:11 − 8h
			'2025-01-04 10:02:11', // Z is UTC
			'2025-01-04 02:00:00', // 21:00 + 5h crosses midnight
			'2025-01-04 02:02:11', // +08 without minutes
			'2025-01-04 04:32:11' // 10:02:11 − 5h30
		]);
	});

	it('shows the same instants in the data zone +08:00 and −05:00', async () => {
		const cols = await stage(engine, 's_z8', { ts: ZONED });
		await typeTable(engine, 's_z8', 't_z8', cols, 8 * 60);
		// The UTC values above + 8h.
		expect(await values(engine, 't_z8', 'ts')).toEqual([
			'2025-01-04 10:02:11',
			'2025-01-04 18:02:11',
			'2025-01-04 10:00:00',
			'2025-01-04 10:02:11',
			'2025-01-04 12:32:11'
		]);
		await typeTable(engine, 's_z8', 't_z5', cols, -5 * 60);
		// The UTC values above − 5h.
		expect(await values(engine, 't_z5', 'ts')).toEqual([
			'2025-01-03 21:02:11',
			'2025-01-04 05:02:11',
			'2025-01-03 21:00:00',
			'2025-01-03 21:02:11',
			'2025-01-03 23:32:11'
		]);
	});

	it('takes values without an offset as already in the data zone', async () => {
		const cols = await stage(engine, 's_zmix', { ts: ['2025-01-04 10:00:00', '2025-01-04 10:00:00Z', null] });
		await typeTable(engine, 's_zmix', 't_zmix', cols, 8 * 60);
		expect(await values(engine, 't_zmix', 'ts')).toEqual(['2025-01-04 10:00:00', '2025-01-04 18:00:00', null]);
	});

	it('aggregates a zoned column by month with plain TIMESTAMP functions', async () => {
		const cols = await stage(engine, 's_zm', {
			ts: ['2024-01-31T23:30:00-01:00', '2024-01-31T20:00:00Z', '2024-02-15T12:00:00+08:00']
		});
		const [stats] = await engine.rows(columnStatsSql('s_zm', cols));
		const plans = decideColumnTypes(stats, cols);
		const sql = createTypedTableSql('t_zm', 's_zm', plans, { timeZoneOffsetMinutes: -60 });
		expect(sql).not.toMatch(/TIMESTAMPTZ|WITH TIME ZONE|strptime|%z/i);
		await engine.rows(sql);
		// In UTC−1: 23:30 at −01:00 stays 31 Jan 23:30; 20:00Z is 31 Jan 19:00; 12:00 at +08:00 is 15 Feb 03:00.
		const months = await engine.rows(`SELECT CAST(date_trunc('month', ts) AS DATE) AS m, count(*) AS n FROM t_zm GROUP BY 1 ORDER BY 1`);
		expect(months).toEqual([
			{ m: '2024-01-01', n: 2 },
			{ m: '2024-02-01', n: 1 }
		]);
	});
});
