import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, within } from '@testing-library/svelte';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { MetricsReport } from '../../src/lib/metrics';
import { RFM_SEGMENTS } from '../../src/lib/metrics/rfm-segments';
import { SHOWN_IDS } from '../../src/lib/components/customers/shown-metrics';
import TopCustomers from '../../src/lib/components/customers/TopCustomers.svelte';
import { mountPage, reportOf } from './page-fixture';
import CustomersPage from '../../src/routes/customers/+page.svelte';

// Vitest runs from the repository root.
const SAMPLE = join(process.cwd(), 'sample-data');

const mount = (report: MetricsReport) => mountPage(CustomersPage, report);

const section = (container: HTMLElement, name: string) => container.querySelector(`section[aria-label="${name}"]`) as HTMLElement;
const values = (cells: Iterable<Element>) => [...cells].map((c) => Number(c.getAttribute('data-value')));

let full: MetricsReport;
let small: MetricsReport;
const engines: NodeEngine[] = [];
let dir: string;

beforeAll(async () => {
	const sample = readdirSync(SAMPLE)
		.filter((f) => f.endsWith('.csv'))
		.map((f) => join(SAMPLE, f));
	engines.push(new NodeEngine(), new NodeEngine());
	full = await reportOf(engines[0], sample);
	// Three customers with hand-worked values, and no feedback file (satisfaction cannot be computed).
	dir = mkdtempSync(join(tmpdir(), 'customers-page-'));
	const orders = [
		'order_id,customer_id,amount,ordered_at',
		'o1,c1,100,2025-01-01 00:00:00',
		'o2,c1,200,2025-01-11 00:00:00',
		'o3,c1,300,2025-01-31 00:00:00',
		'o4,c2,50,2025-02-01 00:00:00',
		'o5,c2,150,2025-02-21 00:00:00',
		'o6,c3,90,2025-03-05 00:00:00'
	];
	writeFileSync(join(dir, 'orders.csv'), orders.join('\n') + '\n');
	small = await reportOf(engines[1], [join(dir, 'orders.csv')]);
}, 120_000);
afterAll(async () => {
	for (const e of engines) await e.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('customers page, sample data', () => {
	it('shows every headline number of the page with data-value equal to the report', () => {
		const { container } = mount(full);
		const shown = [...container.querySelectorAll('[data-metric]')];
		expect(shown.length).toBeGreaterThanOrEqual(SHOWN_IDS.length);
		for (const el of shown) {
			const id = el.getAttribute('data-metric')!;
			expect(full.metrics, id).toHaveProperty([id]);
			expect(el.getAttribute('data-value'), id).toBe(String(full.metrics[id] ?? ''));
		}
		const ids = new Set(shown.map((el) => el.getAttribute('data-metric')));
		for (const id of SHOWN_IDS) expect(ids.has(id), id).toBe(true);
		expect(container.querySelector('h1')).toHaveTextContent('Customers');
		expect(within(container).getByRole('button', { name: 'Download metrics (JSON)' })).toBeEnabled();
	});

	it('draws the RFM grid over every customer with an order, and lists the named segments', () => {
		const { container } = mount(full);
		const rfm = section(container, 'RFM segments');
		const grid = rfm.querySelector('figure[aria-label^="RFM grid"]')!;
		expect(grid.querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(25);
		const counts = [...grid.querySelectorAll('g[aria-label="text"] text')].map((t) => Number(t.textContent));
		// Each person with an order has one (R, F) pair: the 25 counts add up to behaviour.customers.
		expect(counts.reduce((s, n) => s + n, 0)).toBe(full.metrics['behaviour.customers']);
		const rows = [...rfm.querySelectorAll('table tbody tr')];
		expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(RFM_SEGMENTS.map((s) => s.name));
		// Segment counts add up to the same people, and shares to 100 %.
		const customers = values(rows.map((r) => r.querySelectorAll('td')[2]));
		expect(customers.reduce((s, n) => s + n, 0)).toBe(full.metrics['behaviour.customers']);
		expect(values(rows.map((r) => r.querySelectorAll('td')[3])).reduce((s, n) => s + n, 0)).toBeCloseTo(100, 9);
		expect(rfm.querySelector('figure[aria-label="Customers per RFM segment"] svg')).not.toBeNull();
	});

	it('draws the three per-customer distributions', () => {
		const { container } = mount(full);
		for (const label of ['days between orders', 'value per 30 days', 'lifetime value']) {
			const figure = container.querySelector(`figure[aria-label="Distribution of ${label} per customer"]`)!;
			expect(figure.querySelectorAll('g[aria-label="rect"] rect').length, label).toBeGreaterThan(1);
		}
		// cv30 and CLV cover every buyer; the cycle only repeat buyers = repeat_rate × customers.
		const notes = [...container.querySelectorAll('.note [data-value]')].map((n) => Number(n.getAttribute('data-value')));
		const buyers = full.metrics['behaviour.customers']!;
		expect(notes).toEqual([Math.round(full.metrics['behaviour.repeat_rate']! * buyers), buyers, buyers]);
	});

	it('lists the top 20 customers by spend, and sorts by a column when its header button is clicked', async () => {
		const { container } = mount(full);
		const table = section(container, 'Top customers').querySelector('table')!;
		const spend = () => values(table.querySelectorAll('tbody tr td:nth-of-type(2)'));
		const byCustomer = full.breakdowns['value.clv.by_customer'];
		const top = byCustomer.map((r) => r.monetary as number).sort((a, b) => b - a);
		expect(spend()).toEqual(top.slice(0, 20));
		const orders = within(table).getByRole('button', { name: /^Orders/ });
		await fireEvent.click(orders);
		expect(orders.closest('th')).toHaveAttribute('aria-sort', 'descending');
		const most = byCustomer.map((r) => r.orders as number).sort((a, b) => b - a);
		expect(values(table.querySelectorAll('tbody tr td:nth-of-type(1)'))).toEqual(most.slice(0, 20));
		await fireEvent.click(orders);
		expect(orders.closest('th')).toHaveAttribute('aria-sort', 'ascending');
		expect(values(table.querySelectorAll('tbody tr td:nth-of-type(1)'))).toEqual([...most].reverse().slice(0, 20));
		// Each row's segment is the customer's RFM segment.
		const rfm = new Map(full.breakdowns['value.rfm.by_customer'].map((r) => [r.customer, r.segment]));
		for (const tr of table.querySelectorAll('tbody tr')) {
			expect(tr.querySelector('td:last-child')!.textContent).toBe(rfm.get(tr.querySelector('th')!.textContent));
		}
	});

	it('shows customer ids as text, never as markup', () => {
		const evil = '<img src=x onerror=alert(1)>';
		const rows = full.breakdowns['value.clv.by_customer'].map((r, i) => (i === 0 ? { ...r, customer: evil, monetary: 1e12 } : r));
		const { container } = render(TopCustomers, {
			props: { report: { ...full, breakdowns: { ...full.breakdowns, 'value.clv.by_customer': rows } } }
		});
		expect(container.querySelector('tbody th')!.textContent).toBe(evil);
		expect(container.querySelector('img')).toBeNull();
	});

	it('derives cohorts covering every buyer once, each starting at 100 %', () => {
		const { container } = mount(full);
		const rows = [...section(container, 'Cohort retention (approximate)').querySelectorAll('details tbody tr')];
		expect(rows.length).toBeGreaterThan(1);
		const sizes = values(rows.map((r) => r.querySelectorAll('td')[0]));
		expect(sizes.reduce((s, n) => s + n, 0)).toBe(full.metrics['behaviour.customers']);
		for (const r of rows) expect(r.querySelectorAll('td')[1]).toHaveAttribute('data-value', '1');
	});
});

describe('customers page, three hand-worked customers without feedback', () => {
	it('shows the hand-worked numbers', () => {
		const { container } = mount(small);
		const shown = (id: string) => Number(container.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-value'));
		// c1: Jan 1 → Jan 31 over 2 gaps = 15 days; c2: Feb 1 → Feb 21 over 1 gap = 20 days; c3 has one order.
		expect(shown('value.cycle_days.median')).toBeCloseTo((15 + 20) / 2, 9);
		expect(shown('value.cycle_days.mean')).toBeCloseTo(17.5, 9);
		expect(shown('behaviour.customers')).toBe(3);
		// Orders per customer 3, 2, 1: mean 2, median 2; 2 of 3 bought again.
		expect(shown('behaviour.purchase_count.mean')).toBe(2);
		expect(shown('behaviour.repeat_rate')).toBeCloseTo(2 / 3, 12);
		// cv30 = AOV × 30 / cycle: c1 200 × 30 / 15 = 400; c2 100 × 30 / 20 = 150; c3 90 × 30 / 17.5 (median cycle) ≈ 154.29.
		expect(shown('value.cv30.median')).toBeCloseTo((90 * 30) / 17.5, 9);
		expect(shown('value.cv30.sum')).toBeCloseTo(400 + 150 + (90 * 30) / 17.5, 9);
	});

	it('lists the customers by spend with their cycle, value and RFM segment', () => {
		const { container } = mount(small);
		const rows = [...section(container, 'Top customers').querySelectorAll('tbody tr')].map((tr) => [
			tr.querySelector('th')!.textContent,
			...[...tr.querySelectorAll('td[data-value]')].map((td) =>
				td.getAttribute('data-value') === '' ? null : Number(td.getAttribute('data-value'))
			),
			tr.querySelector('td:last-child')!.textContent
		]);
		// Reference date 2025-03-05 (the newest order). Recency 33, 12, 0 days → R 1, 2, 3; F and M both 3, 2, 1
		// (ntile(5) over 3 people). c1: R 1, (F+M)/2 = 3 → At risk; c2: R 2, 2 → About to sleep; c3: R 3, 1 → Need attention.
		// Columns: orders, spend, AOV, cycle (none for a single order), cv30, CLV = cv30 × 12.
		const cv3 = (90 * 30) / 17.5;
		expect(rows[0]).toEqual(['c1', 3, 600, 200, 15, 400, 4800, 'At risk']);
		expect(rows[1]).toEqual(['c2', 2, 200, 100, 20, 150, 1800, 'About to sleep']);
		expect(rows[2].slice(0, 5)).toEqual(['c3', 1, 90, 90, null]);
		expect(rows[2][5]).toBeCloseTo(cv3, 9);
		expect(rows[2][6]).toBeCloseTo(cv3 * 12, 9);
		expect(rows[2][7]).toBe('Need attention');
	});

	it('says why satisfaction is unavailable', () => {
		const { container } = mount(small);
		expect(small.unavailable['value.csat_pct']).toBe('needs feedback.score');
		expect(section(container, 'Satisfaction').querySelector('.reason')).toHaveTextContent('Not available: needs feedback.score.');
		const feedback = container.querySelector('[data-metric="behaviour.feedback_count"]')!;
		expect(feedback).toHaveAttribute('data-unavailable', 'needs feedback.score');
		expect(feedback).not.toHaveAttribute('data-value');
	});

	it('shows approximate retention from first and last orders up to the reference month', () => {
		const { container } = mount(small);
		const rows = [...section(container, 'Cohort retention (approximate)').querySelectorAll('details tbody tr')];
		const table = rows.map((r) => [
			r.querySelector('th')!.textContent,
			...[...r.querySelectorAll('td')].map((td) => td.getAttribute('data-value'))
		]);
		// Reference month 2025-03. Jan cohort (c1, last order Jan): 1 customer, 100 %, then 0 in Feb and Mar.
		// Feb cohort (c2, last Feb): 100 %, 0 in Mar. Mar cohort (c3): 100 %. Months past the reference month are empty.
		expect(table).toEqual([
			['2025-01', '1', '1', '0', '0'],
			['2025-02', '1', '1', '0', ''],
			['2025-03', '1', '1', '', '']
		]);
	});
});
