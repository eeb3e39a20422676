import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TableInfo } from '../../src/lib/engine/engine';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { tableNameFromFile } from '../../src/lib/engine/table-name';
import type { MetricsReport } from '../../src/lib/metrics';
import { buildReport } from '../../src/lib/report/report';
import { parseCsv } from '../helpers/csv-records';
import { sharedDir } from '../helpers/shared';

/**
 * The compiled `crm-pulse report` over the Olist folder: the same numbers as buildReport in
 * process, and filters that move the numbers as our own computation over the CSV text says.
 */

const dir = sharedDir('datasets', 'olist');
const DAY = 86_400_000;
const SALE = (status: string) => !['canceled', 'cancelled', 'unavailable'].includes(status);

function read(file: string): Record<string, string>[] {
	const [header, ...records] = parseCsv(readFileSync(join(dir, file), 'utf8'));
	return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
const ms = (text: string): number | null => (text ? Date.parse(text.replace(' ', 'T') + 'Z') : null);
const text = (t: number) => new Date(t).toISOString().slice(0, 19).replace('T', ' ');
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const person = new Map(read('olist_customers_dataset.csv').map((r) => [r.customer_id, r.customer_unique_id]));
const orders = read('olist_orders_dataset.csv').map((r) => ({
	person: person.get(r.customer_id)!,
	status: r.order_status,
	purchase: ms(r.order_purchase_timestamp)!,
	carrier: ms(r.order_delivered_carrier_date),
	delivered: ms(r.order_delivered_customer_date)
}));
const reviewDates = read('olist_order_reviews_dataset.csv').map((r) => ms(r.review_creation_date)!);

/** Days from each buyer's last sale (as a date) to `ref`, median over buyers: RFM recency. */
function recencyMedian(ref: string): number {
	const last = new Map<string, number>();
	for (const o of orders.filter((o) => SALE(o.status))) last.set(o.person, Math.max(last.get(o.person) ?? 0, o.purchase));
	const refDay = Date.parse(ref.slice(0, 10) + 'T00:00:00Z');
	return median([...last.values()].map((t) => (refDay - Math.floor(t / DAY) * DAY) / DAY));
}

const tmp = mkdtempSync(join(tmpdir(), 'crm-pulse-olist-'));
const exec = promisify(execFile);
async function cli(...args: string[]): Promise<MetricsReport> {
	const { stdout } = await exec('node', ['bin/crm-pulse.mjs', 'report', dir, '--json', ...args], { maxBuffer: 512 * 1024 * 1024 });
	return JSON.parse(stdout) as MetricsReport;
}

const engine = new NodeEngine();
let full: MetricsReport;
let inProcess: MetricsReport;
let ranged: MetricsReport;
let referenced: MetricsReport;
let unmappedChannel: MetricsReport;
let statusChannel: MetricsReport;

beforeAll(async () => {
	execFileSync('npm', ['run', 'build:cli'], { stdio: 'pipe' });
	const t0 = performance.now();
	full = await cli();
	console.log(`crm-pulse report on the Olist folder (9 files): ${Math.round(performance.now() - t0)} ms wall time`);

	await engine.ready();
	const tables: Array<{ info: TableInfo; fileName: string }> = [];
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.csv'))
		.sort()) {
		const { table } = await engine.load({ table: tableNameFromFile(file), source: { kind: 'path', path: join(dir, file), name: file } });
		tables.push({ info: table, fileName: file });
	}
	inProcess = (await buildReport(engine, tables)).metrics;

	// Olist orders carry no channel; this config maps the status onto it as well, to have one.
	const config = join(tmp, 'status-as-channel.json');
	const mapping = {
		order_id: 'order_id',
		customer_id: 'customer_id',
		status: 'order_status',
		channel: 'order_status',
		ordered_at: 'order_purchase_timestamp',
		approved_at: 'order_approved_at',
		shipped_at: 'order_delivered_carrier_date',
		delivered_at: 'order_delivered_customer_date',
		promised_at: 'order_estimated_delivery_date'
	};
	writeFileSync(config, JSON.stringify({ version: 1, tables: { olist_orders_dataset: { mapping } } }));
	[ranged, referenced, unmappedChannel, statusChannel] = await Promise.all([
		cli('--from', '2018-01-01', '--to', '2018-03-31'),
		cli('--reference-date', '2019-01-01'),
		cli('--channel', 'credit_card'),
		cli('--config', config, '--channel', 'shipped')
	]);
}, 600_000);
afterAll(async () => {
	await engine.close();
	rmSync(tmp, { recursive: true, force: true });
});

/** Everything but freshness, which counts days up to the moment each report ran. */
const timeless = (metrics: Record<string, number | null>) =>
	Object.fromEntries(Object.entries(metrics).filter(([id]) => !id.startsWith('quality.freshness_days.')));

describe('crm-pulse report ../shared/datasets/olist --json', () => {
	it('has the export shape', () => {
		expect(Object.keys(full)).toEqual(['generatedAt', 'referenceDate', 'filters', 'metrics', 'unavailable', 'breakdowns']);
		expect(new Date(full.generatedAt).toISOString()).toBe(full.generatedAt);
		expect(full.filters).toEqual({});
		for (const value of Object.values(full.metrics)) expect(value === null || Number.isFinite(value)).toBe(true);
		for (const reason of Object.values(full.unavailable)) expect(reason).toMatch(/^(needs|channel filter|date filter|segment filter) /);
		for (const rows of Object.values(full.breakdowns)) expect(Array.isArray(rows)).toBe(true);
	});

	it('gives the numbers of buildReport run in process on the same files', () => {
		expect(full.referenceDate).toBe(inProcess.referenceDate);
		expect(timeless(full.metrics)).toEqual(timeless(inProcess.metrics));
		for (const id of Object.keys(inProcess.metrics).filter((id) => id.startsWith('quality.freshness_days.')))
			expect(Math.abs(full.metrics[id]! - inProcess.metrics[id]!)).toBeLessThan(0.01);
		expect(full.unavailable).toEqual(inProcess.unavailable);
		expect(full.breakdowns).toEqual(inProcess.breakdowns);
	});

	it('takes the newest purchase or review date as the reference date, and recency from it', () => {
		const newest = Math.max(...orders.map((o) => o.purchase), ...reviewDates);
		expect(full.referenceDate).toBe(text(newest));
		expect(full.metrics['value.rfm.recency_median']).toBe(recencyMedian(text(newest)));
	});
});

describe('options move the numbers as the raw files say', () => {
	const from = Date.parse('2018-01-01T00:00:00Z');
	const after = Date.parse('2018-04-01T00:00:00Z'); // the day after --to
	const inRange = orders.filter((o) => o.purchase >= from && o.purchase < after);

	it('--from/--to: orders, delivery times and the reference date of the range', () => {
		expect(ranged.filters).toEqual({ from: '2018-01-01', to: '2018-03-31' });
		expect(ranged.metrics['behaviour.orders']).toBe(inRange.filter((o) => SALE(o.status)).length);
		const days = inRange.filter((o) => o.delivered !== null).map((o) => (o.delivered! - o.purchase) / DAY);
		expect(ranged.metrics['process.delivery_days.p50']).toBeCloseTo(median(days), 9);
		// The newest purchase or review up to the end of the range.
		const newest = Math.max(...[...orders.map((o) => o.purchase), ...reviewDates].filter((t) => t < after));
		expect(ranged.referenceDate).toBe(text(newest));
		expect(ranged.metrics['quality.rows.orders']).toBe(8135); // quality ignores filters
	});

	it('--from/--to: churn against the 90 days before', () => {
		// 2018-01-01..2018-03-31 is 31 + 28 + 31 = 90 days, so the period before is 2017-10-03..2017-12-31.
		expect(ranged.breakdowns['channel.churn_pct.periods']).toEqual([
			{ previous_from: '2017-10-03', previous_to: '2017-12-31', from: '2018-01-01', to: '2018-03-31' }
		]);
		const buyers = (start: number, end: number) =>
			new Set(orders.filter((o) => SALE(o.status) && o.purchase >= start && o.purchase < end).map((o) => o.person));
		const previous = buyers(Date.parse('2017-10-03T00:00:00Z'), from);
		const current = buyers(from, after);
		const lost = [...previous].filter((p) => !current.has(p)).length;
		expect(ranged.metrics['channel.churn_pct']).toBeCloseTo((100 * lost) / previous.size, 9);
	});

	it('--reference-date: recency counted to that day', () => {
		expect(referenced.referenceDate).toBe('2019-01-01 00:00:00');
		expect(referenced.metrics['value.rfm.recency_median']).toBe(recencyMedian('2019-01-01'));
		expect(referenced.metrics['behaviour.orders']).toBe(full.metrics['behaviour.orders']);
	});

	it('--channel without a channel column: what it filters is unavailable, quality is unchanged', () => {
		expect(unmappedChannel.filters).toEqual({ channel: 'credit_card' });
		for (const id of ['behaviour.orders', 'behaviour.revenue', 'process.delivery_days', 'value.rfm'])
			expect(unmappedChannel.unavailable[id], id).toBe('channel filter needs orders.channel');
		const quality = (r: MetricsReport) =>
			timeless(Object.fromEntries(Object.entries(r.metrics).filter(([id]) => id.startsWith('quality.'))));
		expect(quality(unmappedChannel)).toEqual(quality(full));
	});

	it('--channel with a channel mapped by --config: that channel only', () => {
		const shipped = orders.filter((o) => o.status === 'shipped');
		expect(statusChannel.metrics['behaviour.orders']).toBe(shipped.length);
		const hours = shipped.filter((o) => o.carrier !== null && o.carrier >= o.purchase).map((o) => (o.carrier! - o.purchase) / 3_600_000);
		expect(statusChannel.metrics['process.order_processing_hours.p50']).toBeCloseTo(median(hours), 9);
	});
});
