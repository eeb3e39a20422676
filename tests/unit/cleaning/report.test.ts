// The command-line pipeline (buildReport) with a cleaning config, on a tiny CSV worked out by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableInfo } from '../../../src/lib/engine/engine';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { parseConfig } from '../../../src/lib/report/config';
import { buildReport } from '../../../src/lib/report/report';

const CSV = `order_id,customer_id,channel,status,amount,ordered_at
A1,C1,E-mail,delivered,100,2024-03-01 10:00:00
A1,C1,E-mail,delivered,100,2024-03-01 10:00:00
A2,C2,email,delivered,50,2024-03-02 11:00:00
A3,C3,微信,delivered,,2024-03-03 12:00:00
A4,C1,WeChat,已取消,80,2024-03-04 09:00:00
`;

let engine: NodeEngine;
let dir: string;
let tables: Array<{ info: TableInfo; fileName: string }>;
const NOW = { now: '2024-03-10 00:00:00' };

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'crm-cleaning-'));
	const path = join(dir, 'orders.csv');
	writeFileSync(path, CSV);
	engine = new NodeEngine();
	await engine.ready();
	const loaded = await engine.load({ table: 'orders', source: { kind: 'path', path, name: 'orders.csv' } });
	tables = [{ info: loaded.table, fileName: 'orders.csv' }];
});
afterAll(async () => {
	await engine.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('buildReport with cleaning', () => {
	it('without cleaning reports the raw numbers', async () => {
		const report = await buildReport(engine, tables, { version: 1 }, NOW);
		expect(report.tables[0].detection.kind).toBe('orders');
		// 已取消 is not an excluded status and A3 has no amount: 100 + 100 + 50 + 80 = 330.
		expect(report.metrics.metrics['behaviour.revenue']).toBe(330);
		expect(report.metrics.metrics['quality.duplicate_rows.orders']).toBe(1);
		expect(report.cleaning).toEqual([]);
	});

	it('cleans the orders before the metrics read them', async () => {
		const config = parseConfig({
			version: 1,
			cleaning: { orders: { dropDuplicates: true, unifyLabels: true, fillMissing: { amount: 'median' } } }
		});
		const report = await buildReport(engine, tables, config, NOW);
		// Dedupe: the second A1 line goes, 5 → 4. Unify: E-mail → email, 微信 → wechat, WeChat → wechat,
		// 已取消 → canceled = 4 cells. Median of 50, 80, 100 is 80, filled into A3 (1 cell).
		expect(report.cleaning).toEqual([
			{ kind: 'orders', step: 'dropDuplicates', rowsBefore: 5, rowsAfter: 4, valuesChanged: null },
			{ kind: 'orders', step: 'unifyLabels', rowsBefore: 4, rowsAfter: 4, valuesChanged: 4 },
			{ kind: 'orders', step: 'fillMissing', rowsBefore: 4, rowsAfter: 4, valuesChanged: 1 }
		]);
		// A4 is now 'canceled' (excluded): A1 100 + A2 50 + A3 80 = 230.
		expect(report.metrics.metrics['behaviour.revenue']).toBe(230);
		expect(report.metrics.metrics['quality.duplicate_rows.orders']).toBe(0);
		expect(report.metrics.breakdowns['behaviour.revenue.by_channel']).toEqual([
			{ channel: 'email', orders: 2, revenue: 150 },
			{ channel: 'wechat', orders: 1, revenue: 80 }
		]);
		// The raw table is untouched.
		const [{ n }] = await engine.rows('SELECT CAST(count(*) AS INTEGER) AS n FROM main.orders');
		expect(n).toBe(5);
	});

	it('refuses a bad cleaning config naming the field', () => {
		expect(() => parseConfig({ version: 1, cleaning: { orders: { fillMissing: { amount: 'mode' } } } })).toThrow(
			'cleaning.orders.fillMissing.amount must be one of mean, median, previous, not "mode"'
		);
	});
});
