import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CANONICAL, type TableKind } from '../../../src/lib/canonical/schema';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import type { Catalog } from '../../../src/lib/metrics/catalog';
import { runMetrics } from '../../../src/lib/metrics/run';
import type { MetricsReport } from '../../../src/lib/metrics/types';

/**
 * The metrics over the committed sample data must find the dirt that sample-data/README.md
 * documents (those counts are checked against the CSV files by tests/unit/sample-data.test.ts).
 */

const DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));
const KINDS: TableKind[] = [
	'customers',
	'orders',
	'order_lines',
	'payments',
	'communications',
	'tickets',
	'feedback',
	'campaigns',
	'visits'
];

let engine: NodeEngine;
let report: MetricsReport;

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	await engine.rows('CREATE SCHEMA clean');
	const catalog: Catalog = { tables: {} };
	for (const kind of KINDS) {
		const { table } = await engine.load({ table: kind, source: { kind: 'path', path: `${DIR}${kind}.csv`, name: `${kind}.csv` } });
		const present = CANONICAL[kind].columns.filter((c) => table.columns.some((t) => t.name === c.name));
		const cols = present.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`);
		await engine.rows(`CREATE VIEW clean.${kind} AS SELECT ${cols.join(', ')}, '${kind}.csv' AS source_file FROM main.${kind}`);
		catalog.tables[kind] = present.map((c) => c.name);
	}
	// the export was taken at 2026-01-01 00:00:00 (README)
	report = await runMetrics(engine, catalog, {}, { referenceDate: '2026-01-01 00:00:00', now: '2026-01-01 00:00:00' });
}, 120_000);
afterAll(() => engine.close());

const m = (id: string) => report.metrics[id];
const rule = (table: string, name: string) =>
	(report.breakdowns[`quality.invalid.${table}.by_rule`] as { rule: string; rows: number }[]).find((r) => r.rule === name)?.rows;

describe('metrics over the sample data', () => {
	it('computes everything without an error', () => {
		expect(Object.entries(report.unavailable).filter(([, r]) => r.startsWith('error'))).toEqual([]);
	});

	it('counts rows, duplicates, conflicts and orphans as documented', () => {
		const rows = {
			customers: 403,
			orders: 1507,
			order_lines: 2566,
			payments: 1494,
			communications: 600,
			tickets: 400,
			feedback: 700,
			campaigns: 800,
			visits: 3000
		};
		for (const [table, n] of Object.entries(rows)) expect(m(`quality.rows.${table}`), table).toBe(n);
		expect(m('quality.duplicate_rows.orders')).toBe(4); // exact_duplicate_rows
		expect(m('quality.duplicate_keys.orders')).toBe(7); // duplicate_order_id_rows
		expect(m('quality.conflicts.orders')).toBe(3); // conflicting_order_ids
		expect(m('quality.orphans.orders')).toBe(2); // orphan_customer_id
		expect(m('quality.duplicate_keys.customers')).toBe(3); // duplicate_customer_id_rows
		const byColumn = report.breakdowns['quality.conflicts.customers.by_column'] as { column: string; keys: number }[];
		expect(byColumn.find((r) => r.column === 'name')?.keys).toBe(3); // conflicting_names
	});

	it('finds the missing and invalid values', () => {
		expect(m('quality.missing_pct.customers.email')).toBeCloseTo((100 * 12) / 403, 9); // missing_email
		expect(m('quality.missing_pct.orders.shipped_at')).toBeCloseTo((100 * 100) / 1507, 9); // missing_shipped_at
		expect(m('quality.missing_pct.feedback.expected_score')).toBeCloseTo((100 * 320) / 700, 9);
		expect(rule('customers', 'bad email')).toBe(10); // invalid_email
		expect(rule('orders', 'shipped_at before ordered_at')).toBe(6); // shipped_before_ordered
		expect(rule('orders', 'shipped without shipped_at')).toBe(15); // delivered_without_shipped_at
		expect(m('process.order_processing_hours.negative')).toBe(6);
	});

	it('computes satisfaction, campaigns, system and backlog as documented', () => {
		expect(m('value.csat_pct')).toBeCloseTo((100 * 552) / 700, 9); // score_4_or_5
		expect(m('campaign.success_rate')).toBeCloseTo(714 / 800, 12);
		expect(m('campaign.conversion')).toBeCloseTo(64 / 800, 12);
		expect(m('system.error_rate')).toBeCloseTo(32 / 3000, 12); // status_5xx
		expect(m('system.availability_pct')).toBeCloseTo((100 * 2968) / 3000, 9);
		expect(m('process.backlog')).toBe(11); // unresolved tickets at export time
	});
});
