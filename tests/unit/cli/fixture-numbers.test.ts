import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../../src/lib/metrics';
import { reportJson, runCli, shownValue, tempFolder } from './run-cli';

/**
 * Three orders of two customers, every number worked out by hand below.
 * O3 is cancelled, so sales are O1 and O2 (both C1); C2's email has no dot after the @.
 */
const CUSTOMERS = `customer_id,name,email,segment
C1,Ann Lee,ann@example.com,VIP
C2,Bo Chen,bo@example,Regular
`;
const ORDERS = `order_id,customer_id,channel,status,amount,ordered_at,shipped_at,delivered_at
O1,C1,web,delivered,100.00,2024-01-01 10:00:00,2024-01-02 10:00:00,2024-01-04 10:00:00
O2,C1,phone,delivered,50.00,2024-01-11 10:00:00,2024-01-11 22:00:00,2024-01-12 22:00:00
O3,C2,web,cancelled,30.00,2024-01-05 09:00:00,,
`;

const folder = tempFolder({ 'customers.csv': CUSTOMERS, 'orders.csv': ORDERS });
let all: MetricsReport;
beforeAll(async () => {
	all = await reportJson([folder.dir]);
}, 60_000);
afterAll(() => folder.remove());

describe('crm-pulse report over a hand-made fixture', () => {
	it('counts rows, missing cells and invalid rows', () => {
		expect(all.metrics['quality.rows.orders']).toBe(3);
		expect(all.metrics['quality.rows.customers']).toBe(2);
		// O3 has neither a shipped nor a delivered date: 1 of 3 rows.
		expect(all.metrics['quality.missing_pct.orders.shipped_at']).toBeCloseTo(100 / 3, 10);
		expect(all.metrics['quality.missing_pct.orders.delivered_at']).toBeCloseTo(100 / 3, 10);
		expect(all.metrics['quality.missing_pct.orders.amount']).toBe(0);
		// bo@example has no dot in its domain.
		expect(all.metrics['quality.invalid.customers']).toBe(1);
		expect(all.metrics['quality.invalid.orders']).toBe(0);
	});

	it('sales leave the cancelled order out', () => {
		expect(all.metrics['behaviour.orders']).toBe(2); // O1, O2
		expect(all.metrics['behaviour.revenue']).toBe(150); // 100 + 50
		expect(all.metrics['behaviour.aov']).toBe(75); // 150 / 2
		expect(all.metrics['behaviour.customers']).toBe(1); // C1
		expect(all.metrics['behaviour.repeat_rate']).toBe(1); // C1 has 2 orders: 1 / 1
		expect(all.metrics['behaviour.purchase_count.mean']).toBe(2);
		// Any status counts as activity: C1 and C2.
		expect(all.metrics['behaviour.active_customers']).toBe(2);
	});

	it('process times of the two shipped and delivered orders', () => {
		// O1: 24 h to ship, 3 days to deliver; O2: 12 h and 1.5 days.
		expect(all.metrics['process.order_processing_hours.p50']).toBeCloseTo(18, 10); // (12 + 24) / 2
		expect(all.metrics['process.order_processing_hours.p90']).toBeCloseTo(22.8, 10); // 12 + 0.9 × (24 − 12)
		expect(all.metrics['process.order_processing_hours.mean']).toBeCloseTo(18, 10);
		expect(all.metrics['process.order_processing_hours.negative']).toBe(0);
		expect(all.metrics['process.delivery_days.p50']).toBeCloseTo(2.25, 10); // (1.5 + 3) / 2
		expect(all.metrics['process.delivery_days.p90']).toBeCloseTo(2.85, 10); // 1.5 + 0.9 × 1.5
	});

	it('reference date, recency and purchase cycle', () => {
		expect(all.referenceDate).toBe('2024-01-11 10:00:00'); // the newest ordered_at
		expect(all.metrics['value.rfm.recency_median']).toBe(0); // C1 last bought on the reference day
		expect(all.metrics['value.cycle_days.median']).toBeCloseTo(10, 10); // Jan 1 10:00 → Jan 11 10:00, 2 − 1 gaps
	});

	it('lists what it cannot compute, with the reason', () => {
		expect(all.unavailable['process.late_delivery_pct']).toBe('needs orders.promised_at');
		expect(all.unavailable['process.ticket_resolution_hours']).toMatch(/^needs tickets\./);
		expect('process.late_delivery_pct' in all.metrics).toBe(false);
	});
});

describe('filters on the command line', () => {
	it('--from/--to keep the orders placed in the range', async () => {
		const r = await reportJson([folder.dir, '--from', '2024-01-01', '--to', '2024-01-05']);
		expect(r.filters).toEqual({ from: '2024-01-01', to: '2024-01-05' });
		// O1 (Jan 1) and O3 (Jan 5, cancelled) are in range: one sale of 100.
		expect(r.metrics['behaviour.orders']).toBe(1);
		expect(r.metrics['behaviour.revenue']).toBe(100);
		expect(r.metrics['behaviour.active_customers']).toBe(2);
		expect(r.metrics['process.order_processing_hours.p50']).toBeCloseTo(24, 10); // O1 only
		expect(r.referenceDate).toBe('2024-01-05 09:00:00'); // the newest ordered_at up to the 5th
		expect(r.metrics['quality.rows.orders']).toBe(3); // quality ignores filters
	}, 60_000);

	it('--channel keeps that channel; --reference-date moves recency', async () => {
		const r = await reportJson([folder.dir, '--channel', 'phone', '--reference-date', '2024-02-10']);
		expect(r.filters).toEqual({ channel: 'phone' });
		expect(r.referenceDate).toBe('2024-02-10 00:00:00');
		expect(r.metrics['behaviour.orders']).toBe(1); // O2
		expect(r.metrics['behaviour.revenue']).toBe(50);
		expect(r.metrics['process.delivery_days.p50']).toBeCloseTo(1.5, 10);
		// C1's last phone order is O2 on Jan 11: Jan 11 → Feb 10 is 30 days.
		expect(r.metrics['value.rfm.recency_median']).toBe(30);
	}, 60_000);

	it('--segment keeps the customers of that segment', async () => {
		const r = await reportJson([folder.dir, '--segment', 'Regular']);
		// C2's only order is cancelled: no sales, but C2 was active.
		expect(r.metrics['behaviour.orders']).toBe(0);
		expect(r.metrics['behaviour.revenue']).toBeNull();
		expect(r.metrics['behaviour.active_customers']).toBe(1);
	}, 60_000);
});

describe('--config corrections', () => {
	it('a mapping and a kind given per raw table replace what was detected', async () => {
		const config = {
			version: 1,
			tables: {
				// Measure from hand-over to the carrier instead of from the purchase.
				orders: {
					mapping: {
						order_id: 'order_id',
						customer_id: 'customer_id',
						status: 'status',
						amount: 'amount',
						ordered_at: 'shipped_at',
						delivered_at: 'delivered_at'
					}
				},
				customers: { kind: 'other' }
			}
		};
		const files = tempFolder({ 'config.json': JSON.stringify(config) });
		try {
			const r = await reportJson([folder.dir, '--config', files.path('config.json')]);
			// O1: Jan 2 10:00 → Jan 4 10:00 = 2 days; O2: Jan 11 22:00 → Jan 12 22:00 = 1 day.
			expect(r.metrics['process.delivery_days.p50']).toBeCloseTo(1.5, 10);
			expect(r.unavailable['process.order_processing_hours']).toBe('needs orders.shipped_at');
			expect(r.referenceDate).toBe('2024-01-11 22:00:00'); // the newest "ordered_at" is now O2's shipping
			// customers is a plain table now: measured under its own name, without canonical checks.
			expect(r.metrics['quality.rows.customers']).toBe(2);
			expect('quality.invalid.customers' in r.metrics || 'quality.invalid.customers' in r.unavailable).toBe(false);
			expect(r.metrics['behaviour.revenue']).toBe(150);
		} finally {
			files.remove();
		}
	}, 60_000);
});

describe('the readable table', () => {
	it('lists every available metric with its value and every unavailable one with its reason', async () => {
		const json = all;
		const table = await runCli(['report', folder.dir]);
		expect(table.code).toBe(0);
		const lines = table.out.split('\n');
		expect(lines[0]).toBe(`CRM Pulse report — reference date ${json.referenceDate}, generated ${lines[0].split('generated ')[1]}`);
		const split = lines.indexOf('unavailable:');
		expect(split).toBeGreaterThan(0);
		for (const [id, value] of Object.entries(json.metrics)) {
			const line = lines.slice(0, split).find((l) => l.split(/\s+/)[0] === id);
			expect(line, id).toBeDefined();
			expect(shownValue(id, line!.slice(id.length).trim(), value), id).toBe(true);
		}
		for (const [id, reason] of Object.entries(json.unavailable)) {
			expect(lines.slice(split), id).toContainEqual(
				expect.stringMatching(new RegExp(`^  ${id.replaceAll('.', '\\.')} +${escape(reason)}$`))
			);
		}
	}, 60_000);
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
