// fillMissing on the real engine: mean, median and previous value, worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanViewSql } from '../../../src/lib/cleaning/clean-sql';
import { stepCountsSql, toStepCounts } from '../../../src/lib/cleaning/step-counts';
import type { CleaningConfig } from '../../../src/lib/cleaning/types';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { columnTypes, crmTable } from './helpers';

let engine: NodeEngine;

const COLUMNS = ['order_id', 'customer_id', 'amount', 'quantity', 'ordered_at'];

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	// File order differs from time order: by ordered_at the rows run o1, o4, o3, o2, o5.
	await crmTable(engine, 'orders', COLUMNS, [
		['o1', 'c1', 10, null, '2024-01-01 09:00:00'],
		['o2', 'c2', null, null, '2024-01-04 09:00:00'],
		['o3', 'c3', 40, null, '2024-01-03 09:00:00'],
		['o4', 'c4', null, 2, '2024-01-02 09:00:00'],
		['o5', 'c5', 20, 5, '2024-01-05 09:00:00']
	]);
});
afterAll(() => engine.close());

async function clean(config: CleaningConfig) {
	await engine.query(cleanViewSql('orders', COLUMNS, config));
	const rows = await engine.rows('SELECT order_id, amount, quantity FROM clean.orders ORDER BY order_id');
	const counts = (await engine.rows(stepCountsSql('orders', COLUMNS, config))).map(toStepCounts);
	return { rows, counts };
}

const column = (rows: Record<string, unknown>[], name: string) => rows.map((r) => r[name]);

describe('fillMissing', () => {
	it('mean: the mean of the known values', async () => {
		const { rows, counts } = await clean({ orders: { fillMissing: { amount: 'mean' } } });
		// (10 + 40 + 20) / 3 = 70 / 3 = 23.333…, into o2 and o4.
		expect(column(rows, 'amount')).toEqual([10, 70 / 3, 40, 70 / 3, 20]);
		expect(column(rows, 'quantity')).toEqual([null, null, null, 2, 5]);
		expect(counts).toEqual([{ kind: 'orders', step: 'fillMissing', rowsBefore: 5, rowsAfter: 5, valuesChanged: 2 }]);
	});

	it('median: the middle of 10, 20, 40 is 20', async () => {
		const { rows, counts } = await clean({ orders: { fillMissing: { amount: 'median' } } });
		expect(column(rows, 'amount')).toEqual([10, 20, 40, 20, 20]);
		expect(counts[0].valuesChanged).toBe(2);
	});

	it('median of an even count interpolates (quantile_cont)', async () => {
		const { rows } = await clean({ orders: { fillMissing: { quantity: 'median' } } });
		// Known quantities 2 and 5: (2 + 5) / 2 = 3.5, into o1, o2, o3.
		expect(column(rows, 'quantity')).toEqual([3.5, 3.5, 3.5, 2, 5]);
	});

	it('previous: the last known value in timestamp order, not file order', async () => {
		const { rows, counts } = await clean({ orders: { fillMissing: { amount: 'previous', quantity: 'previous' } } });
		// amount by time: o1 10, o4 NULL → 10, o3 40, o2 NULL → 40, o5 20.
		expect(column(rows, 'amount')).toEqual([10, 40, 40, 10, 20]);
		// quantity by time: o1 NULL (nothing before it, stays NULL), o4 2, o3 NULL → 2, o2 NULL → 2, o5 5.
		expect(column(rows, 'quantity')).toEqual([null, 2, 2, 2, 5]);
		// Filled: amount 2 (o4, o2) + quantity 2 (o3, o2) = 4; o1's quantity stays missing.
		expect(counts).toEqual([{ kind: 'orders', step: 'fillMissing', rowsBefore: 5, rowsAfter: 5, valuesChanged: 4 }]);
	});

	it('previous breaks timestamp ties by key', async () => {
		await crmTable(engine, 'orders', COLUMNS, [
			['b', 'c1', null, null, '2024-02-01 00:00:00'],
			['c', 'c1', 7, null, '2024-02-01 00:00:00'],
			['a', 'c1', 3, null, '2024-02-01 00:00:00']
		]);
		const { rows } = await clean({ orders: { fillMissing: { amount: 'previous' } } });
		// One timestamp: key order a (3), b (NULL → 3), c (7).
		expect(column(rows, 'amount')).toEqual([3, 3, 7]);
	});

	it('keeps DOUBLE columns DOUBLE, and ignores columns the view lacks', async () => {
		await clean({ orders: { fillMissing: { amount: 'mean', installments: 'mean' } as Record<string, 'mean'> } });
		expect(await columnTypes(engine, 'clean.orders')).toEqual(await columnTypes(engine, 'crm.orders'));
	});

	it('fills customers.age by median', async () => {
		await crmTable(
			engine,
			'customers',
			['customer_id', 'age'],
			[
				['c1', 30],
				['c2', null],
				['c3', 50],
				['c4', 34]
			]
		);
		await engine.query(cleanViewSql('customers', ['customer_id', 'age'], { customers: { fillMissing: { age: 'median' } } }));
		// Known ages 30, 34, 50: the median is 34.
		const rows = await engine.rows('SELECT customer_id, age FROM clean.customers ORDER BY customer_id');
		expect(column(rows, 'age')).toEqual([30, 34, 50, 34]);
	});
});
