// Canonical view SQL on the real engine: line-level exports and joins across files. Raw tables
// are made with VALUES; every expected value is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { buildCanonicalViews } from '../../../src/lib/mapping/build-views';
import { schemasSql } from '../../../src/lib/mapping/canonical-sql';
import { file, UTC } from './view-helpers';

let engine: NodeEngine;

async function run(statements: string[]) {
	for (const sql of statements) await engine.query(sql);
}

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	await run(schemasSql());
});
afterAll(() => engine.close());

describe('line-level exports', () => {
	beforeAll(async () => {
		// Shopify-like: order-level columns only on an order's first row, zoned timestamps, text cells as staged.
		await engine.query(`CREATE OR REPLACE TABLE shop AS SELECT * FROM (VALUES
			('#1001', 'mei@x.com', 'paid', '2025-01-04 10:02:11 +0800', '410.00', 'CNY', '2025-01-04 10:01:57 +0800', '2', 'Tea set', '149.00', 'TEA-01'),
			('#1001', 'mei@x.com', NULL, NULL, NULL, NULL, '2025-01-04 10:01:57 +0800', '1', 'Cups', '100.00', 'CUP-04'),
			('#1002', 'john@x.com', 'refunded', '2025-01-06 21:15:00 -0500', '42.80', 'USD', '2025-01-06 21:14:30 -0500', '1', 'Notebook', '35.00', 'NB-A5')
		) v("Name", "Email", "Financial Status", "Paid at", "Total", "Currency", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku")`);
	});

	const shop = (timeZone: string) => {
		const f = file('shop', {
			kind: 'orders',
			lineLevel: true,
			mapping: {
				order_id: 'Name',
				customer_id: 'Email',
				status: 'Financial Status',
				approved_at: 'Paid at',
				amount: 'Total',
				currency: 'Currency',
				ordered_at: 'Created at'
			},
			lineMapping: {
				order_id: 'Name',
				quantity: 'Lineitem quantity',
				product_name: 'Lineitem name',
				unit_price: 'Lineitem price',
				product_id: 'Lineitem sku'
			}
		});
		return buildCanonicalViews([f], { timeZone, excludedStatuses: [] });
	};

	it('aggregates into one order per id: first non-null order-level value, quantities summed', async () => {
		const build = shop('UTC');
		await run(build.statements);
		const rows = await engine.rows('SELECT * FROM crm.orders ORDER BY order_id');
		expect(rows).toEqual([
			{
				order_id: '#1001',
				customer_id: 'mei@x.com',
				status: 'paid',
				// Total of the first row; the second row's NULL is skipped.
				amount: 410,
				currency: 'CNY',
				// 2 + 1 line items
				quantity: 3,
				// 10:01:57 at +08:00 is 02:01:57 UTC
				ordered_at: '2025-01-04 02:01:57',
				approved_at: '2025-01-04 02:02:11',
				source_file: 'shop.csv'
			},
			{
				order_id: '#1002',
				customer_id: 'john@x.com',
				status: 'refunded',
				amount: 42.8,
				currency: 'USD',
				quantity: 1,
				// 21:14:30 at -05:00 is 02:14:30 UTC the next day
				ordered_at: '2025-01-07 02:14:30',
				approved_at: '2025-01-07 02:15:00',
				source_file: 'shop.csv'
			}
		]);
		expect(build.catalog.tables.orders).toEqual([
			'order_id',
			'customer_id',
			'status',
			'amount',
			'currency',
			'quantity',
			'ordered_at',
			'approved_at'
		]);
	});

	it('feeds crm.order_lines, line numbers in file order, amount = quantity × unit price', async () => {
		await run(shop('UTC').statements);
		const rows = await engine.rows(
			'SELECT order_id, line, product_id, quantity, unit_price, amount FROM crm.order_lines ORDER BY order_id, line'
		);
		expect(rows).toEqual([
			{ order_id: '#1001', line: 1, product_id: 'TEA-01', quantity: 2, unit_price: 149, amount: 298 }, // 2 × 149
			{ order_id: '#1001', line: 2, product_id: 'CUP-04', quantity: 1, unit_price: 100, amount: 100 }, // 1 × 100
			{ order_id: '#1002', line: 1, product_id: 'NB-A5', quantity: 1, unit_price: 35, amount: 35 } // 1 × 35
		]);
	});

	it('moves zoned times into a fixed-offset data zone', async () => {
		await run(shop('+08:00').statements);
		const rows = await engine.rows('SELECT order_id, ordered_at FROM crm.orders ORDER BY order_id');
		// 10:01:57 +08:00 stays 10:01:57; 21:14:30 -05:00 = 02:14:30 UTC = 10:14:30 at +08:00 on Jan 7.
		expect(rows).toEqual([
			{ order_id: '#1001', ordered_at: '2025-01-04 10:01:57' },
			{ order_id: '#1002', ordered_at: '2025-01-07 10:14:30' }
		]);
	});

	it('sums line amounts when the export has no order total (Online Retail)', async () => {
		await engine.query(`CREATE OR REPLACE TABLE retail AS SELECT * FROM (VALUES
			('536365', '85123A', '6', '12/1/2010 8:26', '2.55', '17850'),
			('536365', '71053', '6', '12/1/2010 8:26', '3.39', '17850'),
			('536366', '22633', '6', '12/1/2010 8:28', '1.85', '17850')
		) v("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID")`);
		const f = file('retail', {
			kind: 'orders',
			lineLevel: true,
			mapping: { order_id: 'InvoiceNo', customer_id: 'CustomerID', ordered_at: 'InvoiceDate' },
			lineMapping: { order_id: 'InvoiceNo', product_id: 'StockCode', quantity: 'Quantity', unit_price: 'UnitPrice' },
			formats: { InvoiceDate: '%m/%d/%Y %H:%M' }
		});
		await run(buildCanonicalViews([f], UTC).statements);
		const rows = await engine.rows('SELECT order_id, customer_id, amount, quantity, ordered_at FROM crm.orders ORDER BY order_id');
		expect(rows.map((r) => r.order_id)).toEqual(['536365', '536366']);
		// 6 × 2.55 + 6 × 3.39 = 15.30 + 20.34 = 35.64; 6 × 1.85 = 11.10
		expect(rows[0].amount).toBeCloseTo(35.64, 9);
		expect(rows[1].amount).toBeCloseTo(11.1, 9);
		expect(rows.map((r) => r.quantity)).toEqual([12, 6]);
		expect(rows.map((r) => r.ordered_at)).toEqual(['2010-12-01 08:26:00', '2010-12-01 08:28:00']);
	});
});

describe('joins across files', () => {
	beforeAll(async () => {
		await engine.query(`CREATE OR REPLACE TABLE o_orders AS SELECT * FROM (VALUES
			('o1', 'c1', 'delivered', '2018-01-01 10:00:00'), ('o2', 'c2', 'delivered', '2018-01-02 10:00:00'), ('o3', 'c3', 'canceled', '2018-01-03 10:00:00')
		) v(order_id, customer_id, order_status, order_purchase_timestamp)`);
		await engine.query(`CREATE OR REPLACE TABLE o_items AS SELECT * FROM (VALUES
			('o1', '1', '10.0', '2.5'), ('o1', '2', '20.0', '2.5'), ('o2', '1', '50.0', '5.0')
		) v(order_id, order_item_id, price, freight_value)`);
		await engine.query(`CREATE OR REPLACE TABLE o_payments AS SELECT * FROM (VALUES
			('o1', 'credit_card', '35.00'), ('o3', 'voucher', '12.00'), ('o3', 'boleto', '8.00')
		) v(order_id, payment_type, payment_value)`);
		await engine.query(`CREATE OR REPLACE TABLE o_customers AS SELECT * FROM (VALUES
			('c1', 'p1', 'sao paulo'), ('c2', 'p1', 'sao paulo'), ('c3', 'p2', 'curitiba')
		) v(customer_id, customer_unique_id, customer_city)`);
	});

	const olist = [
		file('o_orders', {
			kind: 'orders',
			mapping: { order_id: 'order_id', customer_id: 'customer_id', status: 'order_status', ordered_at: 'order_purchase_timestamp' }
		}),
		file('o_items', {
			kind: 'order_lines',
			mapping: { order_id: 'order_id', line: 'order_item_id', unit_price: 'price', freight: 'freight_value' }
		}),
		file('o_payments', { kind: 'payments', mapping: { order_id: 'order_id', method: 'payment_type', amount: 'payment_value' } }),
		file('o_customers', {
			kind: 'customers',
			mapping: { customer_id: 'customer_id', person_id: 'customer_unique_id', city: 'customer_city' }
		})
	];

	it("an order's amount comes from its lines (price + freight), else from its payments", async () => {
		const build = buildCanonicalViews(olist, UTC);
		await run(build.statements);
		const rows = await engine.rows('SELECT order_id, amount FROM crm.orders ORDER BY order_id');
		// o1: (10 + 2.5) + (20 + 2.5) = 35 from lines; o2: 50 + 5 = 55 from lines; o3: no lines, payments 12 + 8 = 20.
		expect(rows).toEqual([
			{ order_id: 'o1', amount: 35 },
			{ order_id: 'o2', amount: 55 },
			{ order_id: 'o3', amount: 20 }
		]);
		const lines = await engine.rows('SELECT order_id, line, amount FROM crm.order_lines ORDER BY order_id, line');
		expect(lines).toEqual([
			{ order_id: 'o1', line: 1, amount: 12.5 },
			{ order_id: 'o1', line: 2, amount: 22.5 },
			{ order_id: 'o2', line: 1, amount: 55 }
		]);
		expect(build.catalog.tables.orders).toContain('amount');
	});

	it('orders without lines take payments only; without either they have no amount', async () => {
		await run(buildCanonicalViews([olist[0], olist[2]], UTC).statements);
		// o1: payment 35; o2: no payment → NULL; o3: 12 + 8 = 20
		expect(await engine.rows('SELECT order_id, amount FROM crm.orders ORDER BY order_id')).toEqual([
			{ order_id: 'o1', amount: 35 },
			{ order_id: 'o2', amount: null },
			{ order_id: 'o3', amount: 20 }
		]);
		const alone = buildCanonicalViews([olist[0]], UTC);
		expect(alone.catalog.tables.orders).not.toContain('amount');
	});

	it("a customer's person_id is Olist's customer_unique_id: two customer ids, one person", async () => {
		await run(buildCanonicalViews(olist, UTC).statements);
		const rows = await engine.rows(
			'SELECT c.person_id, CAST(count(*) AS INTEGER) AS orders, sum(o.amount) AS amount FROM crm.orders o JOIN crm.customers c USING (customer_id) GROUP BY 1 ORDER BY 1'
		);
		// p1 = c1 + c2: orders o1 (35) and o2 (55) = 90; p2 = c3: o3 (20).
		expect(rows).toEqual([
			{ person_id: 'p1', orders: 2, amount: 90 },
			{ person_id: 'p2', orders: 1, amount: 20 }
		]);
	});
});
