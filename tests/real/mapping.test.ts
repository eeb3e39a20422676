// Recognition of real exports in ../shared/datasets (header fixtures and the Olist subset),
// and canonical views over Olist checked against the facts stated in its README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind } from '../../src/lib/canonical/schema';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { buildCanonicalViews, typesOf, type DetectedFile } from '../../src/lib/mapping/build-views';
import { detectKind } from '../../src/lib/mapping/detect-kind';
import { profileFromHeader, profileTable } from '../../src/lib/mapping/profile';
import type { Detection, Profile } from '../../src/lib/mapping/types';
import { parseCsv } from '../helpers/csv-records';
import { sharedDir } from '../helpers/shared';

const headersDir = sharedDir('datasets', 'headers');
const olistDir = sharedDir('datasets', 'olist');
const engine = new NodeEngine();

interface Seen {
	profile: Profile;
	detection: Detection;
	/** Why the file was profiled from its header line instead of the loaded table, if it was. */
	fallback?: string;
}
const seen = new Map<string, Seen>();
const olistFiles: DetectedFile[] = [];

async function recognise(dir: string, name: string, table: string): Promise<Seen> {
	let profile: Profile;
	let fallback: string | undefined;
	try {
		await engine.load({ table, source: { kind: 'path', path: join(dir, name), name } });
		profile = await profileTable(engine, table, name);
	} catch (err) {
		fallback = (err as Error).message;
		profile = profileFromHeader(name, parseCsv(readFileSync(join(dir, name), 'utf8'))[0]);
	}
	const s = { profile, detection: detectKind(profile), ...(fallback ? { fallback } : {}) };
	seen.set(name, s);
	return s;
}

beforeAll(async () => {
	await engine.ready();
	for (const name of readdirSync(headersDir).filter((f) => f.endsWith('.csv')))
		await recognise(headersDir, name, `h_${name.replace('.csv', '')}`);
	for (const name of readdirSync(olistDir).filter((f) => f.endsWith('.csv'))) {
		const table = `o_${name.replace('.csv', '')}`;
		const s = await recognise(olistDir, name, table);
		olistFiles.push({ rawTable: table, sourceFile: name, detection: s.detection, types: typesOf(s.profile) });
	}
});
afterAll(() => engine.close());

const get = (name: string) => {
	const s = seen.get(name);
	if (!s) throw new Error(`${name} was not recognised: is it in ../shared/datasets?`);
	return s.detection;
};

describe('header fixtures', () => {
	it('prints the share of columns mapped with no user edit', () => {
		for (const [name, s] of seen) {
			const d = s.detection;
			const used = new Set([...Object.values(d.mapping), ...Object.values(d.lineMapping ?? {})]);
			const total = s.profile.columns.length;
			const note = s.fallback ? ` (profiled from its header line: ${s.fallback})` : '';
			console.log(
				`${name}: ${d.kind}${d.lineLevel ? ' (line level)' : ''}, confidence ${d.confidence}, ${used.size}/${total} columns mapped = ${Math.round((100 * used.size) / total)}%${note}`
			);
		}
		expect(seen.size).toBeGreaterThanOrEqual(13);
	});

	it('Shopify orders: line-level orders', () => {
		const d = get('shopify_orders.csv');
		expect(d.kind).toBe('orders');
		expect(d.lineLevel).toBe(true);
		expect(d.mapping).toMatchObject({
			order_id: 'Name',
			customer_id: 'Email',
			amount: 'Total',
			ordered_at: 'Created at',
			status: 'Financial Status'
		});
		expect(d.lineMapping).toMatchObject({
			quantity: 'Lineitem quantity',
			unit_price: 'Lineitem price',
			product_name: 'Lineitem name',
			product_id: 'Lineitem sku'
		});
	});

	it('Zendesk tickets', () => {
		const d = get('zendesk_tickets.csv');
		expect(d.kind).toBe('tickets');
		expect(d.mapping).toMatchObject({
			ticket_id: 'Id',
			channel: 'Via',
			created_at: 'Created at',
			resolved_at: 'Solved at',
			satisfaction: 'Satisfaction Score'
		});
	});

	it('HubSpot contacts', () => {
		const d = get('hubspot_contacts.csv');
		expect(d.kind).toBe('customers');
		expect(d.mapping).toMatchObject({ customer_id: 'Record ID', email: 'Email', phone: 'Phone Number', created_at: 'Create Date' });
	});

	it('Salesforce opportunities report (its footer lines may keep it from loading)', () => {
		const d = get('salesforce_opportunities_report.csv');
		expect(d.kind).toBe('orders');
		expect(d.mapping).toMatchObject({ amount: 'Amount', ordered_at: 'Close Date', status: 'Stage', customer_id: 'Account Name' });
	});
});

describe('Olist files', () => {
	it('olist_orders_dataset → orders with every process timestamp', () => {
		const d = get('olist_orders_dataset.csv');
		expect(d.kind).toBe('orders');
		expect(d.mapping).toEqual({
			order_id: 'order_id',
			customer_id: 'customer_id',
			status: 'order_status',
			ordered_at: 'order_purchase_timestamp',
			approved_at: 'order_approved_at',
			shipped_at: 'order_delivered_carrier_date',
			delivered_at: 'order_delivered_customer_date',
			promised_at: 'order_estimated_delivery_date'
		});
	});

	it.each([
		[
			'olist_order_items_dataset.csv',
			'order_lines',
			{ order_id: 'order_id', line: 'order_item_id', product_id: 'product_id', unit_price: 'price', freight: 'freight_value' }
		],
		[
			'olist_order_payments_dataset.csv',
			'payments',
			{ order_id: 'order_id', method: 'payment_type', amount: 'payment_value', installments: 'payment_installments' }
		],
		[
			'olist_order_reviews_dataset.csv',
			'feedback',
			{
				feedback_id: 'review_id',
				order_id: 'order_id',
				score: 'review_score',
				comment: 'review_comment_message',
				created_at: 'review_creation_date'
			}
		],
		['olist_customers_dataset.csv', 'customers', { customer_id: 'customer_id', person_id: 'customer_unique_id', city: 'customer_city' }]
	] as [string, FileKind, Record<string, string>][])('%s → %s', (name, kind, mapping) => {
		const d = get(name);
		expect(d.kind).toBe(kind);
		expect(d.mapping).toEqual(mapping);
	});

	it.each([
		'olist_products_dataset.csv',
		'olist_sellers_dataset.csv',
		'olist_geolocation_dataset.csv',
		'product_category_name_translation.csv'
	])('%s → other', (name) => {
		expect(get(name).kind).toBe('other');
	});
});

describe('canonical views over Olist, against the facts of its README', () => {
	beforeAll(async () => {
		const build = buildCanonicalViews(olistFiles);
		for (const sql of [...build.statements, ...build.passThrough]) await engine.query(sql);
	});

	it('orders: 8,135 rows; 146 empty approved_at, 1,782 empty carrier date, 2,965 empty delivered date', async () => {
		const [r] = await engine.rows(`SELECT CAST(count(*) AS INTEGER) AS n,
			CAST(count(*) FILTER (WHERE approved_at IS NULL) AS INTEGER) AS no_approved,
			CAST(count(*) FILTER (WHERE shipped_at IS NULL) AS INTEGER) AS no_shipped,
			CAST(count(*) FILTER (WHERE delivered_at IS NULL) AS INTEGER) AS no_delivered FROM crm.orders`);
		expect(r).toEqual({ n: 8135, no_approved: 146, no_shipped: 1782, no_delivered: 2965 });
	});

	it('purchase → delivered: min 1.12, median 10.3445, max 135.32 days', async () => {
		const [r] = await engine.rows(`SELECT min(d) AS lo, quantile_cont(d, 0.5) AS mid, max(d) AS hi
			FROM (SELECT date_diff('second', ordered_at, delivered_at) / 86400.0 AS d FROM crm.orders WHERE delivered_at IS NOT NULL)`);
		expect(Number(r.lo)).toBeCloseTo(1.12, 2);
		expect(Number(r.mid)).toBeCloseTo(10.3445, 4);
		expect(Number(r.hi)).toBeCloseTo(135.32, 2);
	});

	it("in 30 of 7,360 orders the items' price + freight differ from the payments by more than 1 cent", async () => {
		const [r] = await engine.rows(`WITH l AS (SELECT order_id, sum(amount) AS a FROM crm.order_lines GROUP BY 1),
			p AS (SELECT order_id, sum(amount) AS a FROM crm.payments GROUP BY 1)
			SELECT CAST(count(*) AS INTEGER) AS both_, CAST(count(*) FILTER (WHERE abs(l.a - p.a) > 0.01) AS INTEGER) AS differ FROM l JOIN p USING (order_id)`);
		expect(r).toEqual({ both_: 7360, differ: 30 });
	});

	it("an order's amount is its items' price + freight", async () => {
		const [r] = await engine.rows(`SELECT CAST(count(*) AS INTEGER) AS n FROM crm.orders o
			JOIN (SELECT order_id, sum(price::DOUBLE + freight_value::DOUBLE) AS a FROM o_olist_order_items_dataset GROUP BY 1) i USING (order_id)
			WHERE abs(o.amount - i.a) > 1e-6`);
		expect(r.n).toBe(0);
	});

	it('customer_unique_id is the person: 73 people with more than one order', async () => {
		const [r] = await engine.rows(`SELECT CAST(count(*) AS INTEGER) AS n FROM (
			SELECT c.person_id FROM crm.orders o JOIN crm.customers c USING (customer_id) GROUP BY 1 HAVING count(DISTINCT o.order_id) > 1)`);
		expect(r.n).toBe(73);
	});

	it('feedback: 8,225 reviews, scores 1–5', async () => {
		const [r] = await engine.rows(`SELECT CAST(count(*) AS INTEGER) AS n, min(score) AS lo, max(score) AS hi FROM clean.feedback`);
		expect(r).toEqual({ n: 8225, lo: 1, hi: 5 });
	});
});
