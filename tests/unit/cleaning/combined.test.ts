// All steps together in their fixed order, and everything off: worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanViewSql } from '../../../src/lib/cleaning/clean-sql';
import { stepCountsSql, toStepCounts } from '../../../src/lib/cleaning/step-counts';
import { STEP_ORDER, type CleaningConfig } from '../../../src/lib/cleaning/types';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { cleanPassThroughSql } from '../../../src/lib/mapping/canonical-sql';
import { columnTypes, crmTable } from './helpers';

let engine: NodeEngine;

const COLUMNS = ['order_id', 'customer_id', 'channel', 'amount', 'ordered_at'];

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	await crmTable(engine, 'orders', COLUMNS, [
		['o1', 'c1', 'Email', 10, '2024-01-01 00:00:00'], // 1
		['o1', 'c1', 'Email', 10, '2024-01-01 00:00:00'], // 2: exact duplicate of 1
		['o2', 'c2', 'email ', 30, '2024-01-02 00:00:00'], // 3
		['o2', 'c2', '邮件', 90, '2024-01-04 00:00:00'], // 4: o2 again, newer
		['o3', 'c3', ' E-mail', null, '2024-01-03 00:00:00'], // 5
		['o4', 'c4', 'WeChat', null, '2024-01-05 00:00:00'] // 6
	]);
});
afterAll(() => engine.close());

async function clean(config: CleaningConfig) {
	await engine.query(cleanViewSql('orders', COLUMNS, config));
	const rows = await engine.rows('SELECT order_id, channel, amount FROM clean.orders ORDER BY order_id');
	const counts = (await engine.rows(stepCountsSql('orders', COLUMNS, config))).map(toStepCounts);
	return { rows: rows.map((r) => [r.order_id, r.channel, r.amount]), counts };
}

const ALL: CleaningConfig = {
	orders: { fillMissing: { amount: 'mean' }, unifyLabels: true, trimText: true, keepPerKey: 'first', dropDuplicates: true }
};

describe('steps combined', () => {
	it('runs dedupe → keep per key → trim → unify → fill, whatever the order of the config', async () => {
		const { rows, counts } = await clean(ALL);
		// 1. dedupe drops row 2: 6 → 5.  2. keep first drops row 4 (o2's second): 5 → 4.
		// 3. trim: 'email ' → 'email', ' E-mail' → 'E-mail' = 2 cells.
		// 4. unify: 'Email' → email, 'E-mail' → email, 'WeChat' → wechat = 3 cells ('email' already is).
		// 5. mean over the 4 rows left: (10 + 30) / 2 = 20, into o3 and o4 = 2 cells
		//    (filling first would have given (10 + 10 + 30 + 90) / 4 = 35).
		expect(rows).toEqual([
			['o1', 'email', 10],
			['o2', 'email', 30],
			['o3', 'email', 20],
			['o4', 'wechat', 20]
		]);
		expect(counts).toEqual([
			{ kind: 'orders', step: 'dropDuplicates', rowsBefore: 6, rowsAfter: 5, valuesChanged: null },
			{ kind: 'orders', step: 'keepPerKey', rowsBefore: 5, rowsAfter: 4, valuesChanged: null },
			{ kind: 'orders', step: 'trimText', rowsBefore: 4, rowsAfter: 4, valuesChanged: 2 },
			{ kind: 'orders', step: 'unifyLabels', rowsBefore: 4, rowsAfter: 4, valuesChanged: 3 },
			{ kind: 'orders', step: 'fillMissing', rowsBefore: 4, rowsAfter: 4, valuesChanged: 2 }
		]);
		expect(counts.map((c) => c.step)).toEqual([...STEP_ORDER]);
	});

	it('fills after keeping the newest row: the mean is over the rows kept', async () => {
		const { rows } = await clean({ orders: { ...ALL.orders, keepPerKey: 'newest' } });
		// o2 keeps row 4 (01-04, 90, 邮件 → email); mean of 10 and 90 = 50 into o3 and o4.
		expect(rows).toEqual([
			['o1', 'email', 10],
			['o2', 'email', 90],
			['o3', 'email', 50],
			['o4', 'wechat', 50]
		]);
	});

	it('keeps the columns, their order and their canonical types, source_file included', async () => {
		await clean(ALL);
		const types = await columnTypes(engine, 'clean.orders');
		expect(types).toEqual(await columnTypes(engine, 'crm.orders'));
		expect(types).toEqual([
			['order_id', 'VARCHAR'],
			['customer_id', 'VARCHAR'],
			['channel', 'VARCHAR'],
			['amount', 'DOUBLE'],
			['ordered_at', 'TIMESTAMP'],
			['source_file', 'VARCHAR']
		]);
	});

	it('never changes crm.orders', async () => {
		await clean(ALL);
		const [{ n }] = await engine.rows('SELECT CAST(count(*) AS INTEGER) AS n FROM crm.orders');
		expect(n).toBe(6);
	});
});

describe('everything off', () => {
	const offConfigs: CleaningConfig[] = [
		{},
		{ orders: {} },
		{ orders: { dropDuplicates: false, trimText: false, unifyLabels: false, fillMissing: {} } },
		{ customers: { dropDuplicates: true } }, // another table's steps
		{ orders: { fillMissing: { quantity: 'mean' } } } // a column this view does not have
	];

	it.each(offConfigs)('%j is the plain pass-through', async (config) => {
		expect(cleanViewSql('orders', COLUMNS, config)).toBe(cleanPassThroughSql('orders'));
		expect(await engine.rows(stepCountsSql('orders', COLUMNS, config))).toEqual([]);
	});

	it('keepPerKey without the whole key, and unifyLabels without label columns, do nothing', () => {
		expect(cleanViewSql('orders', ['customer_id', 'amount'], { orders: { keepPerKey: 'first' } })).toBe(cleanPassThroughSql('orders'));
		expect(cleanViewSql('customers', ['customer_id', 'name'], { customers: { unifyLabels: true } })).toBe(cleanPassThroughSql('customers'));
	});

	it('gives exactly crm.orders: same rows, same columns, same types', async () => {
		await engine.query(cleanViewSql('orders', COLUMNS, {}));
		expect(await columnTypes(engine, 'clean.orders')).toEqual(await columnTypes(engine, 'crm.orders'));
		const diff = await engine.rows(
			'SELECT CAST(count(*) AS INTEGER) AS n FROM ((SELECT * FROM clean.orders EXCEPT ALL SELECT * FROM crm.orders) UNION ALL (SELECT * FROM crm.orders EXCEPT ALL SELECT * FROM clean.orders))'
		);
		expect(diff).toEqual([{ n: 0 }]);
		const [{ n }] = await engine.rows('SELECT CAST(count(*) AS INTEGER) AS n FROM clean.orders');
		expect(n).toBe(6);
	});
});

describe('SQL', () => {
	it('quotes names and is one CTE per step, in order', () => {
		const sql = cleanViewSql('orders', COLUMNS, ALL);
		expect(sql.startsWith('CREATE OR REPLACE VIEW "clean"."orders" AS\nWITH base AS (')).toBe(true);
		const at = [
			'base AS',
			'step1 AS (SELECT "order_id"',
			'step2 AS (SELECT * FROM step1 QUALIFY',
			'step3 AS (SELECT * REPLACE',
			'step4',
			'step5'
		].map((s) => sql.indexOf(s));
		expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]))).toBe(true);
		expect(sql.endsWith('SELECT * EXCLUDE ("__clean_row") FROM step5')).toBe(true);
		expect(sql).not.toMatch(/now\(\)|current_date|TIMESTAMPTZ|WITH TIME ZONE/i);
	});
});
