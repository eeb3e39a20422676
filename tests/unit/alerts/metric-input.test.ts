// From a real report (NodeEngine over a tiny orders file worked out by hand) to evaluate() inputs,
// previous-period reports, series and backtests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtest } from '../../../src/lib/alerts/backtest';
import { evaluate } from '../../../src/lib/alerts/evaluate';
import { metricInput } from '../../../src/lib/alerts/metric-input';
import { comparisonPeriods } from '../../../src/lib/alerts/periods';
import { reportsForRules, type ComputeReport } from '../../../src/lib/alerts/rule-reports';
import type { Rule } from '../../../src/lib/alerts/rules';
import { completePoints, metricSeries } from '../../../src/lib/alerts/series';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { findMetric, readCatalog, runMetrics, type Catalog, type MetricsReport } from '../../../src/lib/metrics';
import { rawTables } from '../../../src/lib/report/model';
import { buildReport } from '../../../src/lib/report/report';

// One order a week, on Wednesdays (ISO weeks start on Monday), and one on Monday 24 Feb,
// the newest timestamp and so the reference date.
const CSV = `order_id,customer_id,status,amount,ordered_at
O1,C1,delivered,100,2025-01-08 10:00:00
O2,C2,delivered,110,2025-01-15 10:00:00
O3,C3,delivered,90,2025-01-22 10:00:00
O4,C1,delivered,100,2025-01-29 10:00:00
O5,C2,delivered,105,2025-02-05 10:00:00
O6,C3,delivered,95,2025-02-12 10:00:00
O7,C1,delivered,300,2025-02-19 10:00:00
O8,C2,delivered,50,2025-02-24 10:00:00
`;

let engine: NodeEngine;
let dir: string;
let report: MetricsReport;
let catalog: Catalog;
const computed: { filters: object; ids: string[] }[] = [];
const compute: ComputeReport = (filters, fullIds, options) => {
	computed.push({ filters, ids: fullIds });
	const only = fullIds.map((id) => findMetric(catalog, id)?.def.id).filter((id): id is string => id !== undefined);
	return runMetrics(engine, catalog, filters, {}, { only, breakdowns: options.breakdowns });
};

function rule(over: Partial<Rule>): Rule {
	return {
		id: 'r',
		name: 'R',
		enabled: true,
		metric: 'behaviour.revenue',
		op: '>',
		threshold: 0,
		pendingFor: 1,
		severity: 'warning',
		onResolve: true,
		channels: [],
		...over
	};
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'crm-alerts-'));
	writeFileSync(join(dir, 'orders.csv'), CSV);
	engine = new NodeEngine();
	await engine.ready();
	const loaded = await engine.load({ table: 'orders', source: { kind: 'path', path: join(dir, 'orders.csv'), name: 'orders.csv' } });
	const built = await buildReport(engine, [{ info: loaded.table, fileName: 'orders.csv' }], { version: 1 }, { now: '2025-02-25 00:00:00' });
	report = built.metrics;
	catalog = await readCatalog(engine, rawTables(built.tables));
});
afterAll(async () => {
	await engine.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('metricInput', () => {
	it('a value, an unknown id (error), a metric whose inputs are missing (no-data with the reason)', () => {
		expect(report.referenceDate).toBe('2025-02-24 10:00:00');
		// 100 + 110 + 90 + 100 + 105 + 95 + 300 + 50
		expect(metricInput(rule({}), report)).toEqual({ kind: 'value', value: 950 });
		expect(metricInput(rule({ metric: 'value.nope' }), report)).toEqual({
			kind: 'error',
			message: 'unknown metric value.nope (not in the catalogue for the loaded tables)'
		});
		const noVisits = metricInput(rule({ metric: 'system.availability_pct' }), report);
		expect(noVisits.kind).toBe('no-data');
		expect(noVisits.kind === 'no-data' && noVisits.reason).toMatch(/^system\.availability_pct unavailable: .*visits/);
		expect(metricInput(rule({ metric: 'process.order_processing_hours.p90' }), report)).toMatchObject({ kind: 'no-data' });
	});

	it('anomaly: the last complete week against the weeks before it', () => {
		const series = metricSeries(report, 'behaviour.revenue')!;
		expect(series.breakdown).toBe('behaviour.revenue.by_week');
		expect(series.points.map((p) => [p.period, p.value])).toEqual([
			['2025-01-06', 100],
			['2025-01-13', 110],
			['2025-01-20', 90],
			['2025-01-27', 100],
			['2025-02-03', 105],
			['2025-02-10', 95],
			['2025-02-17', 300],
			['2025-02-24', 50]
		]);
		// The week of 24 Feb has begun at the reference date, not ended: left out.
		expect(completePoints(series, report.referenceDate)).toHaveLength(7);
		const input = metricInput(rule({ op: 'anomaly', threshold: 3.5 }), report);
		expect(input).toEqual({ kind: 'value', value: 300, history: [100, 110, 90, 100, 105, 95] });
		// median 100, |x − 100| = 0 10 10 0 5 5 → MAD 5; z = (300 − 100) / (1.4826 × 5) = 26.98
		const out = evaluate(rule({ op: 'anomaly', threshold: 3.5 }), input, undefined, 0);
		expect(out.state.status).toBe('firing');
		expect(out.state.observed).toBeCloseTo(200 / (1.4826 * 5), 10);
	});

	it('a metric without a weekly or daily series cannot be judged for anomalies', () => {
		const input = metricInput(rule({ metric: 'behaviour.customers', op: 'anomaly', threshold: 3.5 }), report);
		expect(input).toEqual({
			kind: 'no-data',
			reason: 'anomaly needs a weekly or daily series of behaviour.customers; the report has none'
		});
	});
});

describe('comparison periods', () => {
	it.each([
		[{}, '2025-02-24 10:00:00', { from: '2025-02-18', to: '2025-02-24' }, { from: '2025-02-11', to: '2025-02-17' }],
		[{ to: '2025-01-31' }, '2025-02-24 10:00:00', { from: '2025-01-25', to: '2025-01-31' }, { from: '2025-01-18', to: '2025-01-24' }],
		[{ from: '2025-02-03', to: '2025-02-16' }, null, { from: '2025-02-03', to: '2025-02-16' }, { from: '2025-01-20', to: '2025-02-02' }],
		[
			{ from: '2025-02-20', channel: 'web' },
			'2025-02-24 10:00:00',
			{ from: '2025-02-20', to: '2025-02-24', channel: 'web' },
			{ from: '2025-02-15', to: '2025-02-19', channel: 'web' }
		],
		// across a leap day: 1–7 Mar 2024 against 23–29 Feb
		[{ from: '2024-03-01', to: '2024-03-07' }, null, { from: '2024-03-01', to: '2024-03-07' }, { from: '2024-02-23', to: '2024-02-29' }]
	])('%j at %s', (filters, ref, current, previous) => {
		expect(comparisonPeriods(filters, ref)).toEqual({ current, previous });
	});

	it('no reference date and no range: null', () => {
		expect(comparisonPeriods({}, null)).toBeNull();
	});
});

describe('reportsForRules over the real engine', () => {
	it('week over week, a range, a rule with its own filters, and a rule that reads the base report', async () => {
		const rules = [
			rule({ id: 'wow', op: 'change_pct_gt', threshold: 100 }),
			rule({ id: 'range', op: 'change_pct_gt', threshold: 100, filters: { from: '2025-02-03', to: '2025-02-16' } }),
			rule({ id: 'since-feb', filters: { from: '2025-02-01' } }),
			rule({ id: 'plain' }),
			rule({ id: 'wow-orders', metric: 'behaviour.orders', op: 'change_pct_lt', threshold: -50 })
		];
		computed.length = 0;
		const reports = await reportsForRules(rules, { report, filters: {} }, compute);
		expect(reports.get('plain')!.current).toBe(report);

		// 18–24 Feb: 300 + 50 = 350; 11–17 Feb: 95 → (350 − 95) / 95 = +268.4 %
		const wow = reports.get('wow')!;
		expect(metricInput(rules[0], wow.current, wow.previous)).toEqual({ kind: 'value', value: 350, previous: 95 });
		expect(evaluate(rules[0], metricInput(rules[0], wow.current, wow.previous), undefined, 0).state.observed).toBeCloseTo(
			(255 / 95) * 100,
			10
		);

		// 3–16 Feb: 105 + 95 = 200; the 14 days before, 20 Jan – 2 Feb: 90 + 100 = 190
		const range = reports.get('range')!;
		expect(metricInput(rules[1], range.current, range.previous)).toEqual({ kind: 'value', value: 200, previous: 190 });

		// From 1 Feb: 105 + 95 + 300 + 50
		expect(metricInput(rules[2], reports.get('since-feb')!.current)).toEqual({ kind: 'value', value: 550 });
		// 18–24 Feb: O7, O8; 11–17 Feb: O6
		const wowOrders = reports.get('wow-orders')!;
		expect(metricInput(rules[4], wowOrders.current, wowOrders.previous)).toEqual({ kind: 'value', value: 2, previous: 1 });
		// Five sets of filters (two weeks, two ranges, from 1 Feb), each computed once; the two
		// week-over-week rules share theirs.
		expect(computed.map((c) => [c.filters, c.ids])).toEqual([
			[{ from: '2025-02-18', to: '2025-02-24' }, ['behaviour.revenue', 'behaviour.orders']],
			[{ from: '2025-02-11', to: '2025-02-17' }, ['behaviour.revenue', 'behaviour.orders']],
			[{ from: '2025-02-03', to: '2025-02-16' }, ['behaviour.revenue']],
			[{ from: '2025-01-20', to: '2025-02-02' }, ['behaviour.revenue']],
			[{ from: '2025-02-01' }, ['behaviour.revenue']]
		]);
	});
});

describe('backtest over the weekly series', () => {
	it('> 200 fires in one week of eight and resolves the week after', () => {
		const result = backtest(rule({ threshold: 200 }), metricSeries(report, 'behaviour.revenue')!.points);
		expect(result.points.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'firing', 'resolved']);
		expect(result).toMatchObject({ periods: 8, firingPeriods: 1, firings: 1 });
		expect(result.points[6].events).toEqual(['firing']);
		expect(result.points[7].events).toEqual(['resolved']);
	});

	it('change_pct_lt -20: only the partial last week fires, and not once it is left out', () => {
		const r = rule({ op: 'change_pct_lt', threshold: -20 });
		const series = metricSeries(report, 'behaviour.revenue')!;
		// changes: none, +10, −18.2, +11.1, +5, −9.5, +215.8, (50 − 300) / 300 = −83.3 %
		const all = backtest(r, series.points);
		expect(all.points.map((p) => p.status)).toEqual(['no-data', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'firing']);
		expect(all.points[7].observed).toBeCloseTo(-250 / 3, 10);
		expect(backtest(r, completePoints(series, report.referenceDate)).firings).toBe(0);
	});

	it('pendingFor counts periods and cooldown the time between them', () => {
		const points = ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03'].map((period) => ({ period, value: 500 }));
		expect(backtest(rule({ pendingFor: 3 }), points).points.map((p) => p.status)).toEqual([
			'pending',
			'pending',
			'firing',
			'firing',
			'firing'
		]);
		// Weekly points, cooldown of 10 days: re-notified at the third week (14 days after the first), then the fifth.
		expect(backtest(rule({ cooldown: '10d' }), points).points.map((p) => p.events)).toEqual([
			['firing'],
			[],
			['renotify'],
			[],
			['renotify']
		]);
	});
});
