import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../src/lib/metrics/availability';
import { Fixture, round } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
});
afterAll(() => f.close());

const ORDERS = [
	['O1', 'C1', 'delivered', 100, '2024-01-01 00:00:00'],
	['O2', 'C1', 'delivered', 200, '2024-01-11 00:00:00'],
	['O3', 'C1', 'delivered', 300, '2024-01-31 00:00:00'], // C1: F 3, cycle 30 / 2 = 15 d, AOV 200
	['O4', 'C2', 'delivered', 50, '2024-01-10 00:00:00'],
	['O5', 'C2', 'delivered', 150, '2024-01-20 00:00:00'], // C2: F 2, cycle 10 d, AOV 100
	['O6', 'C3', 'delivered', 80, '2024-02-01 00:00:00'], // C3: single order
	['O7', 'C4', 'delivered', 40, '2024-02-05 00:00:00'], // C4: single order
	['O8', 'C5', 'delivered', 10, '2024-02-10 00:00:00'],
	['O9', 'C5', 'delivered', 30, '2024-02-10 00:00:00'], // C5: F 2 at one instant: cycle 0
	['O10', 'C3', 'cancelled', 1000, '2024-02-12 00:00:00'] // excluded, but the newest timestamp: reference date
];

describe('purchase cycle, cv30 and clv', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ['order_id', 'customer_id', 'status', 'amount', 'ordered_at'], ORDERS);
	});

	it('cycle_days over repeat buyers', async () => {
		// [15, 10, 0] → median 10, mean 25 / 3
		const cycle = await f.headline('value.cycle_days');
		expect(cycle.median).toBe(10);
		expect(round(cycle.mean)).toBe(8.333333);
	});

	it('cv30: single-order customers use the median cycle, a zero cycle gives NULL', async () => {
		// C1 200 × 30 / 15 = 400; C2 100 × 30 / 10 = 300; C3 80 × 30 / 10 = 240; C4 40 × 30 / 10 = 120; C5 / 0 → NULL
		// median of [120, 240, 300, 400] = (240 + 300) / 2 = 270; mean 1060 / 4 = 265
		expect(await f.headline('value.cv30')).toEqual({ median: 270, mean: 265, sum: 1060 });
		const rows = await f.breakdown('value.cv30', 'value.cv30.by_customer');
		expect(rows.map((r) => [r.customer, r.cycle_days, r.cv30])).toEqual([
			['C1', 15, 400],
			['C2', 10, 300],
			['C3', null, 240],
			['C4', null, 120],
			['C5', 0, null]
		]);
	});

	it('clv = cv30 × the horizon in months', async () => {
		// 12 months: 270 × 12 = 3240, 265 × 12 = 3180, 1060 × 12 = 12720
		expect(await f.headline('value.clv')).toEqual({ median: 3240, mean: 3180, sum: 12720 });
		expect((await f.headline('value.clv', {}, { clvHorizonMonths: 6 })).sum).toBe(6360);
	});

	it('groups by person: C4 and C5 as one person', async () => {
		await f.table(
			'customers',
			['customer_id', 'person_id'],
			[
				['C4', 'P'],
				['C5', 'P']
			]
		);
		// P: O7 (02-05), O8, O9 (02-10) → F 3, cycle 5 / 2 = 2.5; cycles [15, 10, 2.5] → median 10, mean 27.5 / 3
		const cycle = await f.headline('value.cycle_days');
		expect(cycle.median).toBe(10);
		expect(round(cycle.mean)).toBe(9.166667);
		await f.reset();
		await f.table('orders', ['order_id', 'customer_id', 'status', 'amount', 'ordered_at'], ORDERS);
	});

	it('with only single-order customers there is no cycle: NULL', async () => {
		// C3 and C4 only (2024-02-01..2024-02-05): no repeat buyer, so no median cycle either
		expect(await f.headline('value.cycle_days', { from: '2024-02-01', to: '2024-02-05' })).toEqual({ median: null, mean: null });
		expect(await f.headline('value.cv30', { from: '2024-02-01', to: '2024-02-05' })).toEqual({ median: null, mean: null, sum: null });
	});
});

describe('RFM', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ['order_id', 'customer_id', 'status', 'amount', 'ordered_at'], ORDERS);
	});

	it('scores by ntile(5) with ties broken by customer id, and names segments', async () => {
		// reference 2024-02-12 (O10). recency: C1 12, C2 23, C3 11, C4 7, C5 2
		// r (recency desc): C2 1, C1 2, C3 3, C4 4, C5 5
		// f (frequency, id): C3 1 (1), C4 2 (1), C2 3 (2), C5 4 (2), C1 5 (3)
		// m (monetary, id): C4 1 (40), C5 2 (40), C3 3 (80), C2 4 (200), C1 5 (600)
		// fm: C1 5, C2 3.5, C3 2, C4 1.5, C5 3
		expect(await f.breakdown('value.rfm', 'value.rfm.by_customer')).toEqual([
			{ customer: 'C1', recency_days: 12, frequency: 3, monetary: 600, r: 2, f: 5, m: 5, segment: 'Cannot lose' },
			{ customer: 'C2', recency_days: 23, frequency: 2, monetary: 200, r: 1, f: 3, m: 4, segment: 'At risk' },
			{ customer: 'C3', recency_days: 11, frequency: 1, monetary: 80, r: 3, f: 1, m: 3, segment: 'Need attention' },
			{ customer: 'C4', recency_days: 7, frequency: 1, monetary: 40, r: 4, f: 2, m: 1, segment: 'Promising' },
			{ customer: 'C5', recency_days: 2, frequency: 2, monetary: 40, r: 5, f: 4, m: 2, segment: 'Loyal' }
		]);
		// recency median of [2, 7, 11, 12, 23] = 11; frequency 9 / 5; monetary 960 / 5; At risk 1 of 5
		expect(await f.headline('value.rfm')).toEqual({
			recency_median: 11,
			frequency_mean: 1.8,
			monetary_mean: 192,
			champions_pct: 0,
			at_risk_pct: 20
		});
	});

	it('lists every segment in table order', async () => {
		const rows = await f.breakdown('value.rfm', 'value.rfm.by_segment');
		expect(rows.map((r) => [r.segment, r.customers, r.customers_pct, r.monetary])).toEqual([
			['Champions', 0, 0, null],
			['Loyal', 1, 20, 40],
			['Cannot lose', 1, 20, 600],
			['At risk', 1, 20, 200],
			['New', 0, 0, null],
			['Promising', 1, 20, 40],
			['Need attention', 1, 20, 80],
			['About to sleep', 0, 0, null],
			['Lost', 0, 0, null],
			['Hibernating', 0, 0, null]
		]);
	});

	it('measures recency from a reference date set by the user', async () => {
		// 2024-03-01 is 18 days after 2024-02-12: [20, 25, 29, 30, 41] → median 29
		expect((await f.headline('value.rfm', {}, { referenceDate: '2024-03-01' })).recency_median).toBe(29);
	});

	it('an empty selection gives NULLs', async () => {
		expect(await f.headline('value.rfm', { to: '2023-12-31' })).toEqual({
			recency_median: null,
			frequency_mean: null,
			monetary_mean: null,
			champions_pct: null,
			at_risk_pct: null
		});
	});

	it('needs amounts', () => {
		expect(unavailableReason(f.def('value.rfm'), { tables: { orders: ['order_id', 'customer_id', 'ordered_at'] } }, {})).toBe(
			'needs orders.amount'
		);
	});
});

describe('satisfaction', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table(
			'feedback',
			['feedback_id', 'channel', 'score', 'expected_score', 'created_at'],
			[
				['F1', 'web', 5, 4, '2024-01-01 00:00:00'],
				['F2', 'web', 4, 5, '2024-01-02 00:00:00'],
				['F3', 'app', 3, null, '2024-01-03 00:00:00'],
				['F4', 'app', 1, 3, '2024-01-04 00:00:00'],
				['F5', 'app', null, 2, '2024-01-05 00:00:00'],
				['F6', 'web', 7, null, '2024-01-06 00:00:00'], // not on the 1–5 scale
				['F7', 'app', 4, 4, '2024-01-07 00:00:00']
			]
		);
	});

	it('csat_pct = scores 4–5 / scores 1–5', async () => {
		// on the scale: 5, 4, 3, 1, 4 → 3 of 5
		expect(await f.value('value.csat_pct')).toBe(60);
		expect(await f.breakdown('value.csat_pct', 'value.csat_pct.by_channel')).toEqual([
			{ channel: 'app', n: 4, csat_pct: 100 / 3 }, // on the scale: 3, 1, 4 → 1 of 3
			{ channel: 'web', n: 3, csat_pct: 100 } // 5, 4 (7 is off the scale)
		]);
		// only the off-scale score: zero denominator → NULL
		expect(await f.value('value.csat_pct', { from: '2024-01-06', to: '2024-01-06' })).toBeNull();
	});

	it('expectation_gap = mean(score − expected) where both exist', async () => {
		// (5 − 4) + (4 − 5) + (1 − 3) + (4 − 4) = −2 over 4
		expect(await f.value('value.expectation_gap')).toBe(-0.5);
		expect(await f.value('value.expectation_gap', { from: '2024-01-06' })).toBe(0); // F7 only
		expect(unavailableReason(f.def('value.expectation_gap'), { tables: { feedback: ['score'] } }, {})).toBe(
			'needs feedback.expected_score'
		);
	});
});

describe('value.cycle_days without an amount column', () => {
	it('is computed from order dates alone', async () => {
		const { NodeEngine } = await import('../../../src/lib/engine/node-engine');
		const { runMetrics } = await import('../../../src/lib/metrics');
		const engine = new NodeEngine();
		await engine.ready();
		await engine.query('CREATE SCHEMA clean');
		await engine.query(
			`CREATE TABLE clean.orders AS SELECT * FROM (VALUES ('o1', 'c1', TIMESTAMP '2025-01-01 00:00:00'), ('o2', 'c1', TIMESTAMP '2025-01-11 00:00:00'), ('o3', 'c2', TIMESTAMP '2025-01-05 00:00:00')) t(order_id, customer_id, ordered_at)`
		);
		const report = await runMetrics(
			engine,
			{ tables: { orders: ['order_id', 'customer_id', 'ordered_at'] } },
			{},
			{},
			{ only: ['value.cycle_days'] }
		);
		// c1: (Jan 11 − Jan 1) / (2 − 1) = 10 days; c2 has one order and no cycle: median = mean = 10.
		expect(report.unavailable['value.cycle_days']).toBeUndefined();
		expect(report.metrics['value.cycle_days.median']).toBe(10);
		await engine.close();
	});
});
