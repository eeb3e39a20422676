import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog } from '../../../src/lib/metrics/catalog';
import { allMetrics, findMetric, fullIds, METRICS } from '../../../src/lib/metrics/registry';
import { lookupMetric, runMetrics } from '../../../src/lib/metrics/run';
import { Fixture, NOW } from './fixture';

let f: Fixture;

/** A little of everything: enough for every metric to run. */
async function loadAll(fx: Fixture) {
	await fx.table(
		'customers',
		['customer_id', 'person_id', 'segment', 'email', 'created_at'],
		[
			['C1', 'P1', 'vip', 'a@x.com', '2023-12-01 00:00:00'],
			['C2', 'P1', 'std', 'b@x.com', '2023-12-02 00:00:00'],
			['C3', 'P3', 'vip', null, '2023-12-03 00:00:00']
		]
	);
	await fx.table(
		'orders',
		['order_id', 'customer_id', 'channel', 'status', 'amount', 'ordered_at', 'shipped_at', 'delivered_at', 'promised_at'],
		[
			['O1', 'C1', 'web', 'delivered', 100, '2024-01-01 10:00:00', '2024-01-01 20:00:00', '2024-01-03 10:00:00', '2024-01-05 00:00:00'],
			['O2', 'C2', 'app', 'delivered', 50, '2024-01-08 10:00:00', '2024-01-09 10:00:00', '2024-01-12 10:00:00', '2024-01-10 00:00:00'],
			['O3', 'C3', 'web', 'cancelled', 30, '2024-01-09 10:00:00', null, null, null]
		]
	);
	await fx.table('payments', ['order_id', 'method', 'amount'], [['O1', 'card', 100]]);
	await fx.table('order_lines', ['order_id', 'line', 'product_id', 'amount'], [['O1', 1, 'P-1', 100]]);
	await fx.table(
		'communications',
		['contact_id', 'customer_id', 'channel', 'agent', 'started_at', 'ended_at'],
		[['K1', 'C1', 'phone', 'alice', '2024-01-02 10:00:00', '2024-01-02 10:15:00']]
	);
	await fx.table(
		'tickets',
		['ticket_id', 'customer_id', 'channel', 'category', 'status', 'created_at', 'first_response_at', 'resolved_at'],
		[['T1', 'C1', 'email', 'billing', 'closed', '2024-01-02 10:00:00', '2024-01-02 11:00:00', '2024-01-02 20:00:00']]
	);
	await fx.table(
		'feedback',
		['feedback_id', 'customer_id', 'order_id', 'channel', 'score', 'expected_score', 'created_at'],
		[['F1', 'C1', 'O1', 'web', 5, 4, '2024-01-04 00:00:00']]
	);
	await fx.table(
		'campaigns',
		['activity_id', 'customer_id', 'campaign', 'channel', 'sent_at', 'result', 'converted', 'cost', 'revenue'],
		[['A1', 'C1', 'Spring', 'email', '2024-01-01 00:00:00', 'success', true, 10, 40]]
	);
	await fx.table(
		'visits',
		['customer_id', 'session_id', 'channel', 'started_at', 'page', 'response_ms', 'status_code'],
		[
			['C1', 's1', 'web', '2024-01-01 09:00:00', '/a', 120, 200],
			[null, 's2', 'web', '2024-01-01 09:10:00', '/b', 80, 500]
		]
	);
}

beforeAll(async () => {
	f = await new Fixture().start();
	await loadAll(f);
});
afterAll(() => f.close());

describe('runMetrics', () => {
	it('computes every metric, in the export shape, with plain numbers', async () => {
		const report = await runMetrics(f.engine, f.catalog, {}, { now: NOW });
		expect(Object.keys(report)).toEqual(['generatedAt', 'referenceDate', 'filters', 'metrics', 'unavailable', 'breakdowns']);
		expect(report.referenceDate).toBe('2024-01-09 10:00:00'); // O3, the newest main timestamp
		expect(report.unavailable).toEqual({});
		for (const def of allMetrics(f.catalog)) {
			for (const id of fullIds(def)) expect(report.metrics, id).toHaveProperty([id]);
			for (const bd of def.breakdowns ?? []) expect(report.breakdowns, bd.id).toHaveProperty([bd.id]);
		}
		for (const [id, v] of Object.entries(report.metrics)) expect(v === null || typeof v === 'number', id).toBe(true);
		// a BigInt anywhere would make this throw
		expect(() => JSON.stringify(report)).not.toThrow();
	});

	it('agrees with numbers worked out by hand', async () => {
		const { metrics } = await runMetrics(f.engine, f.catalog, {}, { now: NOW });
		expect(metrics['behaviour.revenue']).toBe(150); // O1 100 + O2 50 (O3 cancelled)
		expect(metrics['behaviour.customers']).toBe(1); // C1 and C2 are person P1
		expect(metrics['process.order_processing_hours.p50']).toBe(17); // 10 h and 24 h
		expect(metrics['process.late_delivery_pct']).toBe(50); // O2 delivered 2024-01-12 after the 10th
		expect(metrics['system.error_rate']).toBe(0.5);
		expect(metrics['campaign.roi']).toBe(3); // (40 − 10) / 10
		expect(metrics['quality.rows.orders']).toBe(3);
		expect(metrics['quality.missing_pct.customers.email']).toBeCloseTo(100 / 3, 12);
		expect(metrics['quality.orphans.feedback']).toBe(0);
	});

	it('lists what cannot be computed, with the reason, never as zero', async () => {
		const catalog = { tables: { orders: ['order_id', 'customer_id', 'amount', 'ordered_at'] } };
		const report = await runMetrics(f.engine, catalog, {}, { now: NOW });
		expect(report.unavailable['process.order_processing_hours']).toBe('needs orders.shipped_at');
		expect(report.unavailable['value.csat_pct']).toBe('needs feedback.score');
		expect(report.unavailable['behaviour.revenue.by_channel']).toBe('needs orders.channel');
		expect(report.unavailable['quality.orphans.orders']).toBe('needs customers.customer_id');
		expect(report.metrics).not.toHaveProperty(['process.order_processing_hours.p50']);
		expect(report.metrics['behaviour.revenue']).toBe(180); // nothing is excluded without a status column
		expect(Object.values(report.unavailable).filter((r) => r.startsWith('error'))).toEqual([]);
		expect(lookupMetric(report, 'process.order_processing_hours.p90')).toEqual({
			status: 'unavailable',
			reason: 'needs orders.shipped_at'
		});
		expect(lookupMetric(report, 'behaviour.revenue')).toEqual({ status: 'ok', value: 180 });
		expect(lookupMetric(report, 'nope.nothing')).toEqual({ status: 'unknown' });
	});

	it('an empty selection gives NULLs and zero counts, no errors', async () => {
		const report = await runMetrics(f.engine, f.catalog, { from: '2030-01-01', channel: 'web', segment: 'vip' }, { now: NOW });
		expect(report.filters).toEqual({ from: '2030-01-01', channel: 'web', segment: 'vip' });
		const errors = Object.entries(report.unavailable).filter(([, r]) => r.startsWith('error'));
		expect(errors).toEqual([]);
		expect(report.metrics['behaviour.revenue']).toBeNull();
		expect(report.metrics['behaviour.orders']).toBe(0);
		expect(report.metrics['process.ticket_resolution_hours.p50']).toBeNull();
		expect(report.metrics['value.csat_pct']).toBeNull();
		expect(report.metrics['value.rfm.recency_median']).toBeNull();
		expect(report.breakdowns['behaviour.revenue.by_week']).toEqual([]);
	});

	it('reads the catalog from the engine', async () => {
		const catalog = await readCatalog(f.engine);
		expect(catalog.tables.orders).toEqual([
			'order_id',
			'customer_id',
			'channel',
			'status',
			'amount',
			'ordered_at',
			'shipped_at',
			'delivered_at',
			'promised_at'
		]);
		expect(catalog.tables.visits).toContain('session_id');
	});

	it('can skip breakdowns, run a few metrics, and be cancelled', async () => {
		const report = await runMetrics(f.engine, f.catalog, {}, { now: NOW }, { only: ['behaviour.orders', 'value.cv30'], breakdowns: false });
		expect(Object.keys(report.metrics)).toEqual(['behaviour.orders', 'value.cv30.median', 'value.cv30.mean', 'value.cv30.sum']);
		expect(report.breakdowns).toEqual({});
		const controller = new AbortController();
		controller.abort();
		await expect(runMetrics(f.engine, f.catalog, {}, {}, { signal: controller.signal })).rejects.toThrow();
	});

	it('refuses bad filters and settings before running anything', async () => {
		await expect(runMetrics(f.engine, f.catalog, { from: '01/02/2024' })).rejects.toThrow('invalid from date: 01/02/2024');
		await expect(runMetrics(f.engine, f.catalog, {}, { slaHours: -1 })).rejects.toThrow('invalid slaHours: -1');
	});
});

describe('registry', () => {
	it('has unique ids, one-line formulas and known units', () => {
		const defs = allMetrics(f.catalog);
		const ids = defs.flatMap((d) => [...fullIds(d), ...(d.breakdowns ?? []).map((b) => b.id)]);
		expect(new Set(ids).size).toBe(ids.length);
		for (const d of defs) {
			expect(d.formula, d.id).not.toMatch(/\n/);
			expect(d.title, d.id).not.toBe('');
		}
	});

	it('covers the catalogue of DESIGN.md §3', () => {
		expect(METRICS.map((d) => d.id)).toEqual([
			'process.order_processing_hours',
			'process.delivery_days',
			'process.late_delivery_pct',
			'process.communication_minutes',
			'process.ticket_resolution_hours',
			'process.first_response_hours',
			'process.backlog',
			'process.sla_breach_pct',
			'behaviour.revenue',
			'behaviour.orders',
			'behaviour.customers',
			'behaviour.purchase_count',
			'behaviour.purchase_amount',
			'behaviour.aov',
			'behaviour.feedback_count',
			'behaviour.active_customers',
			'behaviour.repeat_rate',
			'behaviour.anomalies.revenue',
			'behaviour.anomalies.orders',
			'value.rfm',
			'value.cycle_days',
			'value.cv30',
			'value.clv',
			'value.csat_pct',
			'value.expectation_gap',
			'channel.satisfaction',
			'channel.conversion',
			'channel.revenue',
			'channel.churn_pct',
			'channel.net_growth_pct',
			'system.response_ms',
			'system.throughput_rpm',
			'system.error_rate',
			'system.availability_pct',
			'campaign.success_rate',
			'campaign.conversion',
			'campaign.roi'
		]);
	});

	it('finds a metric and the unit of a full id', () => {
		expect(findMetric(f.catalog, 'process.order_processing_hours.p90')).toMatchObject({ stat: 'p90', unit: 'hours' });
		expect(findMetric(f.catalog, 'process.order_processing_hours.negative')).toMatchObject({ unit: 'count' });
		expect(findMetric(f.catalog, 'quality.missing_pct.orders.shipped_at')).toMatchObject({ stat: 'shipped_at', unit: 'pct' });
		expect(findMetric(f.catalog, 'value.rfm.recency_median')?.unit).toBe('days');
		expect(findMetric(f.catalog, 'process.order_processing_hours')).toBeUndefined();
	});
});
