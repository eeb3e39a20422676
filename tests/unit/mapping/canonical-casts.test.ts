// Canonical view SQL on the real engine: appending files, casts to canonical types, the build
// order and catalog. Raw tables are made with VALUES; expected values are worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { buildCanonicalViews } from '../../../src/lib/mapping/build-views';
import { canonicalViewSql, cleanPassThroughSql, schemasSql } from '../../../src/lib/mapping/canonical-sql';
import { viewColumns } from '../../../src/lib/mapping/catalog';
import type { ViewSource } from '../../../src/lib/mapping/types';
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

describe('several files of one kind', () => {
	it('append with source_file, columns missing in one file NULL there', async () => {
		await engine.query(
			`CREATE OR REPLACE TABLE t_jan AS SELECT * FROM (VALUES ('T1', '2025-01-05 09:00:00', 'closed'), ('T2', '2025-01-20 14:00:00', 'open')) v(ticket_id, created_at, status)`
		);
		await engine.query(
			`CREATE OR REPLACE TABLE t_feb AS SELECT * FROM (VALUES ('T3', '2025-02-01 08:12:00', 'solved', 'Good', 18)) v("Id", "Created at", "Status", "Satisfaction Score", "First reply time in minutes")`
		);
		const jan = file('t_jan', { kind: 'tickets', mapping: { ticket_id: 'ticket_id', created_at: 'created_at', status: 'status' } });
		const feb = file(
			't_feb',
			{
				kind: 'tickets',
				mapping: {
					ticket_id: 'Id',
					created_at: 'Created at',
					status: 'Status',
					satisfaction: 'Satisfaction Score',
					first_response_minutes: 'First reply time in minutes'
				}
			},
			{
				Id: 'VARCHAR',
				'Created at': 'VARCHAR',
				Status: 'VARCHAR',
				'Satisfaction Score': 'VARCHAR',
				'First reply time in minutes': 'INTEGER'
			}
		);
		const build = buildCanonicalViews([jan, feb], UTC);
		await run([...build.statements, ...build.passThrough]);
		expect(build.catalog.tables.tickets).toEqual(['ticket_id', 'status', 'created_at', 'first_response_at', 'satisfaction']);
		expect(await engine.rows('SELECT * FROM clean.tickets ORDER BY ticket_id')).toEqual([
			{
				ticket_id: 'T1',
				status: 'closed',
				created_at: '2025-01-05 09:00:00',
				first_response_at: null,
				satisfaction: null,
				source_file: 't_jan.csv'
			},
			{
				ticket_id: 'T2',
				status: 'open',
				created_at: '2025-01-20 14:00:00',
				first_response_at: null,
				satisfaction: null,
				source_file: 't_jan.csv'
			},
			// 08:12 + 18 minutes = 08:30; Zendesk's "Good" reads as 5 on the 1–5 scale.
			{
				ticket_id: 'T3',
				status: 'solved',
				created_at: '2025-02-01 08:12:00',
				first_response_at: '2025-02-01 08:30:00',
				satisfaction: 5,
				source_file: 't_feb.csv'
			}
		]);
	});
});

describe('casts to canonical types', () => {
	it('typed and text columns: ids, separators, US dates, booleans, names from parts', async () => {
		await engine.query(`CREATE OR REPLACE TABLE people AS SELECT * FROM (VALUES
			(5101::BIGINT, 'Mei', 'Chen', TIMESTAMP '2024-03-02 09:15:00', 17850.0::DOUBLE),
			(5102::BIGINT, 'John', NULL, NULL, NULL)
		) v("Record ID", "First Name", "Last Name", "Create Date", age)`);
		const types = { 'Record ID': 'BIGINT', 'First Name': 'VARCHAR', 'Last Name': 'VARCHAR', 'Create Date': 'TIMESTAMP', age: 'DOUBLE' };
		const source: ViewSource = {
			rawTable: 'people',
			sourceFile: 'hubspot.csv',
			mapping: { customer_id: 'Record ID', first_name: 'First Name', last_name: 'Last Name', created_at: 'Create Date', person_id: 'age' },
			types
		};
		await engine.query(canonicalViewSql('customers', [source], { catalog: { tables: {} }, settings: UTC }));
		expect(await engine.rows('SELECT customer_id, person_id, name, created_at FROM crm.customers ORDER BY customer_id')).toEqual([
			// 17850.0 read as DOUBLE is written back as the integer it was.
			{ customer_id: '5101', person_id: '17850', name: 'Mei Chen', created_at: '2024-03-02 09:15:00' },
			{ customer_id: '5102', person_id: null, name: 'John', created_at: null }
		]);

		await engine.query(`CREATE OR REPLACE TABLE deals AS SELECT * FROM (VALUES
			('Renewal 2025', 'Acme Ltd', '12,500.00', '3/31/2025'), ('New seats', 'Globex', '$4,200.00 ', '4/2/2025'), ('Bad', 'X', 'n/a', 'soon')
		) v("Opportunity Name", "Account Name", "Amount", "Close Date")`);
		const deals: ViewSource = {
			rawTable: 'deals',
			sourceFile: 'sf.csv',
			mapping: { order_id: 'Opportunity Name', customer_id: 'Account Name', amount: 'Amount', ordered_at: 'Close Date' },
			formats: { 'Close Date': '%m/%d/%Y' }
		};
		await engine.query(canonicalViewSql('orders', [deals], { catalog: { tables: {} }, settings: UTC }));
		expect(await engine.rows('SELECT order_id, amount, ordered_at FROM crm.orders ORDER BY order_id')).toEqual([
			{ order_id: 'Bad', amount: null, ordered_at: null },
			{ order_id: 'New seats', amount: 4200, ordered_at: '2025-04-02 00:00:00' },
			{ order_id: 'Renewal 2025', amount: 12500, ordered_at: '2025-03-31 00:00:00' }
		]);

		await engine.query(
			`CREATE OR REPLACE TABLE sends AS SELECT * FROM (VALUES ('Spring', 'yes', '是'), ('Spring', 'no', '否'), ('Spring', 'maybe', '')) v(campaign, converted, c2)`
		);
		const sends: ViewSource = { rawTable: 'sends', sourceFile: 's.csv', mapping: { campaign: 'campaign', converted: 'converted' } };
		await engine.query(canonicalViewSql('campaigns', [sends], { catalog: { tables: {} }, settings: UTC }));
		expect((await engine.rows('SELECT converted FROM crm.campaigns')).map((r) => r.converted)).toEqual([true, false, null]);
	});

	it('never produces TIMESTAMPTZ: every timestamp column of a view is TIMESTAMP', async () => {
		await engine.query(
			`CREATE OR REPLACE TABLE shop AS SELECT * FROM (VALUES ('#1', 'a@x.com', '2025-01-04 10:01:57 +0800', '2025-01-04T02:02:11Z')) v("Name", "Email", "Created at", "Paid at")`
		);
		await run(
			buildCanonicalViews(
				[
					file('shop', {
						kind: 'orders',
						mapping: { order_id: 'Name', customer_id: 'Email', ordered_at: 'Created at', approved_at: 'Paid at' }
					})
				],
				UTC
			).statements
		);
		const types = await engine.rows(
			`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'crm' AND table_name = 'orders' ORDER BY column_index`
		);
		expect(types).toEqual([
			{ column_name: 'order_id', data_type: 'VARCHAR' },
			{ column_name: 'customer_id', data_type: 'VARCHAR' },
			{ column_name: 'ordered_at', data_type: 'TIMESTAMP' },
			{ column_name: 'approved_at', data_type: 'TIMESTAMP' },
			{ column_name: 'source_file', data_type: 'VARCHAR' }
		]);
	});

	it('refuses a time zone it cannot honour, naming it', () => {
		const source: ViewSource = { rawTable: 'shop', sourceFile: 'x.csv', mapping: { order_id: 'Name' } };
		expect(() =>
			canonicalViewSql('orders', [source], { catalog: { tables: {} }, settings: { timeZone: 'America/New_York', excludedStatuses: [] } })
		).toThrow(/America\/New_York/);
	});

	it('quotes every user-supplied name', () => {
		const source: ViewSource = { rawTable: 'we"ird', sourceFile: "it's.csv", mapping: { order_id: 'a"b' } };
		const sql = canonicalViewSql('payments', [source], { catalog: { tables: {} }, settings: UTC });
		expect(sql).toContain('"a""b" AS "order_id"');
		expect(sql).toContain(`'it''s.csv' AS "source_file"`);
		// Qualified with main: inside a view in schema crm a bare name could be the view itself.
		expect(sql).toContain('FROM main."we""ird"');
	});
});

describe('build order, catalog, pass-through', () => {
	it('lists the columns each view has and drops views of kinds no file provides', () => {
		const orders = file('o_orders', {
			kind: 'orders',
			mapping: { order_id: 'order_id', customer_id: 'customer_id', ordered_at: 'order_purchase_timestamp' }
		});
		const lines = file('o_items', { kind: 'order_lines', mapping: { order_id: 'order_id', unit_price: 'price' } });
		const other = file('geo', { kind: 'other', mapping: {} });
		const build = buildCanonicalViews([orders, lines, other], UTC);
		expect(build.catalog).toEqual({
			tables: { order_lines: ['order_id', 'line', 'unit_price', 'amount'], orders: ['order_id', 'customer_id', 'amount', 'ordered_at'] }
		});
		expect(build.statements.findIndex((s) => s.includes('VIEW "crm"."order_lines"'))).toBeLessThan(
			build.statements.findIndex((s) => s.includes('VIEW "crm"."orders"'))
		);
		expect(build.statements).toContain('DROP VIEW IF EXISTS "crm"."tickets"');
		expect(build.passThrough).toEqual([cleanPassThroughSql('order_lines'), cleanPassThroughSql('orders')]);
		expect(viewColumns('orders', [{ rawTable: 'x', sourceFile: 'x', mapping: { order_id: 'a' } }])).toEqual(['order_id']);
	});
});
