// The data quality page over a real NodeEngine: small hand-made files whose every quality
// number is worked out in the comments, the rows behind them, the table picker and cleaning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, waitFor, within } from '@testing-library/svelte';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { Engine } from '../../src/lib/engine/engine';
import { workspaceContext } from '../../src/lib/engine/context';
import { buildReport } from '../../src/lib/report/report';
import type { MetricsReport } from '../../src/lib/metrics';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { CrmModel } from '../../src/lib/state/model.svelte';
import { modelContext } from '../../src/lib/state/model-context';
import { FilterState } from '../../src/lib/state/filters.svelte';
import { MetricsState } from '../../src/lib/state/metrics.svelte';
import { dashboardContext } from '../../src/lib/state/dashboard-context';
import QualityPage from '../../src/routes/quality/+page.svelte';

const csv = (name: string, lines: string[]) => new File([lines.join('\n') + '\n'], name, { type: 'text/csv' });

/**
 * 7 rows. O1 twice, identical: 1 duplicate row. O5 twice with other channel and amount: with O1,
 * 2 duplicate keys (28.57 %), 1 conflicting key (channel and amount). O2: negative amount and
 * shipped before ordered; both O5 rows: shipped without shipped_at — 3 invalid rows. Missing:
 * amount 1/7 (O4), shipped_at 4/7 (O3, O4, O5, O5). No customers file: orphans cannot be checked.
 */
const ORDERS = csv('orders.csv', [
	'order_id,customer_id,channel,status,amount,ordered_at,shipped_at',
	'O1,C1,web,shipped,10,2024-01-01 10:00:00,2024-01-02 10:00:00',
	'O1,C1,web,shipped,10,2024-01-01 10:00:00,2024-01-02 10:00:00',
	'O2,C2,shop,shipped,-5,2024-01-03 10:00:00,2024-01-02 10:00:00',
	'O3,C3,web,new,20,2024-01-04 10:00:00,',
	'O4,C1,web,new,,2024-01-05 10:00:00,',
	'O5,C2,shop,shipped,7,2024-01-06 10:00:00,',
	'O5,C2,web,shipped,8,2024-01-06 10:00:00,'
]);
/** A plain table: 3 rows, the second a copy of the first; remark missing once (1/3). */
const NOTES = csv('notes.csv', ['topic,remark', 'lunch,soup', 'lunch,soup', 'meeting,']);

/** Lets a test hold drill-down queries (they end in LIMIT 50) until it releases them. */
class HeldEngine {
	hold = false;
	private waiting: (() => void)[] = [];
	constructor(readonly inner: NodeEngine) {}
	release(): void {
		for (const go of this.waiting.splice(0)) go();
	}
	wrap(): Engine {
		return new Proxy(this.inner, {
			get: (target, prop) => {
				const value = Reflect.get(target, prop, target);
				if (prop !== 'rows') return typeof value === 'function' ? value.bind(target) : value;
				return async (sql: string, options?: { signal?: AbortSignal }) => {
					if (this.hold && sql.endsWith('LIMIT 50')) await new Promise<void>((go) => this.waiting.push(go));
					return target.rows(sql, options);
				};
			}
		}) as Engine;
	}
}

let node: NodeEngine;
let held: HeldEngine;
let workspace: Workspace;
let model: CrmModel;
let report: MetricsReport;

beforeAll(async () => {
	node = new NodeEngine();
	await node.ready();
	held = new HeldEngine(node);
	workspace = new Workspace();
	workspace.attach(held.wrap());
	model = new CrmModel(workspace, { storage: null });
	await workspace.addFiles([ORDERS, NOTES]);
	await model.idle();
	const tables = workspace.tables.map((info) => ({ info, fileName: `${info.name}.csv` }));
	report = (await buildReport(node, tables)).metrics;
}, 120_000);
afterAll(async () => {
	model.destroy();
	await node.close();
});

function mount() {
	const filters = new FilterState({ read: () => new URL('http://x/'), write: () => {} });
	const metrics = new MetricsState(workspace.engine);
	const previous = new MetricsState(workspace.engine);
	metrics.report = report;
	const context = new Map<symbol, unknown>([
		...dashboardContext({ filters, metrics, previous }),
		...workspaceContext(workspace),
		...modelContext(model)
	]);
	return { metrics, ...render(QualityPage, { context }) };
}

const byLabel = (root: HTMLElement, label: string) => root.querySelector(`[aria-label="${label}"]`) as HTMLElement;
const card = (root: HTMLElement, title: string) => root.querySelector(`section[aria-label="${title}"]`) as HTMLElement;
const shown = (root: HTMLElement, id: string) => root.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-value');

describe('quality page', () => {
	it('shows every number with data-value equal to the report, and unavailable ones with their reason', () => {
		const { container } = mount();
		const all = [...container.querySelectorAll('[data-metric]')];
		expect(all.length).toBeGreaterThan(20);
		for (const el of all) {
			const id = el.getAttribute('data-metric')!;
			if (el.hasAttribute('data-unavailable')) expect(el.getAttribute('data-unavailable')).toBe(report.unavailable[id]);
			else expect(el.getAttribute('data-value')).toBe(String(report.metrics[id] ?? ''));
		}
	});

	it('has the hand-worked numbers of orders', () => {
		const { container } = mount();
		expect(shown(container, 'quality.rows.orders')).toBe('7');
		expect(shown(container, 'quality.duplicate_rows.orders')).toBe('1');
		expect(shown(container, 'quality.duplicate_keys.orders')).toBe('2');
		expect(Number(shown(container, 'quality.duplicate_keys_pct.orders'))).toBeCloseTo((2 / 7) * 100, 9);
		expect(shown(container, 'quality.invalid.orders')).toBe('3');
		expect(shown(container, 'quality.conflicts.orders')).toBe('1');
		expect(Number(shown(container, 'quality.missing_pct.orders.shipped_at'))).toBeCloseTo((4 / 7) * 100, 9);
		expect(Number(shown(container, 'quality.missing_pct.orders.amount'))).toBeCloseTo((1 / 7) * 100, 9);
	});

	it('lists the measured tables as tabs and flags columns above 10 % missing', () => {
		const { getAllByRole, container } = mount();
		expect(getAllByRole('tab').map((t) => t.getAttribute('data-quality-table'))).toEqual(['orders', 'notes']);
		const missing = card(container, 'Missing values');
		// shipped_at 57.1 % and amount 14.3 % are above 10 %; the other columns have none missing
		const high = [...missing.querySelectorAll('tr.high th')].map((th) => th.textContent);
		expect(high).toEqual(['amount', 'shipped_at']);
		expect(missing).toHaveTextContent('2 columns are above 10%');
	});

	it('says why orphans cannot be counted', () => {
		const { container } = mount();
		expect(report.unavailable['quality.orphans.orders']).toBe('needs customers.customer_id');
		expect(card(container, 'Orphans')).toHaveTextContent('needs customers.customer_id');
	});

	it('explains the score weights', () => {
		const { container } = mount();
		const score = card(container, 'Quality score');
		const weights = [...score.querySelectorAll('[data-weight]')].map((td) => Number(td.getAttribute('data-weight')));
		expect(weights).toEqual([0.3, 0.25, 0.2, 0.15, 0.1]);
		// orders: no foreign key to check (no customers), but a key: consistency measures conflicts; all five apply
		const effective = [...score.querySelectorAll('[data-effective-weight]')].map((td) => Number(td.getAttribute('data-effective-weight')));
		expect(effective).toEqual([0.3, 0.25, 0.2, 0.15, 0.1]);
	});

	it('switches tables with the arrow keys', async () => {
		const { getAllByRole, container } = mount();
		const [orders] = getAllByRole('tab');
		orders.focus();
		await fireEvent.keyDown(orders, { key: 'ArrowRight' });
		const notes = getAllByRole('tab')[1];
		expect(notes).toHaveAttribute('aria-selected', 'true');
		expect(document.activeElement).toBe(notes);
		expect(container.querySelector('[role="tabpanel"]')).toHaveAttribute('data-quality-panel', 'notes');
		expect(shown(container, 'quality.rows.notes')).toBe('3');
		// a raw table gets no rules, orphans or conflicts, and says where to map it
		expect(card(container, 'Invalid values')).toBeNull();
		expect(card(container, 'Rules, orphans and conflicts')).toHaveTextContent('map it to a CRM table on the Mapping page');
		await fireEvent.keyDown(notes, { key: 'Home' });
		expect(getAllByRole('tab')[0]).toHaveAttribute('aria-selected', 'true');
	});
});

describe('rows behind the numbers', () => {
	const cells = (region: HTMLElement) =>
		[...region.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

	it('lists the rows breaking a rule, values as text', async () => {
		const { container, getByRole } = mount();
		await fireEvent.click(getByRole('button', { name: 'Show rows: Rows of orders breaking “negative amount”' }));
		const region = byLabel(container, 'Rows of orders breaking “negative amount”');
		await waitFor(() => expect(region.querySelectorAll('tbody tr')).toHaveLength(1));
		// O2, amount −5; the card spans the row while it lists rows
		expect(cells(region)[0]).toEqual(expect.arrayContaining(['O2', 'C2', '-5', '2024-01-03 10:00:00', '2024-01-02 10:00:00']));
		expect(region.closest('section')).toHaveClass('wide');
	});

	it('lists every copy of a duplicated key, and conflicting rows by column', async () => {
		const { container, getByRole } = mount();
		await fireEvent.click(getByRole('button', { name: 'Show rows: Rows of orders whose order_id another row shares (every copy)' }));
		const dup = byLabel(container, 'Rows of orders whose order_id another row shares (every copy)');
		// O1 twice, O5 twice (amount 7 before 8)
		await waitFor(() => expect(dup.querySelectorAll('tbody tr')).toHaveLength(4));
		expect(cells(dup).map((r) => r[0])).toEqual(['O1', 'O1', 'O5', 'O5']);
		await fireEvent.click(getByRole('button', { name: 'Show rows: Rows of orders whose key has different channel values' }));
		const conflict = byLabel(container, 'Rows of orders whose key has different channel values');
		await waitFor(() => expect(conflict.querySelectorAll('tbody tr')).toHaveLength(2));
		expect(cells(conflict).map((r) => r.slice(0, 3))).toEqual([
			['O5', 'C2', 'shop'],
			['O5', 'C2', 'web']
		]);
		// the key and the conflicting column are set apart
		expect([...conflict.querySelectorAll('th.mark')].map((th) => th.textContent)).toEqual(['order_id', 'channel']);
		// one list at a time
		expect(container.querySelectorAll('[aria-expanded="true"]')).toHaveLength(1);
	});

	it('drops the answer of a list asked for before another', async () => {
		const { container, getByRole } = mount();
		held.hold = true;
		await fireEvent.click(getByRole('button', { name: 'Show rows: Rows of orders where shipped_at is missing' }));
		await fireEvent.click(getByRole('button', { name: 'Show rows: Rows of orders where amount is missing' }));
		const region = byLabel(container, 'Rows of orders where amount is missing');
		expect(region).toHaveTextContent('Reading rows…');
		held.hold = false;
		held.release();
		// only O4 lacks an amount; the 4 rows without shipped_at never show
		await waitFor(() => expect(region.querySelectorAll('tbody tr')).toHaveLength(1));
		await new Promise((r) => setTimeout(r, 50));
		expect(cells(region)[0][0]).toBe('O4');
		expect(region).toHaveTextContent('1 row.');
	});
});

describe('cleaning', () => {
	it('applies a step, shows its before/after counts and recomputes the metrics', async () => {
		const { container, getByRole, metrics } = mount();
		const cleaning = card(container, 'Cleaning');
		expect(cleaning).toHaveTextContent('No step is on for orders');
		await fireEvent.click(within(cleaning).getByRole('checkbox', { name: /Drop exact duplicates/ }));
		// the O1 copy goes: 7 rows before, 6 after
		await waitFor(() => expect(cleaning.querySelector('[data-step="dropDuplicates"]')).not.toBeNull(), { timeout: 10_000 });
		const counts = [...cleaning.querySelectorAll('[data-step="dropDuplicates"] [data-count]')].map((td) => td.getAttribute('data-value'));
		expect(counts).toEqual(['7', '6', '']);
		await waitFor(() => expect(shown(container, 'quality.duplicate_rows.orders')).toBe('0'), { timeout: 10_000 });
		expect(metrics.report?.metrics['quality.rows.orders']).toBe(6);
		// switched off again: the raw numbers are back
		await fireEvent.click(getByRole('checkbox', { name: /Drop exact duplicates/ }));
		await waitFor(() => expect(shown(container, 'quality.duplicate_rows.orders')).toBe('1'), { timeout: 10_000 });
	}, 30_000);
});
