import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../src/lib/metrics/availability';
import { Fixture } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
});
afterAll(() => f.close());

// February 2024 has 29 days, so with the range 2024-02-01..2024-02-29 the previous period is
// the 29 days 2024-01-03..2024-01-31.
const ORDERS = [
	['A1', 'A', 'web', 'delivered', 10, '2024-01-05 10:00:00'], // prev
	['A2', 'A', 'web', 'delivered', 20, '2024-02-03 10:00:00'], // cur
	['B1', 'B', 'web', 'delivered', 30, '2024-01-10 10:00:00'], // prev
	['C1', 'C', 'app', 'delivered', 40, '2024-01-20 10:00:00'], // prev
	['C2', 'C', 'web', 'delivered', 50, '2024-02-10 10:00:00'], // cur
	['D1', 'D', 'app', 'delivered', 60, '2024-02-15 10:00:00'], // cur
	['E1', 'E', 'web', 'delivered', 70, '2024-01-02 10:00:00'], // before the previous period
	['F1', 'F', 'app', 'delivered', 80, '2024-01-03 00:00:00'], // first instant of the previous period
	['G1', 'G', 'web', 'delivered', 90, '2024-02-29 23:00:00'], // last day of the range
	['H1', 'H', 'web', 'cancelled', 100, '2024-01-15 10:00:00'] // excluded status: never active
];
const FEB = { from: '2024-02-01', to: '2024-02-29' };

describe('churn and net growth', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ['order_id', 'customer_id', 'channel', 'status', 'amount', 'ordered_at'], ORDERS);
	});

	it('compares the range with the period of equal length before it', async () => {
		// prev {A, B, C, F}, cur {A, C, D, G}: lost B, F → 2 / 4; new D, G → (2 − 2) / 2
		expect(await f.value('channel.churn_pct', FEB)).toBe(50);
		expect(await f.value('channel.net_growth_pct', FEB)).toBe(0);
		expect(await f.breakdown('channel.churn_pct', 'channel.churn_pct.periods', FEB)).toEqual([
			{ previous_from: '2024-01-03', previous_to: '2024-01-31', from: '2024-02-01', to: '2024-02-29' }
		]);
	});

	it('per channel', async () => {
		expect(await f.breakdown('channel.churn_pct', 'channel.churn_pct.by_channel', FEB)).toEqual([
			// app: prev {C, F}, cur {D}: lost 2 → 100 %; new 1 → (1 − 2) / 1
			{ channel: 'app', previous: 2, current: 1, lost: 2, new: 1, churn_pct: 100, net_growth_pct: -100 },
			// web: prev {A, B}, cur {A, C, G}: lost B → 50 %; new C, G → (2 − 1) / 2
			{ channel: 'web', previous: 2, current: 3, lost: 1, new: 2, churn_pct: 50, net_growth_pct: 50 }
		]);
	});

	it('without a range: the reference date’s month against the month before', async () => {
		// reference 2024-02-29 23:00 → February 1–29 against January: prev {A, B, C, E, F}, cur {A, C, D, G}
		// lost B, E, F → 3 / 5; new D, G → (2 − 3) / 2
		expect(await f.value('channel.churn_pct')).toBe(60);
		expect(await f.value('channel.net_growth_pct')).toBe(-50);
	});

	it('with only `to`: the month of `to`; with only `from`: up to the reference date', async () => {
		// to 2024-01-31: January against December 2023, when nobody bought → 0 / 0
		expect(await f.value('channel.churn_pct', { to: '2024-01-31' })).toBeNull();
		// …and everyone in January is new: A, B, C, E, F → (5 − 0) / 5
		expect(await f.value('channel.net_growth_pct', { to: '2024-01-31' })).toBe(100);
		// from 2024-02-15: [02-15, 02-29] = 15 days against [01-31, 02-14]: prev {A, C}, cur {D, G}
		expect(await f.breakdown('channel.churn_pct', 'channel.churn_pct.periods', { from: '2024-02-15' })).toEqual([
			{ previous_from: '2024-01-31', previous_to: '2024-02-14', from: '2024-02-15', to: '2024-02-29' }
		]);
		expect(await f.value('channel.churn_pct', { from: '2024-02-15' })).toBe(100);
		expect(await f.value('channel.net_growth_pct', { from: '2024-02-15' })).toBe(0);
	});

	it('the channel filter narrows both periods', async () => {
		// web: prev {A, B}, cur {A, C, G}
		expect(await f.value('channel.churn_pct', { ...FEB, channel: 'web' })).toBe(50);
	});
});

describe('satisfaction, conversion and revenue per channel', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table('orders', ['order_id', 'customer_id', 'channel', 'status', 'amount', 'ordered_at'], ORDERS);
		await f.table(
			'visits',
			['session_id', 'channel', 'started_at'],
			[
				['s1', 'web', '2024-02-01 10:00:00'],
				['s1', 'web', '2024-02-01 10:01:00'], // same session
				['s2', 'web', '2024-02-02 10:00:00'],
				['s3', 'app', '2024-02-03 10:00:00'],
				['s4', 'email', '2024-02-04 10:00:00'],
				['s5', 'web', '2024-01-04 10:00:00'] // outside February
			]
		);
		await f.table(
			'feedback',
			['feedback_id', 'channel', 'score', 'created_at'],
			[
				['F1', 'web', 5, '2024-02-01 00:00:00'],
				['F2', 'web', 3, '2024-02-02 00:00:00'],
				['F3', 'app', 2, '2024-02-03 00:00:00'],
				['F4', null, null, '2024-02-04 00:00:00']
			]
		);
	});

	it('conversion = orders / sessions', async () => {
		// February orders A2, C2, D1, G1 = 4; sessions s1, s2, s3, s4 = 4
		expect(await f.value('channel.conversion', FEB)).toBe(1);
		expect(await f.breakdown('channel.conversion', 'channel.conversion.by_channel', FEB)).toEqual([
			{ channel: 'app', orders: 1, visits: 1, conversion: 1 },
			{ channel: 'email', orders: 0, visits: 1, conversion: 0 },
			{ channel: 'web', orders: 3, visits: 2, conversion: 1.5 }
		]);
		// no visits in the range: zero denominator → NULL
		expect(await f.value('channel.conversion', { from: '2024-03-01' })).toBeNull();
	});

	it('conversion falls back to contacts when no visits are loaded', async () => {
		await f.engine.rows('DROP TABLE clean.visits');
		f.catalog = { tables: { ...f.catalog.tables, visits: undefined } };
		await f.table(
			'communications',
			['customer_id', 'channel', 'started_at'],
			[
				['A', 'web', '2024-02-01 00:00:00'],
				['B', 'web', '2024-02-02 00:00:00'],
				['C', 'app', '2024-02-03 00:00:00'],
				['D', 'app', '2024-02-04 00:00:00'],
				['E', 'app', '2024-02-05 00:00:00']
			]
		);
		// 4 orders / 5 contacts
		expect(await f.value('channel.conversion', FEB)).toBe(0.8);
	});

	it('satisfaction = mean score', async () => {
		// (5 + 3 + 2) / 3
		expect(await f.value('channel.satisfaction')).toBeCloseTo(10 / 3, 12);
		expect(await f.breakdown('channel.satisfaction', 'channel.satisfaction.by_channel')).toEqual([
			{ channel: 'app', n: 1, satisfaction: 2 },
			{ channel: 'web', n: 2, satisfaction: 4 },
			{ channel: null, n: 0, satisfaction: null }
		]);
	});

	it('revenue = orders × AOV per channel', async () => {
		// February: web A2 20 + C2 50 + G1 90 = 160 (3 orders, AOV 160 / 3); app D1 60
		expect(await f.value('channel.revenue', FEB)).toBe(220);
		expect(await f.breakdown('channel.revenue', 'channel.revenue.by_channel', FEB)).toEqual([
			{ channel: 'app', orders: 1, aov: 60, revenue: 60 },
			{ channel: 'web', orders: 3, aov: 160 / 3, revenue: 160 }
		]);
	});

	it('is unavailable without its inputs', () => {
		expect(unavailableReason(f.def('channel.conversion'), { tables: { orders: ['order_id', 'customer_id', 'ordered_at'] } }, {})).toBe(
			'needs visits.started_at or communications.started_at'
		);
		expect(unavailableReason(f.def('channel.satisfaction'), { tables: { orders: ['order_id'] } }, {})).toBe('needs feedback.score');
	});
});
