// The Alerts page over the sample data in a real NodeEngine: rules evaluated on the report,
// states and values in the list, notifications once per event, starter rules, the editor's
// field messages and backtest, and a rules file import with a bad rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { TableInfo } from '../../src/lib/engine/engine';
import { tableNameFromFile } from '../../src/lib/engine/table-name';
import { buildReport } from '../../src/lib/report/report';
import type { MetricsReport } from '../../src/lib/metrics';
import { FilterState } from '../../src/lib/state/filters.svelte';
import { MetricsState } from '../../src/lib/state/metrics.svelte';
import { dashboardContext } from '../../src/lib/state/dashboard-context';
import { alertsContext } from '../../src/lib/state/alerts-context';
import { AlertsState } from '../../src/lib/state/alerts.svelte';
import { memoryStore } from '../../src/lib/alerts/browser/idb-store';
import { serializeRules, parseRules } from '../../src/lib/alerts/rules';
import { metricSeries, completePoints } from '../../src/lib/alerts/series';
import type { Attempt } from '../../src/lib/alerts/deliver';
import AlertsPage from '../../src/routes/alerts/+page.svelte';

const SAMPLE = join(process.cwd(), 'sample-data');
const engine = new NodeEngine();
let report: MetricsReport;
/** Data rows of orders.csv, counted from the file: its non-empty lines less the header (no quoted newlines in it). */
const ORDER_ROWS =
	readFileSync(join(SAMPLE, 'orders.csv'), 'utf8')
		.split('\n')
		.filter((l) => l.trim()).length - 1;

beforeAll(async () => {
	await engine.ready();
	const tables: Array<{ info: TableInfo; fileName: string }> = [];
	for (const name of readdirSync(SAMPLE).filter((f) => f.endsWith('.csv'))) {
		const { table } = await engine.load({ table: tableNameFromFile(name), source: { kind: 'path', path: join(SAMPLE, name), name } });
		tables.push({ info: table, fileName: name });
	}
	report = (await buildReport(engine, tables)).metrics;
}, 120_000);

afterAll(() => engine.close());

function setup(rules: unknown[]) {
	const notified: string[] = [];
	const sent: unknown[] = [];
	const store = memoryStore({ rules: serializeRules(parseRules({ version: 1, rules }), { includeSecrets: true }) });
	const alerts = new AlertsState({
		store,
		notify: async (title) => {
			notified.push(title);
			return true;
		},
		send: async (_channel, payload): Promise<Attempt[]> => {
			sent.push(payload);
			return [{ attempt: 1, at: new Date().toISOString(), outcome: 'delivered', confirmed: true, status: 200 }];
		}
	});
	const filters = new FilterState({ read: () => new URL('http://x/'), write: () => {} });
	const metrics = new MetricsState(new Promise(() => {}));
	const previous = new MetricsState(new Promise(() => {}));
	metrics.report = report;
	const context = new Map<symbol, unknown>([...dashboardContext({ filters, metrics, previous }), ...alertsContext(alerts)]);
	const view = render(AlertsPage, { context });
	return { view, alerts, notified, sent, store };
}

const row = (root: HTMLElement, id: string) => root.querySelector(`tr[data-rule="${id}"]`) as HTMLElement;

const RULES = [
	{
		id: 'many-orders',
		name: 'Many orders',
		metric: 'quality.rows.orders',
		op: '>',
		threshold: ORDER_ROWS - 1,
		channels: [{ type: 'browser' }]
	},
	{
		id: 'few-orders',
		name: 'Few orders',
		metric: 'quality.rows.orders',
		op: '<',
		threshold: ORDER_ROWS - 1,
		channels: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook', format: 'generic' }]
	},
	{ id: 'off', name: 'Switched off', metric: 'quality.rows.orders', op: '>', threshold: 0, enabled: false },
	{ id: 'typo', name: 'Unknown metric', metric: 'value.no_such_metric', op: '>', threshold: 1 }
];

describe('Alerts page', () => {
	it('evaluates the enabled rules on the report and shows state, value and notifications', async () => {
		const { view, alerts, notified, store } = setup(RULES);
		const root = view.container;
		await waitFor(() => expect(row(root, 'many-orders').dataset.status).toBe('firing'));
		// The report counts every data row of orders.csv; ORDER_ROWS > ORDER_ROWS − 1 holds, < does not.
		expect(report.metrics['quality.rows.orders']).toBe(ORDER_ROWS);
		expect(row(root, 'few-orders').dataset.status).toBe('ok');
		expect(row(root, 'off').dataset.status).toBe('disabled');
		expect(row(root, 'typo').dataset.status).toBe('error');
		expect(root.querySelectorAll('tr [data-metric]').length).toBeGreaterThan(0);
		for (const el of root.querySelectorAll('tr [data-metric]'))
			expect(Number(el.getAttribute('data-value'))).toBe(report.metrics[el.getAttribute('data-metric')!]);
		const events = [...root.querySelectorAll('li[data-event]')];
		expect(events.map((e) => [e.getAttribute('data-event'), e.getAttribute('data-rule')])).toEqual([['firing', 'many-orders']]);
		expect(notified).toEqual(['CRM Pulse: Many orders']);
		// Evaluating again (the report recomputed, another tab) never notifies the same event twice.
		await alerts.evaluate(report, {}, () => Promise.reject(new Error('no filters here')));
		expect(notified).toHaveLength(1);
		expect(JSON.parse((await store.read('state'))!).rules['many-orders'].status).toBe('firing');
	});

	it('never notifies an event twice across two tabs, and retries a failed webhook from the outbox', async () => {
		const hook = { type: 'webhook', url: 'http://127.0.0.1:9/hook', format: 'generic' };
		const store = memoryStore({
			rules: serializeRules(parseRules({ version: 1, rules: [{ ...RULES[0], channels: [{ type: 'browser' }, hook] }] }), {
				includeSecrets: true
			})
		});
		const notified: string[] = [];
		let up = false;
		const posts: string[] = [];
		const tab = () =>
			new AlertsState({
				store,
				notify: async (title) => (notified.push(title), true),
				send: async (): Promise<Attempt[]> => {
					posts.push(up ? 'delivered' : 'network-error');
					const at = new Date().toISOString();
					return [
						up
							? { attempt: 1, at, outcome: 'delivered', confirmed: true, status: 200 }
							: { attempt: 1, at, outcome: 'network-error', confirmed: false, error: 'refused' }
					];
				}
			});
		const noCompute = () => Promise.reject(new Error('no filters here'));
		const a = tab();
		const b = tab();
		await a.load();
		await b.load();
		await a.evaluate(report, {}, noCompute);
		// Tab B reads the state tab A stored: the alert is already firing, so no new event.
		expect(await b.evaluate(report, {}, noCompute)).toEqual([]);
		expect(notified).toEqual(['CRM Pulse: Many orders']);
		// B's evaluation tried the outbox again (the receiver still down): the item stays, once.
		expect(posts).toEqual(['network-error', 'network-error']);
		expect(b.doc.outbox.map((o) => o.tries)).toEqual([2]);
		up = true;
		await b.retryOutbox();
		await a.retryOutbox();
		// One retry delivered it; the other tab found the outbox empty.
		expect(posts).toEqual(['network-error', 'network-error', 'delivered']);
		expect(a.doc.outbox).toEqual([]);
		expect(a.doc.history[0].deliveries.map((d) => d.sent)).toEqual([false, false, true]);
	});

	it('adds the starter rules switched off', async () => {
		const { view, alerts } = setup([]);
		const root = view.container;
		await waitFor(() => expect(alerts.loaded).toBe(true));
		await fireEvent.click(view.getByRole('button', { name: 'Add starter rules' }));
		await waitFor(() => expect(root.querySelectorAll('tr[data-rule]')).toHaveLength(6));
		expect([...root.querySelectorAll('tr[data-rule]')].every((r) => r.getAttribute('data-status') === 'disabled')).toBe(true);
	});

	it('names the bad field in the editor and backtests a valid rule over the weekly history', async () => {
		const { view, alerts } = setup([]);
		const root = view.container;
		await waitFor(() => expect(alerts.loaded).toBe(true));
		await fireEvent.click(view.getByRole('button', { name: 'Add rule' }));
		const field = (name: string) => root.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
		await fireEvent.input(field('name'), { target: { value: 'Revenue check' } });
		await fireEvent.change(field('metric'), { target: { value: 'behaviour.revenue' } });
		await fireEvent.input(field('threshold'), { target: { value: 'lots' } });
		await fireEvent.click(view.getByRole('button', { name: 'Save rule' }));
		await waitFor(() => expect(view.getByRole('alert').textContent).toContain('threshold must be a number, not "lots"'));

		// Threshold: the median of the complete weeks, so some weeks lie above it; with pendingFor 1 and
		// no keepFiringFor the rule is firing in exactly the weeks whose value is above it.
		const series = metricSeries(report, 'behaviour.revenue')!;
		const weeks = completePoints(series, report.referenceDate).map((p) => p.value!);
		const sorted = [...weeks].sort((a, b) => a - b);
		const threshold = sorted[Math.floor(sorted.length / 2)];
		const above = weeks.filter((v) => v > threshold).length;
		expect(above).toBeGreaterThan(0);
		await fireEvent.input(field('threshold'), { target: { value: String(threshold) } });
		await waitFor(() => expect(root.querySelector('[data-firing-periods]')?.getAttribute('data-firing-periods')).toBe(String(above)));
		expect(root.querySelector('[data-backtest]')?.textContent).toContain(`over ${weeks.length} complete weeks`);
		expect(root.querySelector('figure svg')).not.toBeNull();
		expect(root.querySelector('.preview [data-metric="behaviour.revenue"]')?.getAttribute('data-value')).toBe(
			String(report.metrics['behaviour.revenue'])
		);
		await fireEvent.click(view.getByRole('button', { name: 'Save rule' }));
		await waitFor(() => expect(row(root, 'revenue-check')).toBeTruthy());
	});

	it('asks for notification permission when a browser rule is switched on, and shows a denial', async () => {
		const asked: string[] = [];
		// jsdom has no Notification: a stand-in whose user says no.
		const stub = { permission: 'default', requestPermission: async () => (asked.push('asked'), (stub.permission = 'denied')) };
		Object.defineProperty(globalThis, 'Notification', { value: stub, configurable: true });
		try {
			const { view } = setup([{ ...RULES[0], enabled: false }]);
			const root = view.container;
			await waitFor(() => expect(row(root, 'many-orders')).toBeTruthy());
			expect(view.queryByText(/Browser notifications are blocked/)).toBeNull();
			await fireEvent.click(view.getByRole('switch', { name: 'Enable Many orders' }));
			await waitFor(() => expect(row(root, 'many-orders').dataset.status).toBe('firing'));
			expect(asked).toEqual(['asked']);
			expect(view.getByText(/Browser notifications are blocked for this site/)).toBeTruthy();
		} finally {
			delete (globalThis as { Notification?: unknown }).Notification;
		}
	});

	it('refuses an imported rules file naming the rule and field', async () => {
		const { view, alerts } = setup([]);
		await waitFor(() => expect(alerts.loaded).toBe(true));
		const input = view.container.querySelector('input[type="file"]') as HTMLInputElement;
		const text = JSON.stringify({ version: 1, rules: [{ id: 'bad', metric: 'value.csat_pct', op: '>>', threshold: 1 }] });
		const file = new File([text], 'rules.json', { type: 'application/json' });
		Object.defineProperty(input, 'files', { value: [file], configurable: true });
		await fireEvent.change(input);
		await waitFor(() => expect(view.getByRole('alert').textContent).toContain('rules.json: rule "bad": op must be one of'));
		expect(alerts.rules).toEqual([]);
	});
});
