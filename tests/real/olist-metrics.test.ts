import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableInfo } from '../../src/lib/engine/engine';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { tableNameFromFile } from '../../src/lib/engine/table-name';
import type { MetricsReport } from '../../src/lib/metrics';
import type { ReportConfig } from '../../src/lib/report/config';
import { buildReport, type Report } from '../../src/lib/report/report';
import { parseCsv } from '../helpers/csv-records';
import { sharedDir } from '../helpers/shared';

/**
 * The known facts of ../shared/datasets/README.md (Olist subset) must come out of the metric
 * library exactly. Numbers not stated there are computed here from the CSV text with the
 * test's own RFC 4180 reader, never taken from the library.
 */

const dir = sharedDir('datasets', 'olist');
const ORDERS = 8135; // README: olist_orders_dataset.csv rows
const REVIEWS = 8225; // README: review records
const DAY = 86_400_000;

type Row = Record<string, string>;
function read(file: string): Row[] {
	const [header, ...records] = parseCsv(readFileSync(join(dir, file), 'utf8'));
	return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
/** `YYYY-MM-DD HH:MM:SS` as epoch ms (the data has no zone; UTC throughout), or null when empty. */
const ms = (text: string): number | null => (text.trim() ? Date.parse(text.trim().replace(' ', 'T') + 'Z') : null);
const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length / 2;
	return s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
};
const sumBy = (rows: Row[], key: (r: Row) => number) => {
	const out = new Map<string, number>();
	for (const r of rows) out.set(r.order_id, (out.get(r.order_id) ?? 0) + key(r));
	return out;
};

/** Independent facts from the CSV text. */
const orders = read('olist_orders_dataset.csv').map((r) => ({
	id: r.order_id,
	customer: r.customer_id,
	status: r.order_status,
	purchase: ms(r.order_purchase_timestamp)!,
	approved: ms(r.order_approved_at),
	carrier: ms(r.order_delivered_carrier_date),
	delivered: ms(r.order_delivered_customer_date)
}));
const person = new Map(read('olist_customers_dataset.csv').map((r) => [r.customer_id, r.customer_unique_id]));
const items = sumBy(read('olist_order_items_dataset.csv'), (r) => Number(r.price) + Number(r.freight_value));
const payments = sumBy(read('olist_order_payments_dataset.csv'), (r) => Number(r.payment_value));
const reviews = read('olist_order_reviews_dataset.csv');
/** Sales: the library's default excluded statuses are canceled, cancelled and unavailable. */
const sales = orders.filter((o) => !['canceled', 'cancelled', 'unavailable'].includes(o.status));
const before = (end: number | null, start: number | null) => end !== null && start !== null && end < start;

function repeatBuyers(list: typeof orders): { people: number; repeat: number } {
	const count = new Map<string, number>();
	for (const o of list) count.set(person.get(o.customer)!, (count.get(person.get(o.customer)!) ?? 0) + 1);
	return { people: count.size, repeat: [...count.values()].filter((n) => n > 1).length };
}

const engine = new NodeEngine();
let base: Report;
let allStatuses: MetricsReport;
let paymentsOnly: MetricsReport;
const NOW = '2026-01-01 00:00:00';

beforeAll(async () => {
	await engine.ready();
	const tables: Array<{ info: TableInfo; fileName: string }> = [];
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
		const { table } = await engine.load({ table: tableNameFromFile(file), source: { kind: 'path', path: join(dir, file), name: file } });
		tables.push({ info: table, fileName: file });
	}
	const run = (config: ReportConfig) => buildReport(engine, tables, config, { now: NOW });
	base = await run({ version: 1 });
	allStatuses = (await run({ version: 1, settings: { excludedStatuses: [] } })).metrics;
	paymentsOnly = (await run({ version: 1, tables: { olist_order_items_dataset: { kind: 'other' } } })).metrics;
}, 300_000);
afterAll(() => engine.close());

const m = (id: string) => base.metrics.metrics[id];
const breakdown = <T>(id: string) => base.metrics.breakdowns[id] as T[];

describe('Olist through buildReport', () => {
	it('recognises the five CRM files and computes without errors', () => {
		const kinds = Object.fromEntries(base.tables.map((t) => [t.info.name, t.detection.kind]));
		expect(kinds).toMatchObject({
			olist_orders_dataset: 'orders',
			olist_customers_dataset: 'customers',
			olist_order_items_dataset: 'order_lines',
			olist_order_payments_dataset: 'payments',
			olist_order_reviews_dataset: 'feedback'
		});
		expect(base.tables.find((t) => t.info.name === 'olist_customers_dataset')?.detection.mapping.person_id).toBe('customer_unique_id');
		expect(Object.values(base.metrics.unavailable).filter((r) => r.startsWith('error'))).toEqual([]);
		expect(m('quality.rows.orders')).toBe(ORDERS);
	});

	it('missing approval, carrier and delivery dates: 146, 1,782 and 2,965 of 8,135', () => {
		// 146 / 8135 × 100 = 1.7947…, 1782 / 8135 × 100 = 21.905…, 2965 / 8135 × 100 = 36.447…
		const cases: [string, string, number][] = [
			['approved_at', 'order_approved_at', 146],
			['shipped_at', 'order_delivered_carrier_date', 1782],
			['delivered_at', 'order_delivered_customer_date', 2965]
		];
		for (const [canonical, raw, missing] of cases) {
			expect(m(`quality.missing_pct.orders.${canonical}`), canonical).toBeCloseTo((missing / ORDERS) * 100, 10);
			expect(m(`quality.missing_pct.olist_orders_dataset.${raw}`), raw).toBeCloseTo((missing / ORDERS) * 100, 10);
		}
	});

	it('out-of-order steps and status contradictions, rule by rule', () => {
		// Our own counts of what README does not state: approval / delivery before purchase (none),
		// "shipped"/"delivered" without a carrier date.
		const approvedFirst = orders.filter((o) => before(o.approved, o.purchase)).length;
		const deliveredFirst = orders.filter((o) => before(o.delivered, o.purchase)).length;
		const noCarrier = orders.filter((o) => ['shipped', 'delivered'].includes(o.status) && o.carrier === null).length;
		// Amounts are sums of price + freight (or of payments), none negative in the files.
		expect(Math.min(...items.values(), ...payments.values())).toBeGreaterThanOrEqual(0);
		expect(breakdown('quality.invalid.orders.by_rule')).toEqual([
			{ rule: 'negative amount', rows: 0 },
			{ rule: 'approved_at before ordered_at', rows: approvedFirst },
			// README: 3 handed to the carrier before purchase.
			{ rule: 'shipped_at before ordered_at', rows: 3 },
			// README: 77 handed to the carrier before approval.
			{ rule: 'shipped_at before approved_at', rows: 77 },
			{ rule: 'delivered_at before ordered_at', rows: deliveredFirst },
			// README: 3 delivered before reaching the carrier.
			{ rule: 'delivered_at before shipped_at', rows: 3 },
			// README: 8 `delivered` with no delivery date, 6 `canceled` with one.
			{ rule: 'delivered without delivered_at', rows: 8 },
			{ rule: 'shipped without shipped_at', rows: noCarrier },
			{ rule: 'cancelled but delivered', rows: 6 }
		]);
		// quality.invalid counts rows breaking any rule once.
		const invalid = orders.filter(
			(o) =>
				before(o.approved, o.purchase) ||
				before(o.carrier, o.purchase) ||
				before(o.carrier, o.approved) ||
				before(o.delivered, o.purchase) ||
				before(o.delivered, o.carrier) ||
				(o.status === 'delivered' && o.delivered === null) ||
				(['shipped', 'delivered'].includes(o.status) && o.carrier === null) ||
				(o.status === 'canceled' && o.delivered !== null)
		);
		expect(m('quality.invalid.orders')).toBe(invalid.length);
	});

	it('the 77 hand-overs before approval include the 3 before purchase', () => {
		// Approval is never before purchase, so a hand-over before purchase is also one before approval.
		const early = orders.filter((o) => before(o.carrier, o.approved));
		expect(early.length).toBe(77);
		expect(orders.filter((o) => before(o.carrier, o.purchase)).every((o) => early.includes(o))).toBe(true);
	});

	it('negative process times are the steps out of order against the purchase', () => {
		// order_processing_hours runs purchase → carrier: the 3 hand-overs before purchase are negative.
		expect(m('process.order_processing_hours.negative')).toBe(3);
		// delivery_days runs purchase → delivery: the 3 deliveries before the carrier still come after
		// the purchase, so they are not negative; no delivery precedes its purchase.
		const deliveredBeforeCarrier = orders.filter((o) => before(o.delivered, o.carrier));
		expect(deliveredBeforeCarrier.length).toBe(3);
		expect(deliveredBeforeCarrier.every((o) => o.delivered! >= o.purchase)).toBe(true);
		expect(m('process.delivery_days.negative')).toBe(orders.filter((o) => before(o.delivered, o.purchase)).length);
	});

	it('purchase → delivered: median 10.3445 days, max 135.32', () => {
		const days = orders.filter((o) => o.delivered !== null).map((o) => (o.delivered! - o.purchase) / DAY);
		expect(m('process.delivery_days.p50')).toBeCloseTo(10.3445, 4); // README, quantile_cont
		expect(m('process.delivery_days.p50')).toBeCloseTo(median(days), 9);
		const max = Math.max(...days);
		expect(max).toBeCloseTo(135.32, 2); // README; the library has no max statistic
		expect(Math.min(...days)).toBeCloseTo(1.12, 2); // README min
		expect(m('process.delivery_days.p90')).toBeLessThanOrEqual(max);
		// The weekly breakdown covers every delivery exactly once: its counts and means add up
		// (8135 − 2965 orders with a delivery date, none before its purchase).
		const weeks = breakdown<{ n: number; mean: number; p90: number; negative: number }>('process.delivery_days.by_week');
		expect(days.length).toBe(ORDERS - 2965);
		expect(weeks.reduce((s, w) => s + w.n, 0)).toBe(days.length);
		expect(weeks.reduce((s, w) => s + w.n * w.mean, 0)).toBeCloseTo(
			days.reduce((s, d) => s + d, 0),
			6
		);
		expect(weeks.every((w) => w.p90 <= max && w.negative === 0)).toBe(true);
	});

	it('28 review ids repeated, 34 rows beyond the first', () => {
		// README: 22 ids twice and 6 three times: 22 × 1 + 6 × 2 = 34 rows beyond the first.
		expect(m('quality.duplicate_keys.feedback')).toBe(34);
		expect(m('quality.duplicate_keys_pct.feedback')).toBeCloseTo((34 / REVIEWS) * 100, 10);
		expect(m('quality.duplicate_keys.olist_order_reviews_dataset')).toBe(34);
		// Conflicts: review ids whose rows differ in a mapped attribute (empty cells are missing, not values).
		const columns = { order_id: 'order_id', score: 'review_score', comment: 'review_comment_message', created_at: 'review_creation_date' };
		const differing = (column: string) => {
			const values = new Map<string, Set<string>>();
			for (const r of reviews) {
				if (!r[column].trim()) continue;
				if (!values.has(r.review_id)) values.set(r.review_id, new Set());
				values.get(r.review_id)!.add(r[column]);
			}
			return new Set([...values].filter(([, v]) => v.size > 1).map(([id]) => id));
		};
		const byColumn = Object.entries(columns).map(([column, raw]) => ({ column, keys: differing(raw).size }));
		expect(byColumn[0]).toEqual({ column: 'order_id', keys: 28 }); // every repeated id sits on different orders
		expect(breakdown('quality.conflicts.feedback.by_column')).toEqual(byColumn);
		const anyColumn = new Set(Object.values(columns).flatMap((raw) => [...differing(raw)]));
		expect(m('quality.conflicts.feedback')).toBe(anyColumn.size);
	});

	it('people with several orders, through customer_unique_id', () => {
		// All statuses: README's 73 people with more than one order.
		const all = repeatBuyers(orders);
		expect(all.repeat).toBe(73);
		expect(allStatuses.metrics['behaviour.customers']).toBe(all.people);
		expect(allStatuses.metrics['behaviour.repeat_rate']! * allStatuses.metrics['behaviour.customers']!).toBeCloseTo(73, 9);
		const perPerson = allStatuses.breakdowns['behaviour.purchase_count.by_customer'] as { orders: number }[];
		expect(perPerson.filter((p) => p.orders > 1).length).toBe(73);
		// Sales only (the default): cancelled and unavailable orders leave some of them single buyers.
		const sold = repeatBuyers(sales);
		expect(m('behaviour.orders')).toBe(sales.length);
		expect(m('behaviour.customers')).toBe(sold.people);
		expect(m('behaviour.repeat_rate')! * m('behaviour.customers')!).toBeCloseTo(sold.repeat, 9);
		expect(m('behaviour.active_customers')).toBe(all.people); // any status counts as activity
	});

	it('items and payments differ in 30 of 7,360 orders; amounts come from the items', () => {
		const withBoth = [...items.keys()].filter((id) => payments.has(id));
		expect(items.size).toBe(7360);
		expect(withBoth.length).toBe(7360);
		expect(withBoth.filter((id) => Math.abs(items.get(id)! - payments.get(id)!) > 0.01).length).toBe(30);
		// The library takes an order's amount from its lines, else its payments.
		const fromLines = sales.reduce((s, o) => s + (items.get(o.id) ?? payments.get(o.id) ?? 0), 0);
		expect(m('behaviour.revenue')).toBeCloseTo(fromLines, 4);
		// With the items file declared a plain table, amounts come from the payments alone.
		const fromPayments = sales.reduce((s, o) => s + (payments.get(o.id) ?? 0), 0);
		expect(paymentsOnly.metrics['behaviour.revenue']).toBeCloseTo(fromPayments, 4);
		expect(Math.abs(fromLines - fromPayments)).toBeGreaterThan(0.01);
	});
});
