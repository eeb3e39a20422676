import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../src/lib/metrics/availability';
import { Fixture, round } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
});
afterAll(() => f.close());

const roundRow = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)]));

describe('order process times', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table(
			'customers',
			['customer_id', 'segment'],
			[
				['C1', 'vip'],
				['C2', 'std'],
				['C3', 'vip']
			]
		);
		// processing h: O1 10, O2 20, O3 30, O4 −24 (shipped before ordered), O5 none, O6 40
		// delivery d:   O1 2, O2 4.5, O3 4, O6 −1
		await f.table(
			'orders',
			['order_id', 'customer_id', 'channel', 'status', 'ordered_at', 'shipped_at', 'delivered_at', 'promised_at'],
			[
				['O1', 'C1', 'web', 'delivered', '2024-01-01 00:00:00', '2024-01-01 10:00:00', '2024-01-03 00:00:00', '2024-01-05 00:00:00'],
				['O2', 'C2', 'web', 'delivered', '2024-01-02 00:00:00', '2024-01-02 20:00:00', '2024-01-06 12:00:00', '2024-01-06 00:00:00'],
				['O3', 'C1', 'app', 'delivered', '2024-01-08 00:00:00', '2024-01-09 06:00:00', '2024-01-12 00:00:00', '2024-01-10 18:00:00'],
				['O4', 'C3', 'app', 'shipped', '2024-01-09 00:00:00', '2024-01-08 00:00:00', null, null],
				['O5', 'C3', 'web', 'processing', '2024-01-10 00:00:00', null, null, null],
				['O6', 'C2', 'app', 'delivered', '2024-01-15 00:00:00', '2024-01-16 16:00:00', '2024-01-14 00:00:00', '2024-01-20 00:00:00']
			]
		);
	});

	it('order_processing_hours: percentiles of non-negative times, negatives counted', async () => {
		// [10, 20, 30, 40]: p50 = 25; p90 at position 3 × 0.9 = 2.7 → 30 + 0.7 × 10 = 37; mean = 100 / 4 = 25; O4 is negative
		expect(roundRow(await f.headline('process.order_processing_hours'))).toEqual({ p50: 25, p90: 37, mean: 25, negative: 1 });
	});

	it('delivery_days', async () => {
		// [2, 4, 4.5] (O6 −1 left out): p50 = 4; p90 at 1.8 → 4 + 0.8 × 0.5 = 4.4; mean = 10.5 / 3 = 3.5
		expect(roundRow(await f.headline('process.delivery_days'))).toEqual({ p50: 4, p90: 4.4, mean: 3.5, negative: 1 });
	});

	it('late_delivery_pct: a midnight promise means the whole day', async () => {
		// O1 on time; O2 delivered 12:00 on the promised (midnight) day: on time; O3 after 18:00 promise: late; O6 early → 1 / 4
		expect(await f.value('process.late_delivery_pct')).toBe(25);
		expect(await f.breakdown('process.late_delivery_pct', 'process.late_delivery_pct.by_channel')).toEqual([
			{ channel: 'app', n: 2, late: 1, late_delivery_pct: 50 },
			{ channel: 'web', n: 2, late: 0, late_delivery_pct: 0 }
		]);
	});

	it('filters by channel, inclusive dates and segment', async () => {
		// web: O1 10, O2 20 → p50 15, p90 10 + 0.9 × 10 = 19
		expect(roundRow(await f.headline('process.order_processing_hours', { channel: 'web' }))).toEqual({
			p50: 15,
			p90: 19,
			mean: 15,
			negative: 0
		});
		// 2024-01-08..2024-01-09 inclusive: O3 30 and O4 (ordered 2024-01-09 00:00) negative
		expect(await f.headline('process.order_processing_hours', { from: '2024-01-08', to: '2024-01-09' })).toEqual({
			p50: 30,
			p90: 30,
			mean: 30,
			negative: 1
		});
		// to 2024-01-08 ends before O4
		expect((await f.headline('process.order_processing_hours', { from: '2024-01-08', to: '2024-01-08' })).negative).toBe(0);
		// vip = C1, C3: O1 10, O3 30, O4 −24 → p50 20, mean 20
		expect(await f.headline('process.order_processing_hours', { segment: 'vip' })).toMatchObject({ p50: 20, mean: 20, negative: 1 });
	});

	it('an empty selection gives NULL statistics, not an error', async () => {
		expect(await f.headline('process.order_processing_hours', { channel: 'fax' })).toEqual({
			p50: null,
			p90: null,
			mean: null,
			negative: 0
		});
		expect(await f.value('process.late_delivery_pct', { channel: 'fax' })).toBeNull();
	});

	it('breaks processing time down by ISO week and channel', async () => {
		expect(await f.breakdown('process.order_processing_hours', 'process.order_processing_hours.by_week')).toEqual([
			// Monday 2024-01-01: O1, O2 → [10, 20]
			{ week: '2024-01-01', n: 2, p50: 15, p90: 19, mean: 15, negative: 0 },
			// week of 2024-01-08: O3 30, O4 negative, O5 has no shipped_at
			{ week: '2024-01-08', n: 1, p50: 30, p90: 30, mean: 30, negative: 1 },
			{ week: '2024-01-15', n: 1, p50: 40, p90: 40, mean: 40, negative: 0 }
		]);
		expect(await f.breakdown('process.order_processing_hours', 'process.order_processing_hours.by_channel')).toEqual([
			// app: O3 30, O6 40 (O4 negative) → p90 30 + 0.9 × 10 = 39
			{ channel: 'app', n: 2, p50: 35, p90: 39, mean: 35, negative: 1 },
			{ channel: 'web', n: 2, p50: 15, p90: 19, mean: 15, negative: 0 }
		]);
	});

	it('is unavailable when an input is missing', () => {
		const catalog = { tables: { orders: ['order_id', 'customer_id', 'ordered_at'] } };
		expect(unavailableReason(f.def('process.order_processing_hours'), catalog, {})).toBe('needs orders.shipped_at');
		expect(unavailableReason(f.def('process.late_delivery_pct'), catalog, {})).toBe('needs orders.delivered_at, orders.promised_at');
		// a channel filter cannot be applied without a channel column
		const withShipped = { tables: { orders: ['order_id', 'customer_id', 'ordered_at', 'shipped_at'] } };
		expect(unavailableReason(f.def('process.order_processing_hours'), withShipped, { channel: 'web' })).toBe(
			'channel filter needs orders.channel'
		);
		expect(unavailableReason(f.def('process.order_processing_hours'), withShipped, { segment: 'vip' })).toBe(
			'segment filter needs customers.segment'
		);
	});
});

describe('ticket process times, backlog and SLA', () => {
	beforeAll(async () => {
		await f.reset();
		// resolution h: T1 10, T2 72, T3 20, T5 −24; first response h: T1 1, T2 3, T3 −1, T5 2
		await f.table(
			'tickets',
			['ticket_id', 'customer_id', 'channel', 'category', 'status', 'created_at', 'first_response_at', 'resolved_at'],
			[
				['T1', 'C1', 'email', 'billing', 'closed', '2024-02-01 00:00:00', '2024-02-01 01:00:00', '2024-02-01 10:00:00'],
				['T2', 'C2', 'email', 'delivery', 'resolved', '2024-02-02 00:00:00', '2024-02-02 03:00:00', '2024-02-05 00:00:00'],
				['T3', 'C1', 'phone', 'billing', 'closed', '2024-02-03 00:00:00', '2024-02-02 23:00:00', '2024-02-03 20:00:00'],
				['T4', 'C3', 'phone', 'delivery', 'pending', '2024-02-10 00:00:00', null, null],
				['T5', 'C2', 'email', 'billing', 'closed', '2024-02-12 00:00:00', '2024-02-12 02:00:00', '2024-02-11 00:00:00'],
				['T6', 'C3', 'phone', 'billing', 'Closed', '2024-02-20 00:00:00', null, null],
				['T7', 'C1', 'email', 'delivery', 'open', '2024-02-28 12:00:00', null, null]
			]
		);
	});

	it('ticket_resolution_hours and first_response_hours', async () => {
		// [10, 20, 72]: p50 20; p90 at 1.8 → 20 + 0.8 × 52 = 61.6; mean 102 / 3 = 34
		expect(roundRow(await f.headline('process.ticket_resolution_hours'))).toEqual({ p50: 20, p90: 61.6, mean: 34, negative: 1 });
		// [1, 2, 3]: p50 2; p90 → 2 + 0.8 × 1 = 2.8; mean 2
		expect(roundRow(await f.headline('process.first_response_hours'))).toEqual({ p50: 2, p90: 2.8, mean: 2, negative: 1 });
		expect(await f.breakdown('process.ticket_resolution_hours', 'process.ticket_resolution_hours.by_category')).toEqual([
			// billing: T1 10, T3 20, T5 negative
			{ category: 'billing', n: 2, p50: 15, p90: 19, mean: 15, negative: 1 },
			{ category: 'delivery', n: 1, p50: 72, p90: 72, mean: 72, negative: 0 }
		]);
	});

	it('backlog: open at the reference date (the newest timestamp, 2024-02-28 12:00)', async () => {
		// T4 pending, T7 created exactly at the reference date; T6 has no resolved_at but a closed status
		expect(await f.value('process.backlog')).toBe(2);
		expect(await f.breakdown('process.backlog', 'process.backlog.by_age')).toEqual([
			{ age: '< 1 day', tickets: 1 }, // T7, 0 h
			{ age: '1–3 days', tickets: 0 },
			{ age: '3–7 days', tickets: 0 },
			{ age: '7–30 days', tickets: 1 }, // T4: 2024-02-10 → 2024-02-28 12:00 = 18.5 days
			{ age: '≥ 30 days', tickets: 0 }
		]);
	});

	it('backlog at a reference date set by the user counts tickets resolved after it as open', async () => {
		// at 2024-02-04 00:00: T1 and T3 resolved before, T2 resolved 2024-02-05 → open; T4.. not created yet
		expect(await f.value('process.backlog', {}, { referenceDate: '2024-02-04' })).toBe(1);
		// at 2024-02-11 00:00: T1–T3 resolved, T4 open, T5 created later
		expect(await f.value('process.backlog', {}, { referenceDate: '2024-02-11 00:00:00' })).toBe(1);
	});

	it('backlog by week: open tickets at each week end', async () => {
		expect(await f.breakdown('process.backlog', 'process.backlog.by_week')).toEqual([
			// end 2024-02-05 00:00: T1, T3 resolved; T2 resolved exactly then (not after) → 0
			{ week: '2024-01-29', tickets: 0 },
			{ week: '2024-02-05', tickets: 1 }, // T4 (T5 resolved 2024-02-11)
			{ week: '2024-02-12', tickets: 1 },
			{ week: '2024-02-19', tickets: 1 }, // T6 closed by status
			{ week: '2024-02-26', tickets: 2 } // at the reference date: T4, T7
		]);
	});

	it('sla_breach_pct counts resolved tickets and open ones already past the SLA', async () => {
		// SLA 48 h: decided = T1 (10), T2 (72, breach), T3 (20), T4 (open 444 h, breach); T5 negative, T6 closed, T7 young → 2 / 4
		expect(await f.value('process.sla_breach_pct')).toBe(50);
		// SLA 100 h: T2 72 is fine, T4 444 h still breaches → 1 / 4
		expect(await f.value('process.sla_breach_pct', {}, { slaHours: 100 })).toBe(25);
		expect(await f.breakdown('process.sla_breach_pct', 'process.sla_breach_pct.by_channel')).toEqual([
			{ channel: 'email', decided: 2, breached: 1, sla_breach_pct: 50 }, // T1, T2
			{ channel: 'phone', decided: 2, breached: 1, sla_breach_pct: 50 } // T3, T4
		]);
		expect(await f.value('process.sla_breach_pct', { channel: 'fax' })).toBeNull();
	});
});

describe('communication minutes', () => {
	beforeAll(async () => {
		await f.reset();
		// minutes: K1 30, K2 600 s = 10, K3 20 (the end wins over duration_s), K4 −10, K5 unknown
		await f.table(
			'communications',
			['contact_id', 'customer_id', 'channel', 'agent', 'started_at', 'ended_at', 'duration_s'],
			[
				['K1', 'C1', 'phone', 'alice', '2024-01-01 10:00:00', '2024-01-01 10:30:00', null],
				['K2', 'C1', 'email', 'bob', '2024-01-02 10:00:00', null, 600],
				['K3', 'C2', 'phone', 'alice', '2024-01-03 10:00:00', '2024-01-03 10:20:00', 9999],
				['K4', 'C2', 'phone', 'bob', '2024-01-04 10:00:00', '2024-01-04 09:50:00', null],
				['K5', 'C3', 'chat', 'alice', '2024-01-05 10:00:00', null, null]
			]
		);
	});

	it('mean per contact and per customer, negatives counted', async () => {
		// per contact: (30 + 10 + 20) / 3 = 20; per customer: C1 40, C2 20 → 30
		expect(await f.headline('process.communication_minutes')).toEqual({ mean: 20, per_customer: 30, negative: 1 });
		expect(await f.breakdown('process.communication_minutes', 'process.communication_minutes.by_agent')).toEqual([
			{ agent: 'alice', mean: 25, total: 50, contacts: 2, negative: 0 },
			{ agent: 'bob', mean: 10, total: 10, contacts: 1, negative: 1 }
		]);
		expect(await f.breakdown('process.communication_minutes', 'process.communication_minutes.by_customer')).toEqual([
			{ customer: 'C1', contacts: 2, minutes: 40 },
			{ customer: 'C2', contacts: 1, minutes: 20 },
			{ customer: 'C3', contacts: 0, minutes: null }
		]);
	});

	it('groups customers by person_id when the customers file has one', async () => {
		await f.table(
			'customers',
			['customer_id', 'person_id'],
			[
				['C1', 'P1'],
				['C2', 'P1'],
				['C2', 'P1'], // a duplicate customer row must not double C2's contacts
				['C3', 'P3']
			]
		);
		// P1 = C1 + C2 = 40 + 20 = 60, the only person with minutes
		expect(await f.headline('process.communication_minutes')).toEqual({ mean: 20, per_customer: 60, negative: 1 });
	});

	it('needs an end or a duration', () => {
		const catalog = { tables: { communications: ['customer_id', 'started_at'] } };
		expect(unavailableReason(f.def('process.communication_minutes'), catalog, {})).toBe(
			'needs communications.ended_at or communications.duration_s'
		);
	});
});
