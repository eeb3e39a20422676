// The layout's evaluator: it computes only the metrics the enabled rules need (whatever page is on
// screen), judges the rules on their own filters, re-evaluates on demand (the interval) so a
// cooldown re-notifies without new data, and a newer run replaces a stale one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { TableInfo } from '../../src/lib/engine/engine';
import { tableNameFromFile } from '../../src/lib/engine/table-name';
import { buildReport } from '../../src/lib/report/report';
import { rawTables, recogniseTables } from '../../src/lib/report/model';
import { readCatalog, type Catalog } from '../../src/lib/metrics';
import { AlertsState } from '../../src/lib/state/alerts.svelte';
import { AlertsRunner } from '../../src/lib/state/alerts-runner.svelte';
import { memoryStore } from '../../src/lib/alerts/browser/idb-store';
import { parseRules, serializeRules } from '../../src/lib/alerts/rules';

const SAMPLE = join(process.cwd(), 'sample-data');
const engine = new NodeEngine();
let catalog: Catalog;
const tables: Array<{ info: TableInfo; fileName: string }> = [];
/** Data rows of orders.csv: its non-empty lines less the header (no quoted newlines in it). */
const ORDER_ROWS =
	readFileSync(join(SAMPLE, 'orders.csv'), 'utf8')
		.split('\n')
		.filter((l) => l.trim()).length - 1;

beforeAll(async () => {
	await engine.ready();
	for (const name of readdirSync(SAMPLE).filter((f) => f.endsWith('.csv'))) {
		const { table } = await engine.load({ table: tableNameFromFile(name), source: { kind: 'path', path: join(SAMPLE, name), name } });
		tables.push({ info: table, fileName: name });
	}
	await buildReport(engine, tables);
	catalog = await readCatalog(engine, rawTables(await recogniseTables(engine, tables, { version: 1 })));
}, 120_000);

afterAll(() => engine.close());

function setup(rules: unknown[], clock: { now: number }) {
	const notified: string[] = [];
	const alerts = new AlertsState({
		store: memoryStore({ rules: serializeRules(parseRules({ version: 1, rules }), { includeSecrets: true }) }),
		send: async () => [],
		notify: async (title) => {
			notified.push(title);
			return true;
		},
		now: () => clock.now
	});
	return { alerts, notified, runner: new AlertsRunner(alerts, Promise.resolve(engine)) };
}

describe('AlertsRunner', () => {
	it('computes the rules’ metrics itself, counts firing alerts and re-notifies after the cooldown', async () => {
		const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
		const { alerts, notified, runner } = setup(
			[
				// ORDER_ROWS > ORDER_ROWS − 1 holds: fires; ORDER_ROWS < 0 does not.
				{
					id: 'many',
					name: 'Many orders',
					metric: 'quality.rows.orders',
					op: '>',
					threshold: ORDER_ROWS - 1,
					cooldown: '1h',
					channels: [{ type: 'browser' }]
				},
				{ id: 'none', name: 'No orders', metric: 'quality.rows.orders', op: '<', threshold: 0 }
			],
			clock
		);
		await alerts.load();
		await runner.run({ catalog, settings: {} });
		expect(alerts.doc.rules.many.status).toBe('firing');
		expect(alerts.doc.rules.many.value).toBe(ORDER_ROWS);
		expect(alerts.doc.rules.none.status).toBe('ok');
		expect(alerts.firing).toBe(1);
		expect(notified).toEqual(['CRM Pulse: Many orders']);

		// 30 min later (the interval, no new data): within the 1 h cooldown, nothing new.
		clock.now += 30 * 60_000;
		await runner.again();
		expect(notified).toHaveLength(1);
		// 61 min after the first notification: the cooldown has passed, a renotify event.
		clock.now += 31 * 60_000;
		await runner.again();
		expect(alerts.doc.history.map((h) => h.type)).toEqual(['firing', 'renotify']);
		expect(notified).toEqual(['CRM Pulse: Many orders', 'CRM Pulse: Many orders']);
		expect(alerts.error).toBe('');
	});

	it('judges a rule on its own filters, and a newer run replaces a stale one', async () => {
		const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
		const { alerts, runner } = setup(
			[{ id: 'web', name: 'Web orders', metric: 'behaviour.orders', filters: { channel: 'web' }, op: '>=', threshold: 0 }],
			clock
		);
		await alerts.load();
		// What `crm-pulse report` computes with the channel filter (the report pipeline, not the runner).
		const n = (await buildReport(engine, tables, { version: 1, filters: { channel: 'web' } })).metrics.metrics['behaviour.orders'];
		expect(n).toBeGreaterThan(0);
		const first = runner.run({ catalog, settings: {} });
		const second = runner.run({ catalog, settings: {} });
		await Promise.all([first, second]);
		expect(alerts.doc.rules.web.value).toBe(n);
		expect(alerts.doc.rules.web.status).toBe('firing');
		expect(alerts.error).toBe('');
		expect(runner.running).toBe(false);
	});
});
