import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { MetricsReport } from '../../src/lib/metrics';
import { parseCsv } from '../helpers/csv-records';
import { mountPage, reportOf } from './page-fixture';
import ChannelsPage from '../../src/routes/channels/+page.svelte';

// Vitest runs from the repository root.
const SAMPLE = join(process.cwd(), 'sample-data');
const SHOWN = [
	'channel.satisfaction',
	'channel.conversion',
	'channel.revenue',
	'channel.churn_pct',
	'channel.net_growth_pct',
	'campaign.success_rate',
	'campaign.conversion',
	'campaign.roi'
];

const mount = (report: MetricsReport) => mountPage(ChannelsPage, report);

const table = (root: HTMLElement, id: string) => root.querySelector(`table[data-breakdown="${id}"]`) as HTMLTableElement;
const cell = (t: HTMLTableElement, key: string, column: string) => {
	const row = [...t.querySelectorAll('tbody tr')].find((tr) => tr.getAttribute('data-key') === key);
	const td = row?.querySelector(`td[data-column="${column}"]`);
	if (!td) throw new Error(`no cell ${key}/${column}`);
	const raw = td.getAttribute('data-value');
	return raw === '' ? null : Number(raw);
};
const keys = (t: HTMLTableElement) => [...t.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-key'));

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
	// Orders only (no feedback, visits, contacts or campaigns), small enough to work churn out by hand.
	dir = mkdtempSync(join(tmpdir(), 'channels-page-'));
	const orders = [
		'order_id,customer_id,channel,status,amount,ordered_at',
		'o1,c1,web,paid,100,2025-01-10 10:00:00',
		'o2,c2,web,paid,50,2025-01-12 10:00:00',
		'o3,c3,app,paid,30,2025-01-15 10:00:00',
		'o4,c1,web,paid,80,2025-02-03 10:00:00',
		'o5,c4,app,paid,20,2025-02-10 10:00:00'
	];
	writeFileSync(join(dir, 'orders.csv'), orders.join('\n') + '\n');
	small = await reportOf(engines[1], [join(dir, 'orders.csv')]);
}, 120_000);
afterAll(async () => {
	for (const e of engines) await e.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('channels page, sample data', () => {
	it('shows the channel and campaign headline numbers with data-value equal to the report', () => {
		const { container } = mount(full);
		const shown = [...container.querySelectorAll('[data-metric]')];
		expect(shown.map((el) => el.getAttribute('data-metric')).sort()).toEqual([...SHOWN].sort());
		for (const el of shown) {
			const id = el.getAttribute('data-metric')!;
			expect(full.metrics[id], id).toEqual(expect.any(Number));
			expect(el.getAttribute('data-value'), id).toBe(String(full.metrics[id]));
		}
		expect(document.title).toBe('Channels & campaigns · CRM Pulse');
		expect(container.querySelector('h1')?.textContent).toBe('Channels & campaigns');
	});

	it('joins the channel breakdowns into one row per channel', () => {
		const { container } = mount(full);
		const t = table(container, 'channel.by_channel');
		const revenue = full.breakdowns['channel.revenue.by_channel'];
		const churn = full.breakdowns['channel.churn_pct.by_channel'];
		const satisfaction = full.breakdowns['channel.satisfaction.by_channel'];
		const conversion = full.breakdowns['channel.conversion.by_channel'];
		// Visits bring channels without orders (App): the table is the union of all four.
		const channels = new Set([...revenue, ...churn, ...satisfaction, ...conversion].map((r) => String(r.channel)));
		expect(new Set(keys(t))).toEqual(channels);
		for (const r of revenue) {
			for (const c of ['orders', 'revenue', 'aov']) expect(cell(t, String(r.channel), c), `${r.channel} ${c}`).toBe(r[c]);
		}
		for (const r of churn) {
			expect(cell(t, String(r.channel), 'churn_pct')).toBe(r.churn_pct);
			expect(cell(t, String(r.channel), 'net_growth_pct')).toBe(r.net_growth_pct);
		}
		for (const r of satisfaction) expect(cell(t, String(r.channel), 'satisfaction')).toBe(r.satisfaction);
		for (const r of conversion) expect(cell(t, String(r.channel), 'conversion')).toBe(r.conversion);
		// "web " (a trailing blank in the export) is told apart from "web" on screen.
		const shown = [...t.querySelectorAll('tbody th')].map((th) => th.textContent);
		expect(shown).toContain('"web "');
		expect(shown).toContain('web');
	});

	it('states the periods churn compares and how churn and net growth are defined', () => {
		const { container } = mount(full);
		// The newest timestamp of the sample is 2025-12-31, so December (to that day) is compared with November.
		expect(container.querySelector('[data-periods]')?.textContent).toContain(
			'customers active 2025-11-01…2025-11-30 and not 2025-12-01…2025-12-31'
		);
		const definition = container.querySelector('[data-definition="churn"]')?.textContent ?? '';
		expect(definition).toContain('100 × lost / previous');
		expect(definition).toContain('100 × (new − lost) / new');
	});

	it('shows each campaign with values computed independently from campaigns.csv', () => {
		const { container } = mount(full);
		const [header, ...records] = parseCsv(readFileSync(join(SAMPLE, 'campaigns.csv'), 'utf8'));
		const col = (name: string) => header.indexOf(name);
		const groups = new Map<string, string[][]>();
		for (const r of records) groups.set(r[col('campaign')], [...(groups.get(r[col('campaign')]) ?? []), r]);
		const t = table(container, 'campaign.by_campaign');
		expect(new Set(keys(t))).toEqual(new Set(groups.keys()));
		for (const [campaign, rows] of groups) {
			const sum = (name: string) => rows.reduce((s, r) => s + Number(r[col(name)] || 0), 0);
			// success rate = results 'success' / results given; conversion = 'true' / flags given; ROI = (revenue − cost) / cost.
			const results = rows.filter((r) => r[col('result')] !== '');
			const flags = rows.filter((r) => r[col('converted')] !== '');
			expect(cell(t, campaign, 'activities')).toBe(rows.length);
			expect(cell(t, campaign, 'success_rate')).toBeCloseTo(
				results.filter((r) => r[col('result')].trim().toLowerCase() === 'success').length / results.length,
				10
			);
			expect(cell(t, campaign, 'conversion')).toBeCloseTo(flags.filter((r) => r[col('converted')] === 'true').length / flags.length, 10);
			expect(cell(t, campaign, 'roi')).toBeCloseTo((sum('revenue') - sum('cost')) / sum('cost'), 8);
		}
		expect(table(container, 'campaign.by_channel')).not.toBeNull();
		for (const title of [
			'Success rate and conversion by campaign',
			'ROI by campaign',
			'Revenue by channel',
			'Churn and net growth by channel'
		]) {
			expect(container.querySelector(`figure[aria-label="${title}"] svg`), title).not.toBeNull();
		}
	});
});

describe('channels page, orders only', () => {
	it('shows churn, net growth and revenue worked out by hand', () => {
		const { container } = mount(small);
		const value = (id: string) => Number(container.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-value'));
		// Reference 2025-02-10: February 1–10 against January. Bought in January: c1, c2, c3; in February: c1, c4.
		// lost = c2, c3 (2); new = c4 (1). Churn = 100 × 2 / 3; net growth = 100 × (1 − 2) / 1.
		expect(value('channel.churn_pct')).toBeCloseTo((100 * 2) / 3, 10);
		expect(value('channel.net_growth_pct')).toBe(-100);
		// Revenue over all dates: 100 + 50 + 30 + 80 + 20.
		expect(value('channel.revenue')).toBe(280);
		expect(container.querySelector('[data-periods]')?.textContent).toContain(
			'customers active 2025-01-01…2025-01-31 and not 2025-02-01…2025-02-10'
		);
		const t = table(container, 'channel.by_channel');
		// web: January c1, c2; February c1 → lost c2: churn 100 × 1 / 2, no one new: net growth has no denominator.
		expect(cell(t, 'web', 'churn_pct')).toBe(50);
		expect(cell(t, 'web', 'net_growth_pct')).toBeNull();
		// app: January c3; February c4 → lost 1 of 1, new 1: churn 100, net growth 100 × (1 − 1) / 1 = 0.
		expect(cell(t, 'app', 'churn_pct')).toBe(100);
		expect(cell(t, 'app', 'net_growth_pct')).toBe(0);
		// web: 3 orders, 100 + 50 + 80 = 230, AOV 230 / 3; app: 2 orders, 30 + 20 = 50, AOV 25.
		expect(cell(t, 'web', 'orders')).toBe(3);
		expect(cell(t, 'web', 'revenue')).toBe(230);
		expect(cell(t, 'web', 'aov')).toBeCloseTo(230 / 3, 10);
		expect(cell(t, 'app', 'aov')).toBe(25);
		expect(keys(t)).toEqual(['web', 'app']);
	});

	it('says why satisfaction, conversion and the campaign figures are missing', () => {
		const { container } = mount(small);
		for (const id of ['channel.satisfaction', 'channel.conversion', 'campaign.success_rate', 'campaign.conversion', 'campaign.roi']) {
			const reason = small.unavailable[id];
			expect(reason, id).toMatch(/^needs /);
			const el = container.querySelector(`[data-metric="${id}"]`);
			expect(el?.getAttribute('data-unavailable'), id).toBe(reason);
			expect(el?.hasAttribute('data-value'), id).toBe(false);
		}
		const text = container.textContent ?? '';
		expect(text).toContain(`Satisfaction by channel not available: ${small.unavailable['channel.satisfaction']}.`);
		expect(text).toContain(`Conversion by channel not available: ${small.unavailable['channel.conversion']}.`);
		expect(text).toContain(`Not available: ${small.unavailable['campaign.roi']}.`);
		expect(table(container, 'campaign.by_campaign')).toBeNull();
	});
});
