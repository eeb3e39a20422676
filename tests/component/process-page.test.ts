// The process times page over a real NodeEngine: the sample data (every number shown equals the
// report), small hand-made files whose times are worked out in the comments, and missing inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { MetricsReport } from '../../src/lib/metrics';
import { mountPage, reportOf } from './page-fixture';
import { PALETTE } from '../../src/lib/charts/plot-document';
import ProcessPage from '../../src/routes/process/+page.svelte';

const SAMPLE = join(process.cwd(), 'sample-data');

const mount = (report: MetricsReport) => mountPage(ProcessPage, report);

const value = (root: HTMLElement, id: string) => Number(root.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-value'));
const text = (root: HTMLElement, id: string) => root.querySelector(`[data-metric="${id}"]`)?.textContent;
const section = (root: HTMLElement, anchor: string) => root.querySelector(`section#${anchor}`) as HTMLElement;
const card = (root: HTMLElement, anchor: string, title: string) =>
	[...section(root, anchor).querySelectorAll('.card')].find((c) => c.querySelector('h3')?.textContent === title) as HTMLElement;
/** A breakdown table as text rows, header first. */
const table = (root: HTMLElement, id: string) =>
	[...root.querySelectorAll(`table[data-breakdown="${id}"] tr`)].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));

let full: MetricsReport;
let small: MetricsReport;
let ordersOnly: MetricsReport;
let noCategory: MetricsReport;
const engines: NodeEngine[] = [];
let dir: string;

/**
 * Orders — processing (shipped − ordered): O1 10 h, O2 20 h, O3 30 h, O4 −24 h (negative, left out).
 * Delivery (delivered − ordered): O1 2 d, O2 4 d, O3 1.5 d. Promises are dates (midnight): O2 is
 * delivered on 6 Jan after a 5 Jan promise (late); O3 on its promised day (on time); O1 early.
 * Tickets — resolution: T1 12 h, T2 72 h; T3 still open. First response: 1 h, 2 h, 4 h.
 * Communications — K1 10 min and K2 20 min (customer C1), K3 45 min (C2).
 * Reference date 2024-01-06 00:00, so T3 (created 3 Jan) is 72 h old.
 */
const ORDERS = [
	'order_id,customer_id,channel,ordered_at,shipped_at,delivered_at,promised_at',
	'O1,C1,web,2024-01-01 00:00:00,2024-01-01 10:00:00,2024-01-03 00:00:00,2024-01-04 00:00:00',
	'O2,C2,web,2024-01-02 00:00:00,2024-01-02 20:00:00,2024-01-06 00:00:00,2024-01-05 00:00:00',
	'O3,C3,shop,2024-01-03 00:00:00,2024-01-04 06:00:00,2024-01-04 12:00:00,2024-01-04 00:00:00',
	'O4,C1,shop,2024-01-04 00:00:00,2024-01-03 00:00:00,,'
];
const TICKETS = [
	'ticket_id,customer_id,channel,category,status,created_at,first_response_at,resolved_at',
	'T1,C1,web,billing,closed,2024-01-01 00:00:00,2024-01-01 01:00:00,2024-01-01 12:00:00',
	'T2,C2,web,delivery,closed,2024-01-02 00:00:00,2024-01-02 02:00:00,2024-01-05 00:00:00',
	'T3,C3,shop,billing,open,2024-01-03 00:00:00,2024-01-03 04:00:00,'
];
const COMMUNICATIONS = [
	'contact_id,customer_id,channel,agent,started_at,ended_at',
	'K1,C1,phone,Ann,2024-01-01 09:00:00,2024-01-01 09:10:00',
	'K2,C1,phone,Bob,2024-01-02 09:00:00,2024-01-02 09:20:00',
	'K3,C2,email,Ann,2024-01-03 09:00:00,2024-01-03 09:45:00'
];

beforeAll(async () => {
	const sample = readdirSync(SAMPLE)
		.filter((f) => f.endsWith('.csv'))
		.map((f) => join(SAMPLE, f));
	engines.push(new NodeEngine(), new NodeEngine(), new NodeEngine(), new NodeEngine());
	full = await reportOf(engines[0], sample);
	dir = mkdtempSync(join(tmpdir(), 'process-page-'));
	const files = { 'orders.csv': ORDERS, 'tickets.csv': TICKETS, 'communications.csv': COMMUNICATIONS };
	for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), lines.join('\n') + '\n');
	small = await reportOf(
		engines[1],
		Object.keys(files).map((f) => join(dir, f)),
		{ version: 1, settings: { referenceDate: '2024-01-06' } }
	);
	ordersOnly = await reportOf(engines[2], [join(SAMPLE, 'orders.csv')]);
	// The same tickets without their category column.
	mkdirSync(join(dir, 'plain'));
	const plain = TICKETS.map((line) =>
		line
			.split(',')
			.filter((_, i) => i !== 3)
			.join(',')
	);
	writeFileSync(join(dir, 'plain', 'tickets.csv'), plain.join('\n') + '\n');
	noCategory = await reportOf(engines[3], [join(dir, 'plain', 'tickets.csv')], { version: 1, settings: { referenceDate: '2024-01-06' } });
}, 180_000);
afterAll(async () => {
	for (const e of engines) await e.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('process page, sample data', () => {
	it('shows every process headline number with data-value equal to the report', () => {
		const { container } = mount(full);
		const shown = [...container.querySelectorAll('[data-metric]')];
		const ids = shown.map((el) => el.getAttribute('data-metric')!);
		const expected = Object.keys(full.metrics).filter((id) => id.startsWith('process.'));
		// 4 durations × (p50, p90, mean, negative) + late, SLA, backlog + communication mean, per customer, negative.
		expect(expected).toHaveLength(4 * 4 + 3 + 3);
		expect([...new Set(ids)].sort()).toEqual(expected.sort());
		for (const el of shown) {
			const id = el.getAttribute('data-metric')!;
			expect(full.metrics[id], id).toEqual(expect.any(Number));
			expect(el.getAttribute('data-value'), id).toBe(String(full.metrics[id]));
		}
		expect(document.title).toBe('Process times · CRM Pulse');
		expect(container.querySelector('[data-unavailable]')).toBeNull();
	});

	it('draws p50 and p90 by week as two Okabe–Ito lines with a legend in each duration section', () => {
		const { container } = mount(full);
		for (const anchor of ['order-processing', 'delivery', 'resolution', 'first-response']) {
			const figure = section(container, anchor).querySelector('figure[aria-label="Median and p90 by week"]') as HTMLElement;
			const strokes = [...figure.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute('stroke'));
			expect(strokes, anchor).toEqual(PALETTE.slice(0, 2));
			expect([...figure.querySelectorAll('span')].map((s) => s.textContent)).toEqual(['median (p50)', '90th percentile (p90)']);
		}
	});

	it('has a table under every breakdown chart, one row per breakdown row, and the backlog by age', () => {
		const { container } = mount(full);
		const tables = [...container.querySelectorAll('table[data-breakdown]')].map((t) => t.getAttribute('data-breakdown')!);
		expect(tables).toContain('process.backlog.by_age');
		for (const id of tables) {
			const rows = container.querySelectorAll(`table[data-breakdown="${id}"] tbody tr`).length;
			const expected = id.endsWith('.by_customer') ? Math.min(10, full.breakdowns[id].length) : full.breakdowns[id].length;
			expect(rows, id).toBe(expected);
		}
		const ages = table(container, 'process.backlog.by_age').slice(1);
		expect(ages.map((r) => r[0])).toEqual(['< 1 day', '1–3 days', '3–7 days', '7–30 days', '≥ 30 days']);
		expect(container.querySelector('figure[aria-label="Open tickets by age"] svg')).not.toBeNull();
	});

	it('links each section from the contents, every section with a heading', () => {
		const { container } = mount(full);
		const links = [...container.querySelectorAll('nav[aria-label="On this page"] a')];
		expect(links).toHaveLength(8);
		for (const a of links) {
			const target = container.querySelector(a.getAttribute('href')!) as HTMLElement;
			expect(target?.tagName, a.textContent!).toBe('SECTION');
			expect(target.querySelector('h2')).not.toBeNull();
		}
		expect([...container.querySelectorAll('h1')].map((h) => h.textContent)).toEqual(['Process times']);
	});
});

describe('process page, times worked out by hand', () => {
	it('shows the order times, the negative one as a data-quality note', () => {
		const { container } = mount(small);
		// Processing 10, 20, 30 h: p50 20; p90 at position 0.9 × 2 = 1.8 → 20 + 0.8 × 10 = 28; mean 20.
		expect(value(container, 'process.order_processing_hours.p50')).toBeCloseTo(20, 9);
		expect(value(container, 'process.order_processing_hours.p90')).toBeCloseTo(28, 9);
		expect(value(container, 'process.order_processing_hours.mean')).toBeCloseTo(20, 9);
		expect(text(container, 'process.order_processing_hours.p90')).toBe('28 h');
		expect(value(container, 'process.order_processing_hours.negative')).toBe(1);
		expect(section(container, 'order-processing').querySelector('aside[aria-label="Data quality"]')).toHaveTextContent(
			'1 order shipped before it was ordered — left out of these times.'
		);
		// Delivery 1.5, 2, 4 d: p50 2; p90 at 1.8 → 2 + 0.8 × 2 = 3.6; mean 7.5 / 3 = 2.5.
		expect(value(container, 'process.delivery_days.p50')).toBeCloseTo(2, 9);
		expect(value(container, 'process.delivery_days.p90')).toBeCloseTo(3.6, 9);
		expect(text(container, 'process.delivery_days.mean')).toBe('2.5 d');
		expect(section(container, 'delivery')).toHaveTextContent('0 orders delivered before they were ordered.');
		// 1 late (O2) of 3 delivered with a promise.
		expect(value(container, 'process.late_delivery_pct')).toBeCloseTo(100 / 3, 9);
		expect(text(container, 'process.late_delivery_pct')).toBe('33.3%');
	});

	it('lists processing time by channel in the order of the chart, with units', () => {
		const { container } = mount(small);
		// shop: O3 30 h (O4 negative); web: O1 10, O2 20 → p50 15, p90 10 + 0.9 × 10 = 19, mean 15.
		expect(table(container, 'process.order_processing_hours.by_channel')).toEqual([
			['Channel', 'Orders measured', 'Median', 'p90', 'Mean', 'Negative (left out)'],
			['shop', '1', '30 h', '30 h', '30 h', '1'],
			['web', '2', '15 h', '19 h', '15 h', '0']
		]);
		const late = table(container, 'process.late_delivery_pct.by_channel');
		// web: O1 on time, O2 late → 50 %; shop: O3 on time → 0 %.
		expect(late.slice(1)).toEqual([
			['web', '2', '1', '50%'],
			['shop', '1', '0', '0%']
		]);
	});

	it('shows ticket times, the SLA setting, breaches and the backlog by age', () => {
		const { container } = mount(small);
		// Resolution 12, 72 h: p50 42; p90 12 + 0.9 × 60 = 66.
		expect(value(container, 'process.ticket_resolution_hours.p50')).toBeCloseTo(42, 9);
		expect(value(container, 'process.ticket_resolution_hours.p90')).toBeCloseTo(66, 9);
		// First response 1, 2, 4 h: p50 2; p90 at 1.8 → 2 + 0.8 × 2 = 3.6.
		expect(value(container, 'process.first_response_hours.p50')).toBeCloseTo(2, 9);
		expect(text(container, 'process.first_response_hours.p90')).toBe('3.6 h');
		// SLA 48 h: T2 (72 h) breached, T3 open for 72 h breached, T1 (12 h) kept → 2 of 3.
		const setting = container.querySelector('[data-setting="slaHours"]')!;
		expect(setting.getAttribute('data-value')).toBe('48');
		expect(setting).toHaveTextContent('48 h');
		expect(value(container, 'process.sla_breach_pct')).toBeCloseTo(200 / 3, 9);
		// T3 is open, 72 h old: not under 72 h, so in 3–7 days.
		expect(value(container, 'process.backlog')).toBe(1);
		expect(table(container, 'process.backlog.by_age').slice(1)).toEqual([
			['< 1 day', '0'],
			['1–3 days', '0'],
			['3–7 days', '1'],
			['7–30 days', '0'],
			['≥ 30 days', '0']
		]);
	});

	it('shows communication minutes per contact and per customer', () => {
		const { container } = mount(small);
		// Contacts 10, 20, 45 min: mean 25. Customers C1 30, C2 45: mean 37.5.
		expect(value(container, 'process.communication_minutes.mean')).toBeCloseTo(25, 9);
		expect(text(container, 'process.communication_minutes.per_customer')).toBe('37.5 min');
		// Ann: 10 and 45 → mean 27.5, total 55; Bob: 20.
		expect(table(container, 'process.communication_minutes.by_agent').slice(1)).toEqual([
			['Ann', '2', '27.5 min', '55 min', '0'],
			['Bob', '1', '20 min', '20 min', '0']
		]);
		expect(table(container, 'process.communication_minutes.by_customer').slice(1)).toEqual([
			['C2', '1', '45 min'],
			['C1', '2', '30 min']
		]);
	});
});

describe('process page, missing inputs', () => {
	it('gives each ticket and communication section the reason instead of charts', () => {
		const { container } = mount(ordersOnly);
		const sections: [string, string][] = [
			['resolution', 'process.ticket_resolution_hours'],
			['first-response', 'process.first_response_hours'],
			['sla', 'process.sla_breach_pct'],
			['backlog', 'process.backlog'],
			['communications', 'process.communication_minutes']
		];
		for (const [anchor, id] of sections) {
			const reason = ordersOnly.unavailable[id];
			expect(reason, id).toMatch(/^needs (tickets|communications)\./);
			expect(section(container, anchor).querySelector('[data-unavailable]')).toHaveTextContent(`Not available: ${reason}`);
			expect(section(container, anchor).querySelector('svg'), anchor).toBeNull();
		}
		expect(value(container, 'process.order_processing_hours.p50')).toBe(ordersOnly.metrics['process.order_processing_hours.p50']);
	});

	it('says why a breakdown is missing when its column is', () => {
		const { container } = mount(noCategory);
		const reason = noCategory.unavailable['process.ticket_resolution_hours.by_category'];
		expect(reason).toBe('needs tickets.category');
		expect(card(container, 'resolution', 'By category: median, p90 and mean')).toHaveTextContent(`Not available: ${reason}`);
		// The by-channel breakdown of the same metric is still drawn.
		expect(card(container, 'resolution', 'By channel: median, p90 and mean').querySelector('svg')).not.toBeNull();
		expect(value(container, 'process.ticket_resolution_hours.p50')).toBeCloseTo(42, 9);
	});
});
