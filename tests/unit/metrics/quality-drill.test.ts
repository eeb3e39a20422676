// The rows behind each quality number, on hand-made tables in the real engine. Every expected
// row is picked out by hand from the fixture rows, with the reason in a comment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillSql, type Drill } from '../../../src/lib/metrics/quality-drill';
import { Fixture } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
});
afterAll(() => f.close());

const rows = (table: string, drill: Drill, limit?: number) => f.engine.rows(drillSql(f.catalog, table, drill, limit));
const pick = (list: Record<string, unknown>[], ...cols: string[]) => list.map((r) => cols.map((c) => r[c]));

const CUSTOMER_COLUMNS = ['customer_id', 'name', 'email', 'phone', 'created_at', 'updated_at'];
const CUSTOMERS = [
	['C1', 'Ann', 'ann@x.com', '+1 555-1234', '2024-01-01 00:00:00', '2024-01-02 00:00:00'],
	['C2', 'Bob', 'bob@', '12', '2024-01-01 00:00:00', '2023-12-31 00:00:00'], // bad email, bad phone, updated before created
	['C2', 'Bobby', 'bob@x.com', null, '2024-01-01 00:00:00', '2024-01-02 00:00:00'], // C2 again: name, email, updated_at differ
	['C3', null, '', '  ', null, null], // blanks are missing, not invalid
	['C3', null, '', '  ', null, null], // exact copy of the row above
	['C4', 'Dee', 'dee@x', '555 1234', '2024-01-05 00:00:00', '2024-01-05 00:00:00'] // bad email (no dot after @)
];

const ORDER_COLUMNS = ['order_id', 'customer_id', 'status', 'amount', 'ordered_at', 'shipped_at'];
const ORDERS = [
	['O1', 'C1', 'shipped', 10, '2024-01-01 00:00:00', '2024-01-02 00:00:00'],
	['O1', 'C1', 'shipped', 12, '2024-01-01 00:00:00', '2024-01-02 00:00:00'], // O1 again, other amount
	['O2', 'C9', 'new', -5, '2024-01-03 00:00:00', null], // orphan (no C9), negative amount
	['O3', null, 'shipped', 20, '2024-01-04 00:00:00', null], // no customer: not an orphan; shipped without shipped_at
	['O4', 'C8', 'new', 7, '2024-01-05 00:00:00', '2024-01-04 00:00:00'], // orphan; shipped before ordered
	['O5', 'C2', 'new', 3, '2024-01-06 00:00:00', null],
	['O5', 'C2', 'paid', 3, '2024-01-06 00:00:00', null] // O5 again: status differs, amount the same
];

describe('customers: missing, duplicates, invalid, conflicts', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('customers', CUSTOMER_COLUMNS, CUSTOMERS);
	});

	it('lists whole rows, timestamps as text, source_file included', async () => {
		// name is NULL in both C3 rows only
		expect(await rows('customers', { check: 'missing', column: 'name' })).toEqual([
			{ customer_id: 'C3', name: null, email: '', phone: '  ', created_at: null, updated_at: null, source_file: 'customers.csv' },
			{ customer_id: 'C3', name: null, email: '', phone: '  ', created_at: null, updated_at: null, source_file: 'customers.csv' }
		]);
	});

	it('missing: NULL or blank', async () => {
		// phone: NULL in the second C2 row, '  ' in both C3 rows
		expect(pick(await rows('customers', { check: 'missing', column: 'phone' }), 'customer_id', 'name')).toEqual([
			['C2', 'Bobby'],
			['C3', null],
			['C3', null]
		]);
	});

	it('duplicate rows and duplicate keys list every copy, grouped by key', async () => {
		// identical rows: only the two C3 rows
		expect(pick(await rows('customers', { check: 'duplicate_rows' }), 'customer_id')).toEqual([['C3'], ['C3']]);
		// keys shared: C2 (Bob, Bobby) and C3 (twice); within C2 'Bob' sorts before 'Bobby'
		expect(pick(await rows('customers', { check: 'duplicate_keys' }), 'customer_id', 'name')).toEqual([
			['C2', 'Bob'],
			['C2', 'Bobby'],
			['C3', null],
			['C3', null]
		]);
	});

	it('invalid rows by rule', async () => {
		// 'bob@' has no domain, 'dee@x' no dot after the @; Ann's and Bobby's are fine, C3's is blank
		expect(pick(await rows('customers', { check: 'invalid', rule: 'bad email' }), 'customer_id', 'email')).toEqual([
			['C2', 'bob@'],
			['C4', 'dee@x']
		]);
		// '12' has 2 digits (5–15 needed); '+15551234' and '5551234' pass once spaces and dashes go
		expect(pick(await rows('customers', { check: 'invalid', rule: 'bad phone' }), 'customer_id', 'phone')).toEqual([['C2', '12']]);
		expect(pick(await rows('customers', { check: 'invalid', rule: 'updated_at before created_at' }), 'name')).toEqual([['Bob']]);
	});

	it('conflicts list every row of the keys whose column differs', async () => {
		// C2: Bob / Bobby; C3 has NULL names only, which is no conflict
		expect(pick(await rows('customers', { check: 'conflicts', column: 'name' }), 'customer_id', 'name')).toEqual([
			['C2', 'Bob'],
			['C2', 'Bobby']
		]);
		// phone of C2: '12' and NULL — one non-null value, no conflict; C3: '  ' twice
		expect(await rows('customers', { check: 'conflicts', column: 'phone' })).toEqual([]);
	});

	it('stops at the limit', async () => {
		// ordered by customer_id, then name: the first of the C2 pair is Bob
		expect(pick(await rows('customers', { check: 'duplicate_keys' }, 1), 'name')).toEqual([['Bob']]);
	});
});

describe('orders and feedback: orphans, rules, conflicts', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('customers', CUSTOMER_COLUMNS, CUSTOMERS);
		await f.table('orders', ORDER_COLUMNS, ORDERS);
		await f.table(
			'feedback',
			['feedback_id', 'customer_id', 'order_id', 'score'],
			[
				['F1', 'C1', 'O1', 5],
				['F2', 'C9', 'O1', 4], // unknown customer
				['F3', 'C1', 'O9', 3], // unknown order
				['F4', 'C9', 'O9', 2], // both unknown
				['F5', null, null, 1] // nothing to check
			]
		);
	});

	it('orphans per foreign key', async () => {
		// C9 and C8 are not customers; O3 has no customer at all
		expect(pick(await rows('orders', { check: 'orphans', column: 'customer_id' }), 'order_id', 'customer_id')).toEqual([
			['O2', 'C9'],
			['O4', 'C8']
		]);
		expect(pick(await rows('feedback', { check: 'orphans', column: 'customer_id' }), 'feedback_id')).toEqual([['F2'], ['F4']]);
		expect(pick(await rows('feedback', { check: 'orphans', column: 'order_id' }), 'feedback_id')).toEqual([['F3'], ['F4']]);
	});

	it('order rules', async () => {
		expect(pick(await rows('orders', { check: 'invalid', rule: 'negative amount' }), 'order_id')).toEqual([['O2']]);
		// O4 shipped on the 4th, ordered on the 5th
		expect(pick(await rows('orders', { check: 'invalid', rule: 'shipped_at before ordered_at' }), 'order_id')).toEqual([['O4']]);
		// status shipped and no shipped_at: O3 only (O1's rows have one)
		expect(pick(await rows('orders', { check: 'invalid', rule: 'shipped without shipped_at' }), 'order_id')).toEqual([['O3']]);
	});

	it('conflicts by column and duplicate keys', async () => {
		// O1: amounts 10 and 12; O5: 3 twice
		expect(pick(await rows('orders', { check: 'conflicts', column: 'amount' }), 'order_id', 'amount')).toEqual([
			['O1', 10],
			['O1', 12]
		]);
		// O5: new / paid; O1: shipped twice
		expect(pick(await rows('orders', { check: 'conflicts', column: 'status' }), 'order_id', 'status')).toEqual([
			['O5', 'new'],
			['O5', 'paid']
		]);
		expect(pick(await rows('orders', { check: 'duplicate_keys' }), 'order_id')).toEqual([['O1'], ['O1'], ['O5'], ['O5']]);
	});

	it('lists as many rows as the breakdowns count', async () => {
		for (const r of await f.breakdown('quality.invalid.orders', 'quality.invalid.orders.by_rule'))
			expect((await rows('orders', { check: 'invalid', rule: String(r.rule) }, 1000)).length).toBe(r.rows);
		for (const r of await f.breakdown('quality.orphans.feedback', 'quality.orphans.feedback.by_key'))
			expect((await rows('feedback', { check: 'orphans', column: String(r.column) }, 1000)).length).toBe(r.orphans);
	});
});

describe('raw tables and bad requests', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ['order_id', 'ordered_at'], [['O1', '2024-01-01 00:00:00']]);
		await f.raw(
			'my "export"',
			[
				['id', 'VARCHAR'],
				["Full 'Name'", 'VARCHAR'],
				['d', 'DATE']
			],
			[
				['2', 'b', '2024-02-03'],
				['1', 'a', '2024-02-01'],
				['1', 'a', '2024-02-01'],
				['1', ' ', '2024-02-02'],
				['3', null, '2024-02-10']
			],
			{ kind: 'customers', key: ['id'] }
		);
	});

	it('quotes the names of a raw table and its columns', async () => {
		// id 1 three times, sorted by name: ' ' before 'a'
		expect(pick(await rows('my "export"', { check: 'duplicate_keys' }), 'id', "Full 'Name'", 'd')).toEqual([
			['1', ' ', '2024-02-02'],
			['1', 'a', '2024-02-01'],
			['1', 'a', '2024-02-01']
		]);
		expect(pick(await rows('my "export"', { check: 'duplicate_rows' }), 'id')).toEqual([['1'], ['1']]);
		// blank ' ' (id 1) and NULL (id 3)
		expect(pick(await rows('my "export"', { check: 'missing', column: "Full 'Name'" }), 'id')).toEqual([['1'], ['3']]);
	});

	it('names what it cannot drill into', () => {
		const c = () => f.catalog;
		expect(() => drillSql(c(), 'nope', { check: 'duplicate_rows' })).toThrow('no quality table named nope');
		expect(() => drillSql(c(), 'orders', { check: 'missing', column: 'amount' })).toThrow('no column amount in orders');
		expect(() => drillSql(c(), 'orders', { check: 'invalid', rule: 'bad email' })).toThrow('no rule "bad email" applies to orders');
		expect(() => drillSql(c(), 'orders', { check: 'orphans', column: 'customer_id' })).toThrow(
			'no checkable foreign key customer_id in orders'
		);
		expect(() => drillSql(c(), 'orders', { check: 'conflicts', column: 'order_id' })).toThrow('order_id is a key column of orders');
		expect(() => drillSql(c(), 'my "export"', { check: 'invalid', rule: 'bad email' })).toThrow('my "export" is not a canonical table');
		expect(() => drillSql(c(), 'orders', { check: 'duplicate_rows' }, 0)).toThrow('invalid drill limit: 0');
		expect(() => drillSql(c(), 'orders', { check: 'duplicate_rows' }, 2.5)).toThrow('invalid drill limit: 2.5');
	});
});
