// dropDuplicates and keepPerKey on the real engine; rows are numbered in file order in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanViewSql } from '../../../src/lib/cleaning/clean-sql';
import { stepCountsSql, toStepCounts } from '../../../src/lib/cleaning/step-counts';
import type { CleaningConfig } from '../../../src/lib/cleaning/types';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { crmTable } from './helpers';

let engine: NodeEngine;

const COLUMNS = ['order_id', 'customer_id', 'channel', 'amount', 'ordered_at'];

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	await crmTable(engine, 'orders', COLUMNS, [
		['o1', 'c1', 'email', 10, '2024-01-01 00:00:00', 'a.csv'], // 1
		['o1', 'c1', 'email', 10, '2024-01-01 00:00:00', 'b.csv'], // 2: row 1 again from another file
		['o2', 'c2', 'web', 20, '2024-01-02 00:00:00', 'a.csv'], // 3
		['o2', 'c2', 'web', 25, '2024-01-05 00:00:00', 'b.csv'], // 4: o2, newest
		['o3', 'c3', null, null, '2024-01-03 00:00:00', 'a.csv'], // 5
		['o3', 'c3', null, null, '2024-01-03 00:00:00', 'a.csv'], // 6: row 5 again, NULLs included
		['o4', 'c4', 'sms', 5, '2024-01-04 00:00:00', 'a.csv'], // 7
		[null, 'c5', 'sms', 7, '2024-01-06 00:00:00', 'a.csv'], // 8: no key
		[null, 'c5', 'sms', 7, '2024-01-06 00:00:00', 'a.csv'], // 9: row 8 again
		['o2', 'c2', 'web', 22, '2024-01-03 00:00:00', 'c.csv'] // 10: o2 again, in between
	]);
});
afterAll(() => engine.close());

async function clean(config: CleaningConfig) {
	await engine.query(cleanViewSql('orders', COLUMNS, config));
	const rows = await engine.rows(
		'SELECT order_id, amount, source_file FROM clean.orders ORDER BY order_id NULLS LAST, amount, source_file'
	);
	const counts = (await engine.rows(stepCountsSql('orders', COLUMNS, config))).map(toStepCounts);
	return { rows: rows.map((r) => [r.order_id, r.amount, r.source_file]), counts };
}

describe('dropDuplicates', () => {
	it('drops rows equal to an earlier one on every column but source_file, keeping the first', async () => {
		const { rows, counts } = await clean({ orders: { dropDuplicates: true } });
		// Rows 2, 6 and 9 repeat rows 1, 5 and 8: 10 − 3 = 7 left; row 1 keeps its file a.csv.
		expect(rows).toEqual([
			['o1', 10, 'a.csv'],
			['o2', 20, 'a.csv'],
			['o2', 22, 'c.csv'],
			['o2', 25, 'b.csv'],
			['o3', null, 'a.csv'],
			['o4', 5, 'a.csv'],
			[null, 7, 'a.csv']
		]);
		expect(counts).toEqual([{ kind: 'orders', step: 'dropDuplicates', rowsBefore: 10, rowsAfter: 7, valuesChanged: null }]);
	});
});

describe('keepPerKey', () => {
	it('first: the first row of each key in file order; rows without a key all stay', async () => {
		const { rows, counts } = await clean({ orders: { keepPerKey: 'first' } });
		// o1: rows 1, 2 → 1; o2: rows 3, 4, 10 → 3; o3: rows 5, 6 → 5; o4: 7; no key: 8 and 9 → 6 rows.
		expect(rows).toEqual([
			['o1', 10, 'a.csv'],
			['o2', 20, 'a.csv'],
			['o3', null, 'a.csv'],
			['o4', 5, 'a.csv'],
			[null, 7, 'a.csv'],
			[null, 7, 'a.csv']
		]);
		expect(counts).toEqual([{ kind: 'orders', step: 'keepPerKey', rowsBefore: 10, rowsAfter: 6, valuesChanged: null }]);
	});

	it('newest: the latest ordered_at, a tie going to the later row', async () => {
		const { rows, counts } = await clean({ orders: { keepPerKey: 'newest' } });
		// o1: rows 1, 2 share a timestamp → the later, 2 (b.csv); o2: 01-02, 01-05, 01-03 → row 4 (25);
		// o3: rows 5, 6 tie → 6; o4: 7; no key: 8 and 9 → 6 rows.
		expect(rows).toEqual([
			['o1', 10, 'b.csv'],
			['o2', 25, 'b.csv'],
			['o3', null, 'a.csv'],
			['o4', 5, 'a.csv'],
			[null, 7, 'a.csv'],
			[null, 7, 'a.csv']
		]);
		expect(counts[0]).toEqual({ kind: 'orders', step: 'keepPerKey', rowsBefore: 10, rowsAfter: 6, valuesChanged: null });
	});

	it('after dropDuplicates: counts per step', async () => {
		const { rows, counts } = await clean({ orders: { dropDuplicates: true, keepPerKey: 'first' } });
		// Dedupe leaves 1, 3, 4, 5, 7, 8, 10 (7 rows); one per key: o1 1, o2 3, o3 5, o4 7, no key 8 → 5.
		expect(rows).toEqual([
			['o1', 10, 'a.csv'],
			['o2', 20, 'a.csv'],
			['o3', null, 'a.csv'],
			['o4', 5, 'a.csv'],
			[null, 7, 'a.csv']
		]);
		expect(counts).toEqual([
			{ kind: 'orders', step: 'dropDuplicates', rowsBefore: 10, rowsAfter: 7, valuesChanged: null },
			{ kind: 'orders', step: 'keepPerKey', rowsBefore: 7, rowsAfter: 5, valuesChanged: null }
		]);
	});

	it('newest customers by updated_at; order_lines by their two-column key', async () => {
		await crmTable(
			engine,
			'customers',
			['customer_id', 'segment', 'created_at', 'updated_at'],
			[
				['c1', 'old', '2023-01-01 00:00:00', '2024-03-01 00:00:00'],
				['c1', 'new', '2023-01-01 00:00:00', '2024-05-01 00:00:00'],
				['c1', 'oldest', '2023-01-01 00:00:00', '2023-01-01 00:00:00'],
				['c2', 'undated', '2023-01-01 00:00:00', null],
				['c2', 'dated', '2023-01-01 00:00:00', '2023-06-01 00:00:00']
			]
		);
		const customerColumns = ['customer_id', 'segment', 'created_at', 'updated_at'];
		await engine.query(cleanViewSql('customers', customerColumns, { customers: { keepPerKey: 'newest' } }));
		// c1: updated 03-01, 05-01, 2023-01-01 → 'new'; c2: NULL sorts last → 'dated'.
		const customers = await engine.rows('SELECT customer_id, segment FROM clean.customers ORDER BY customer_id');
		expect(customers.map((r) => r.segment)).toEqual(['new', 'dated']);

		await crmTable(
			engine,
			'order_lines',
			['order_id', 'line', 'amount'],
			[
				['o1', 1, 5],
				['o1', 2, 6],
				['o1', 1, 7],
				['o2', 1, 8]
			]
		);
		await engine.query(cleanViewSql('order_lines', ['order_id', 'line', 'amount'], { order_lines: { keepPerKey: 'first' } }));
		// Keys (o1,1) rows 1 and 3 → 1; (o1,2); (o2,1) → amounts 5, 6, 8.
		const lines = await engine.rows('SELECT amount FROM clean.order_lines ORDER BY amount');
		expect(lines.map((r) => r.amount)).toEqual([5, 6, 8]);
	});
});
