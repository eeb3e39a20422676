import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../src/lib/metrics/availability';
import { Fixture, round } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
});
afterAll(() => f.close());

const ORDERS: (string | number | null)[][] = [
	['O1', 'C1', 'web', 'delivered', 100, '2024-01-01 10:00:00'],
	['O2', 'C1', 'web', 'delivered', 50, '2024-01-05 10:00:00'],
	['O3', 'C2', 'app', ' Cancelled ', 999, '2024-01-06 10:00:00'], // excluded (trimmed, any case)
	['O4', 'C2', 'app', 'delivered', 30, '2024-01-10 10:00:00'],
	['O5', 'C3', 'web', null, null, '2024-01-12 10:00:00'], // no status: kept; no amount
	['O6', 'C4', 'app', 'unavailable', 20, '2024-01-15 10:00:00'], // excluded
	['O7', 'C1', 'app', 'delivered', 70, '2024-01-20 10:00:00']
];
const ORDER_COLUMNS = ['order_id', 'customer_id', 'channel', 'status', 'amount', 'ordered_at'];

describe('behaviour headline and per-customer metrics', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ORDER_COLUMNS, ORDERS);
		await f.table(
			'customers',
			['customer_id', 'segment'],
			[
				['C1', 'vip'],
				['C2', 'std'],
				['C3', 'vip'],
				['C4', 'std']
			]
		);
	});

	it('revenue, orders, customers and AOV leave the excluded statuses out', async () => {
		// sales = O1, O2, O4, O5, O7: revenue 100 + 50 + 30 + 70 = 250
		expect(await f.value('behaviour.revenue')).toBe(250);
		expect(await f.value('behaviour.orders')).toBe(5);
		// C1, C2 (O4), C3
		expect(await f.value('behaviour.customers')).toBe(3);
		// 250 / 4 orders that have an amount
		expect(await f.value('behaviour.aov')).toBe(62.5);
	});

	it('the excluded statuses are a setting', async () => {
		// nothing excluded: 250 + 999 + 20 = 1269 over 7 orders
		expect(await f.value('behaviour.revenue', {}, { excludedStatuses: [] })).toBe(1269);
		expect(await f.value('behaviour.orders', {}, { excludedStatuses: ['DELIVERED'] })).toBe(3); // O3, O5, O6
	});

	it('purchase_count, purchase_amount and repeat_rate per customer', async () => {
		// orders per customer: C1 3, C2 1, C3 1 → mean 5 / 3, median 1
		const count = await f.headline('behaviour.purchase_count');
		expect(round(count.mean)).toBe(1.666667);
		expect(count.median).toBe(1);
		// spend: C1 220, C2 30, C3 none → mean (220 + 30) / 2 = 125
		expect(await f.headline('behaviour.purchase_amount')).toEqual({ mean: 125, median: 125 });
		// C1 only of 3
		expect(round(await f.value('behaviour.repeat_rate'))).toBe(0.333333);
		expect(await f.breakdown('behaviour.purchase_count', 'behaviour.purchase_count.by_customer')).toEqual([
			{ customer: 'C1', orders: 3, amount: 220 },
			{ customer: 'C2', orders: 1, amount: 30 },
			{ customer: 'C3', orders: 1, amount: null }
		]);
	});

	it('filters by channel, dates and segment', async () => {
		// web: O1, O2, O5 → 150, 3 orders, C1 + C3, AOV 150 / 2
		expect(await f.value('behaviour.revenue', { channel: 'web' })).toBe(150);
		expect(await f.value('behaviour.customers', { channel: 'web' })).toBe(2);
		expect(await f.value('behaviour.aov', { channel: 'web' })).toBe(75);
		// 2024-01-05..2024-01-10: O2 50 + O4 30 (O3 excluded)
		expect(await f.value('behaviour.revenue', { from: '2024-01-05', to: '2024-01-10' })).toBe(80);
		// vip = C1, C3: O1, O2, O5, O7 → 220
		expect(await f.value('behaviour.revenue', { segment: 'vip' })).toBe(220);
		expect(await f.value('behaviour.orders', { segment: 'vip' })).toBe(4);
		// a value with a quote reaches SQL as a literal, not as code
		expect(await f.value('behaviour.orders', { channel: "web' OR '1'='1" })).toBe(0);
	});

	it('an empty selection: sums and ratios NULL, counts 0', async () => {
		const none = { channel: 'fax' };
		expect(await f.value('behaviour.revenue', none)).toBeNull();
		expect(await f.value('behaviour.orders', none)).toBe(0);
		expect(await f.value('behaviour.customers', none)).toBe(0);
		expect(await f.value('behaviour.aov', none)).toBeNull();
		expect(await f.value('behaviour.repeat_rate', none)).toBeNull();
		expect(await f.headline('behaviour.purchase_count', none)).toEqual({ mean: null, median: null });
	});

	it('breaks sales down by ISO week and channel', async () => {
		expect(await f.breakdown('behaviour.revenue', 'behaviour.revenue.by_week')).toEqual([
			{ week: '2024-01-01', orders: 2, revenue: 150 }, // O1, O2
			{ week: '2024-01-08', orders: 2, revenue: 30 }, // O4, O5 (no amount)
			{ week: '2024-01-15', orders: 1, revenue: 70 } // O7 (O6 excluded)
		]);
		expect(await f.breakdown('behaviour.revenue', 'behaviour.revenue.by_channel')).toEqual([
			{ channel: 'app', orders: 2, revenue: 100 },
			{ channel: 'web', orders: 3, revenue: 150 }
		]);
	});

	it('groups by person_id when customers carry one', async () => {
		await f.table(
			'customers',
			['customer_id', 'person_id', 'segment'],
			[
				['C1', 'P1', 'vip'],
				['C2', 'P1', 'std'],
				['C3', 'P3', 'vip'],
				['C4', 'P4', 'std']
			]
		);
		// P1 = C1 + C2: O1, O2, O4, O7 → 4 orders, 250; P3: O5
		expect(await f.value('behaviour.customers')).toBe(2);
		expect(await f.headline('behaviour.purchase_count')).toEqual({ mean: 2.5, median: 2.5 });
		expect(await f.headline('behaviour.purchase_amount')).toEqual({ mean: 250, median: 250 });
		expect(await f.value('behaviour.repeat_rate')).toBe(0.5);
	});
});

describe('feedback count and active customers', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ORDER_COLUMNS, ORDERS);
		await f.table('tickets', ['ticket_id', 'customer_id', 'created_at'], [['T1', 'C5', '2024-01-03 00:00:00']]);
		await f.table(
			'visits',
			['customer_id', 'started_at'],
			[
				['C6', '2024-01-04 00:00:00'],
				[null, '2024-01-04 00:00:00'],
				['C1', '2024-02-01 00:00:00']
			]
		);
		await f.table(
			'feedback',
			['feedback_id', 'customer_id', 'score', 'created_at'],
			[
				['F1', 'C1', 5, '2024-01-02 00:00:00'],
				['F2', 'C2', 3, '2024-01-09 00:00:00'],
				['F3', null, 4, '2024-02-01 00:00:00']
			]
		);
	});

	it('feedback_count', async () => {
		expect(await f.value('behaviour.feedback_count')).toBe(3);
		expect(await f.value('behaviour.feedback_count', { to: '2024-01-31' })).toBe(2);
	});

	it('active_customers: anyone with an order (any status), ticket, feedback or visit', async () => {
		// orders C1–C4, ticket C5, visit C6 (the anonymous visit does not count) → 6
		expect(await f.value('behaviour.active_customers')).toBe(6);
		// January 10 onwards: orders C1 (O7), C3, C4; F2 by C2; visit C1 in February → C1, C2, C3, C4
		expect(await f.value('behaviour.active_customers', { from: '2024-01-10' })).toBe(4);
	});

	it('active_customers is unavailable when a filter cannot apply to one of its tables', () => {
		expect(unavailableReason(f.def('behaviour.active_customers'), f.catalog, { channel: 'web' })).toBe(
			'channel filter needs tickets.channel; channel filter needs feedback.channel; channel filter needs visits.channel'
		);
	});
});

describe('daily anomalies (robust z over the trailing 28 days)', () => {
	beforeAll(async () => {
		await f.reset();
		// 40 days from 2024-01-01. Even days: one order of 10; odd days: two orders of 6 (revenue 12).
		// Day 35 (2024-02-05): two orders of 50 (revenue 100). Day 37 (2024-02-07): ten orders, 9 × 1 + 3 = 12.
		const rows: (string | number)[][] = [];
		let n = 0;
		const add = (day: number, amount: number) => {
			const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
			rows.push([`O${++n}`, 'C1', amount, `${date} 12:00:00`]);
		};
		for (let day = 0; day < 40; day++) {
			if (day === 35) [50, 50].forEach((a) => add(day, a));
			else if (day === 37) [1, 1, 1, 1, 1, 1, 1, 1, 1, 3].forEach((a) => add(day, a));
			else if (day % 2 === 0) add(day, 10);
			else [6, 6].forEach((a) => add(day, a));
		}
		await f.table('orders', ['order_id', 'customer_id', 'amount', 'ordered_at'], rows);
	});

	it('finds the revenue spike and the order-count spike', async () => {
		// day 35: window = days 7..34 → 14 × 10 and 14 × 12: median 11, MAD 1 → z = (100 − 11) / 1.4826 ≈ 60 > 3.5
		expect(await f.value('behaviour.anomalies.revenue')).toBe(1);
		// day 37: orders window days 9..36 → 14 × 2 and 14 × 1: median 1.5, MAD 0.5 → z = 8.5 / 0.7413 ≈ 11.5
		expect(await f.value('behaviour.anomalies.orders')).toBe(1);
		const days = await f.breakdown('behaviour.anomalies.revenue', 'behaviour.anomalies.revenue.by_day');
		expect(days).toHaveLength(40);
		// the first 28 days have no full window
		expect(days[27]).toMatchObject({ day: '2024-01-28', z: null, anomaly: null });
		const spike = days.find((d) => d.day === '2024-02-05');
		expect(spike).toMatchObject({ value: 100, median: 11, mad: 1, anomaly: true });
		expect(round(spike?.z, 4)).toBe(round(89 / 1.4826, 4));
		// day 36 (even, 10): window 8..35 = 14 × 10, 13 × 12, 100 → median 11, MAD 1 → z = −1 / 1.4826
		expect(round(days[36].z, 4)).toBe(round(-1 / 1.4826, 4));
	});

	it('scores the days of a date range against the days before it', async () => {
		// from 2024-02-06: only the order spike on 2024-02-07 is in range
		expect(await f.value('behaviour.anomalies.revenue', { from: '2024-02-06' })).toBe(0);
		expect(await f.value('behaviour.anomalies.orders', { from: '2024-02-06' })).toBe(1);
		// no day of January 1–20 has a full window: NULL, not 0
		expect(await f.value('behaviour.anomalies.revenue', { to: '2024-01-20' })).toBeNull();
		expect(await f.value('behaviour.anomalies.revenue', { to: '2023-12-31' })).toBeNull();
	});
});
