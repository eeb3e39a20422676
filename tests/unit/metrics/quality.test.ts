import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../src/lib/metrics/availability';
import { qualityMetrics } from '../../../src/lib/metrics/quality';
import { Fixture, round } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
});
afterAll(() => f.close());

const CUSTOMERS = [
	['C1', 'Ann', 'ann@x.com', '+1 555-1234', 'vip', '2024-01-01 00:00:00', '2024-01-02 00:00:00'],
	['C2', 'Bob', 'bob@', '12', 'std', '2024-01-01 00:00:00', '2023-12-31 00:00:00'], // bad email, bad phone, updated before created
	['C2', 'Bobby', 'bob@x.com', null, 'std', '2024-01-01 00:00:00', '2024-01-02 00:00:00'], // same key, other name/email/updated_at
	['C3', null, '', '  ', 'vip', null, null], // blanks are missing, not invalid
	['C3', null, '', '  ', 'vip', null, null] // exact duplicate
];
const CUSTOMER_COLUMNS = ['customer_id', 'name', 'email', 'phone', 'segment', 'created_at', 'updated_at'];

describe('per-table quality of a canonical table', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('customers', CUSTOMER_COLUMNS, CUSTOMERS);
	});

	it('rows, missing_pct per column, duplicate rows and keys', async () => {
		expect(await f.value('quality.rows.customers')).toBe(5);
		// name 2/5, email '' ×2, phone NULL + blank ×2 = 3/5, timestamps 2/5
		expect(await f.headline('quality.missing_pct.customers')).toEqual({
			customer_id: 0,
			name: 40,
			email: 40,
			phone: 60,
			segment: 0,
			created_at: 40,
			updated_at: 40
		});
		expect(await f.value('quality.duplicate_rows.customers')).toBe(1); // the second C3 row
		expect(await f.value('quality.duplicate_keys.customers')).toBe(2); // second C2, second C3
		expect(await f.value('quality.duplicate_keys_pct.customers')).toBe(40); // 2 / 5
	});

	it('invalid rows and the rule each breaks', async () => {
		expect(await f.value('quality.invalid.customers')).toBe(1); // the first C2 row, three times wrong
		expect(await f.breakdown('quality.invalid.customers', 'quality.invalid.customers.by_rule')).toEqual([
			{ rule: 'bad email', rows: 1 },
			{ rule: 'bad phone', rows: 1 }, // '+1 555-1234' is fine once spaces and dashes go
			{ rule: 'updated_at before created_at', rows: 1 }
		]);
	});

	it('conflicts: one key, different non-null values', async () => {
		// C2: name Bob/Bobby, email bob@/bob@x.com, updated_at differ; phone 12/NULL is not a conflict
		expect(await f.value('quality.conflicts.customers')).toBe(1);
		expect(await f.breakdown('quality.conflicts.customers', 'quality.conflicts.customers.by_column')).toEqual([
			{ column: 'name', keys: 1 },
			{ column: 'email', keys: 1 },
			{ column: 'phone', keys: 0 },
			{ column: 'segment', keys: 0 },
			{ column: 'created_at', keys: 0 },
			{ column: 'updated_at', keys: 1 }
		]);
	});

	it('freshness_days = now − newest timestamp', async () => {
		// 2024-01-02 → 2024-03-01: 31 days of January from the 2nd to Feb 2, then 28 to Mar 1 = 59
		expect(await f.value('quality.freshness_days.customers')).toBe(59);
		expect(await f.value('quality.freshness_days.customers', {}, { now: '2024-01-02 12:00:00' })).toBe(0.5);
	});

	it('score: documented weights over the components', async () => {
		// completeness 100 − (0 + 40 + 40 + 60 + 0 + 40 + 40) / 7 = 68.571429 (× 0.30)
		// uniqueness 100 − 40 = 60 (× 0.25); validity 100 − 100 × 1/5 = 80 (× 0.20)
		// consistency (no foreign keys; 1 conflict) 100 − 20 = 80 (× 0.15); timeliness 59 days → 0 (× 0.10)
		// 20.571429 + 15 + 16 + 12 + 0 = 63.571429
		expect(round(await f.value('quality.score.customers'))).toBe(63.571429);
		// a day old: timeliness 100 → + 10
		expect(round(await f.value('quality.score.customers', {}, { now: '2024-01-03 00:00:00' }))).toBe(73.571429);
	});

	it('ignores the common filters', async () => {
		expect(await f.value('quality.rows.customers', { segment: 'vip', from: '2030-01-01' })).toBe(5);
	});
});

describe('orphans and order rules', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('customers', CUSTOMER_COLUMNS, CUSTOMERS);
		await f.table(
			'orders',
			['order_id', 'customer_id', 'status', 'amount', 'ordered_at', 'shipped_at', 'delivered_at'],
			[
				['O1', 'C1', 'delivered', 10, '2024-01-01 00:00:00', '2024-01-02 00:00:00', '2024-01-03 00:00:00'],
				['O2', 'C9', 'Delivered', -5, '2024-01-01 00:00:00', '2023-12-31 00:00:00', null], // orphan; negative, shipped early, no delivered_at
				['O3', null, 'shipped', 20, '2024-01-02 00:00:00', null, null], // no customer: not an orphan; shipped without shipped_at
				['O4', 'C2', 'cancelled', 5, '2024-01-02 00:00:00', '2024-01-03 00:00:00', '2024-01-04 00:00:00'] // cancelled but delivered
			]
		);
		await f.table(
			'feedback',
			['feedback_id', 'customer_id', 'order_id', 'score'],
			[
				['F1', 'C1', 'O1', 5],
				['F2', 'C9', 'O1', 4], // unknown customer
				['F3', 'C1', 'O9', 3], // unknown order
				['F4', 'C9', 'O9', 2], // both: one row
				['F5', null, null, 1]
			]
		);
	});

	it('orphans count rows once', async () => {
		expect(await f.value('quality.orphans.orders')).toBe(1);
		expect(await f.value('quality.orphans.feedback')).toBe(3);
		expect(await f.breakdown('quality.orphans.feedback', 'quality.orphans.feedback.by_key')).toEqual([
			{ column: 'customer_id', parent: 'customers.customer_id', orphans: 2 },
			{ column: 'order_id', parent: 'orders.order_id', orphans: 2 }
		]);
	});

	it('invalid orders: negative amounts, end before start, status against timestamps', async () => {
		expect(await f.value('quality.invalid.orders')).toBe(3); // O2, O3, O4
		expect(await f.breakdown('quality.invalid.orders', 'quality.invalid.orders.by_rule')).toEqual([
			{ rule: 'negative amount', rows: 1 },
			{ rule: 'shipped_at before ordered_at', rows: 1 },
			{ rule: 'delivered_at before ordered_at', rows: 0 },
			{ rule: 'delivered_at before shipped_at', rows: 0 },
			{ rule: 'delivered without delivered_at', rows: 1 },
			{ rule: 'shipped without shipped_at', rows: 1 },
			{ rule: 'cancelled but delivered', rows: 1 }
		]);
	});

	it('orphans are unavailable without the parent table; keys without their columns', () => {
		const noCustomers = { tables: { orders: ['order_id', 'customer_id', 'ordered_at'] } };
		const orphans = qualityMetrics(noCustomers).find((d) => d.id === 'quality.orphans.orders');
		expect(orphans && unavailableReason(orphans, noCustomers, {})).toBe('needs customers.customer_id');
		const lines = { tables: { order_lines: ['order_id', 'amount'] } };
		const dup = qualityMetrics(lines).find((d) => d.id === 'quality.duplicate_keys.order_lines');
		expect(dup && unavailableReason(dup, lines, {})).toBe('needs order_lines.line');
		const noTs = { tables: { payments: ['order_id', 'amount'] } };
		expect(qualityMetrics(noTs).some((d) => d.id === 'quality.freshness_days.payments')).toBe(false);
	});
});

describe('raw tables and empty tables', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ['order_id', 'customer_id', 'ordered_at'], [['O1', 'C1', '2024-01-01 00:00:00']]);
		await f.table('tickets', ['ticket_id', 'created_at'], []);
		await f.raw(
			'my "export"',
			[
				['id', 'VARCHAR'],
				['Full Name', 'VARCHAR'],
				['d', 'DATE']
			],
			[
				['1', 'a', '2024-02-01'],
				['1', 'a', '2024-02-01'],
				['2', null, '2024-02-10']
			],
			{ kind: 'customers', key: ['id'] }
		);
		await f.raw('orders', [['x', 'VARCHAR']], [['1']]);
	});

	it('measures a raw table under its own name, quoting its names', async () => {
		expect(await f.value('quality.rows.my "export"')).toBe(3);
		expect(await f.headline('quality.missing_pct.my "export"')).toEqual({ id: 0, 'Full Name': 100 / 3, d: 0 });
		expect(await f.value('quality.duplicate_rows.my "export"')).toBe(1);
		expect(await f.value('quality.duplicate_keys.my "export"')).toBe(1);
		expect(await f.value('quality.duplicate_keys_pct.my "export"')).toBe(100 / 3);
		// 2024-02-10 → 2024-03-01 = 20 days
		expect(await f.value('quality.freshness_days.my "export"')).toBe(20);
		// completeness 100 − 33.333333 / 3 = 88.888889 (× 0.3); uniqueness 66.666667 (× 0.25);
		// timeliness 100 × (1 − 19 / 30) = 36.666667 (× 0.1) → 47 / 0.65
		expect(round(await f.value('quality.score.my "export"'))).toBe(round(47 / 0.65));
	});

	it('a raw table named like a canonical one is measured once, as the canonical table', () => {
		expect(qualityMetrics(f.catalog).filter((d) => d.id === 'quality.rows.orders')).toHaveLength(1);
	});

	it('an empty table: zero counts, NULL percentages and score', async () => {
		expect(await f.value('quality.rows.tickets')).toBe(0);
		expect(await f.headline('quality.missing_pct.tickets')).toEqual({ ticket_id: null, created_at: null });
		expect(await f.value('quality.duplicate_keys.tickets')).toBe(0);
		expect(await f.value('quality.duplicate_keys_pct.tickets')).toBeNull();
		expect(await f.value('quality.freshness_days.tickets')).toBeNull();
		expect(await f.value('quality.score.tickets')).toBeNull();
	});
});
