// The CRM model over a real NodeEngine: it follows the workspace's tables, recognises them,
// builds the canonical views, and applies, remembers and persists the user's corrections.
// Every expected number is worked out by hand from the CSV text in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { Engine } from '../../src/lib/engine/engine';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { CrmModel } from '../../src/lib/state/model.svelte';
import { targetOf } from '../../src/lib/state/model-mapping';
import type { KeyValueStorage } from '../../src/lib/state/model-store';

const csv = (name: string, lines: string[]) => new File([lines.join('\n') + '\n'], name, { type: 'text/csv' });

/** Orders with unusual headers: `Total` is the gross amount, `Betrag` (German) the net one. */
const WEBSHOP = csv('webshop_orders.csv', [
	'Order Ref,Customer Code,Order Date,Order Status,Total,Betrag',
	'A-1,C1,2024-03-01 10:00:00,paid,120.50,100.00',
	'A-2,C2,2024-03-02 11:30:00,paid,80.00,66.00',
	'A-3,C1,2024-03-05 09:15:00,cancelled,42.25,35.00'
]);
const CUSTOMERS = csv('kunden.csv', [
	'Client No,Full Name,E-mail,Town',
	'C1,Ann Lee,ann@example.com,Berlin',
	'C2,Bo Chen,bo@example.com,Shanghai'
]);
/** One row per order line: 3 orders (L-1 has two lines). */
const LINES = csv('shop_lines.csv', [
	'Order ID,Customer ID,Order Date,Product ID,Product Name,Quantity,Unit Price',
	'L-1,C1,2024-04-01 09:00:00,P1,Tea,2,5.50',
	'L-1,C1,2024-04-01 09:00:00,P2,Cup,1,3.00',
	'L-2,C2,2024-04-02 10:00:00,P1,Tea,3,5.50',
	'L-3,C2,2024-04-03 10:00:00,P3,Pot,1,20.00'
]);
const NOTES = csv('notes.csv', ['topic,remark', 'lunch,soup', 'meeting,late']);

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

interface Setup {
	engine: NodeEngine;
	workspace: Workspace;
	model: CrmModel;
}

async function setup(
	files: File[],
	storage: KeyValueStorage | null = memoryStorage(),
	wrap = (e: NodeEngine): Engine => e
): Promise<Setup> {
	const node = new NodeEngine();
	await node.ready();
	const workspace = new Workspace();
	workspace.attach(wrap(node));
	const model = new CrmModel(workspace, { storage });
	await workspace.addFiles(files);
	await model.idle();
	return { engine: node, workspace, model };
}

const rowsOf = (model: CrmModel) => Object.fromEntries(model.views.map((v) => [v.kind, v.rows]));

async function orderAmount(model: CrmModel, orderId: string): Promise<unknown> {
	const rows = await model.previewRows('orders', 50);
	return rows.find((r) => r.order_id === orderId)?.amount;
}

describe('recognition and views', () => {
	let s: Setup;
	beforeAll(async () => {
		s = await setup([WEBSHOP, CUSTOMERS, LINES, NOTES]);
	}, 30_000);
	afterAll(() => s.engine.close());

	it('gives every loaded table a kind, a confidence and a mapping', () => {
		expect(s.model.tables.map((t) => [t.table, t.status, s.model.kindOf(t.table)])).toEqual([
			['kunden', 'ready', 'customers'],
			['notes', 'ready', 'other'],
			['shop_lines', 'ready', 'orders'],
			['webshop_orders', 'ready', 'orders']
		]);
		const webshop = s.model.entry('webshop_orders')!;
		expect(s.model.choiceOf(webshop).mapping).toMatchObject({ order_id: 'Order Ref', customer_id: 'Customer Code', amount: 'Total' });
		expect(targetOf(s.model.choiceOf(webshop), 'Betrag')).toBeNull();
		expect(webshop.detection!.confidence).toBeGreaterThan(0.5);
		expect(s.model.choiceOf(s.model.entry('shop_lines')!).lineLevel).toBe(true);
	});

	it('builds crm views across files, with row counts: line-level exports aggregate into orders', async () => {
		// orders: webshop 3 + shop_lines 3 distinct order ids (L-1, L-2, L-3) = 6; order_lines: the 4 lines.
		expect(rowsOf(s.model)).toEqual({ customers: 2, orders: 6, order_lines: 4 });
		// L-1 = 2 × 5.50 + 1 × 3.00 = 14
		expect(await orderAmount(s.model, 'L-1')).toBe(14);
		expect(await orderAmount(s.model, 'A-1')).toBe(120.5);
		expect(s.model.catalog.tables.orders).toContain('amount');
		expect(s.model.catalog.raw?.find((r) => r.name === 'webshop_orders')).toMatchObject({ kind: 'orders', key: ['Order Ref'] });
		expect(s.model.buildErrors).toEqual([]);
	});

	it('builds clean pass-through views for the metrics', async () => {
		const [r] = await s.engine.rows('SELECT CAST(count(*) AS INTEGER) AS n FROM clean.customers');
		expect(r.n).toBe(2);
	});

	it('moves a file to another kind and drops a view whose last file became other', async () => {
		await s.model.setKind('kunden', 'other');
		expect(s.model.kindOf('kunden')).toBe('other');
		expect(rowsOf(s.model)).toEqual({ orders: 6, order_lines: 4 });
		expect(s.model.catalog.tables.customers).toBeUndefined();
		await expect(s.engine.rows('SELECT * FROM crm.customers')).rejects.toThrow();
		await s.model.setKind('kunden', 'customers');
		expect(rowsOf(s.model).customers).toBe(2);
	});

	it('reads a line-level export row by row when the user says it is not one, and back', async () => {
		await s.model.setLineLevel('shop_lines', false);
		// 3 webshop orders + 4 rows of shop_lines, one order each; no order_lines source is left.
		expect(rowsOf(s.model)).toEqual({ customers: 2, orders: 7 });
		await s.model.setLineLevel('shop_lines', true);
		expect(rowsOf(s.model)).toEqual({ customers: 2, orders: 6, order_lines: 4 });
	});

	it('leaves out only the file whose mapping cannot be built, and says why', async () => {
		// A line-level export without an order id cannot be added up into orders.
		await s.model.setColumn('shop_lines', 'Order ID', null);
		expect(s.model.fileErrors.shop_lines).toMatch(/no order id/);
		expect(rowsOf(s.model)).toEqual({ customers: 2, orders: 3 });
		await s.model.setColumn('shop_lines', 'Order ID', 'order_id');
		expect(s.model.fileErrors).toEqual({});
		expect(rowsOf(s.model)).toEqual({ customers: 2, orders: 6, order_lines: 4 });
	});

	it('drops a view when its file is removed', async () => {
		await s.workspace.remove('kunden');
		await s.model.idle();
		expect(s.model.entry('kunden')).toBeUndefined();
		expect(rowsOf(s.model).customers).toBeUndefined();
	});
});

describe('corrections', () => {
	let s: Setup;
	const storage = memoryStorage();
	beforeAll(async () => {
		s = await setup([WEBSHOP], storage);
	}, 30_000);
	afterAll(() => s.engine.close());

	it('a corrected column changes the view at once', async () => {
		await s.model.setColumn('webshop_orders', 'Betrag', 'amount');
		const choice = s.model.choiceOf(s.model.entry('webshop_orders')!);
		expect(choice.mapping.amount).toBe('Betrag');
		// Total fed amount before; a canonical column has one source, so Total is now unused.
		expect(targetOf(choice, 'Total')).toBeNull();
		expect(await orderAmount(s.model, 'A-1')).toBe(100);
		expect(s.model.entry('webshop_orders')!.choiceSource).toBe('user');
	});

	it('unmapping a column removes it from the view', async () => {
		await s.model.setColumn('webshop_orders', 'Order Status', null);
		expect(s.model.views.find((v) => v.kind === 'orders')!.columns).not.toContain('status');
		await s.model.setColumn('webshop_orders', 'Order Status', 'status');
		expect(s.model.views.find((v) => v.kind === 'orders')!.columns).toContain('status');
	});

	it('remembers the choice for files with the same headers, across a reload of the app', { timeout: 30_000 }, async () => {
		expect([...storage.data.keys()]).toContain('crm-pulse:mappings');
		// Same headers in another case and order: the remembered mapping applies to it.
		const may = csv('webshop_orders_may.csv', [
			'betrag,order ref,CUSTOMER CODE,order date,order status,total',
			'8,B-1,C2,2024-05-01 10:00:00,paid,10'
		]);
		const again = await setup([may], storage);
		try {
			const entry = again.model.entry('webshop_orders_may')!;
			expect(entry.choiceSource).toBe('remembered');
			expect(again.model.choiceOf(entry).mapping.amount).toBe('betrag');
			expect(await orderAmount(again.model, 'B-1')).toBe(8);
		} finally {
			await again.engine.close();
		}
	});

	it('goes back to the detected mapping and forgets the choice', async () => {
		await s.model.reset('webshop_orders');
		expect(s.model.entry('webshop_orders')!.choice).toBeNull();
		expect(await orderAmount(s.model, 'A-1')).toBe(120.5);
		expect(storage.data.get('crm-pulse:mappings')).toBe('{}');
	});

	it('serialises rebuilds: many quick changes end in the views of the last one', async () => {
		const changes = [
			s.model.setColumn('webshop_orders', 'Betrag', 'amount'),
			s.model.setColumn('webshop_orders', 'Total', 'amount'),
			s.model.setColumn('webshop_orders', 'Betrag', 'amount')
		];
		await Promise.all(changes);
		expect(s.model.building).toBe(false);
		expect(await orderAmount(s.model, 'A-1')).toBe(100);
	});
});

describe('data settings', () => {
	let s: Setup;
	const storage = memoryStorage();
	// One zoned timestamp and one without a zone, in two files.
	const TICKETS = csv('tickets.csv', ['Ticket ID,Customer ID,Created At,Status', 'T1,C1,2024-06-01 12:00:00+00:00,open']);
	const CALLS = csv('calls.csv', ['Call ID,Customer ID,Started At,Agent', 'K1,C1,2024-06-01 12:00:00,Sam']);
	beforeAll(async () => {
		s = await setup([TICKETS, CALLS], storage);
	}, 30_000);
	afterAll(() => s.engine.close());

	const first = async (sql: string) => Object.values((await s.engine.rows(sql))[0])[0];

	it('defaults to UTC and the usual non-revenue statuses', async () => {
		expect(s.model.settings).toEqual({ timeZone: 'UTC', excludedStatuses: ['canceled', 'cancelled', 'unavailable'] });
		expect(await first('SELECT created_at FROM crm.tickets')).toBe('2024-06-01 12:00:00');
	});

	it('converts zoned timestamps to the data time zone and keeps the others as written', async () => {
		await s.model.setTimeZone(' +08:00 ');
		expect(s.model.settings.timeZone).toBe('+08:00');
		// 12:00 at +00:00 is 20:00 at +08:00.
		expect(await first('SELECT created_at FROM crm.tickets')).toBe('2024-06-01 20:00:00');
		// No zone: wall time in the data's zone, as written.
		expect(await first('SELECT started_at FROM crm.communications')).toBe('2024-06-01 12:00:00');
	});

	it('refuses a zone it cannot use, naming it, and keeps the old one', () => {
		expect(() => s.model.setTimeZone('Europe/Berlin')).toThrow(/unsupported time zone: Europe\/Berlin/);
		expect(s.model.settings.timeZone).toBe('+08:00');
	});

	it('keeps excluded statuses trimmed and lower-cased, and both settings across a reload', { timeout: 30_000 }, async () => {
		s.model.setExcludedStatuses([' Refunded', 'CANCELED ', '', 'refunded']);
		expect(s.model.settings.excludedStatuses).toEqual(['refunded', 'canceled']);
		const again = await setup([], storage);
		try {
			expect(again.model.settings).toEqual({ timeZone: '+08:00', excludedStatuses: ['refunded', 'canceled'] });
		} finally {
			await again.engine.close();
		}
	});
});

describe('storage that is missing or broken', () => {
	const throwing: KeyValueStorage = {
		getItem: () => {
			throw new Error('SecurityError');
		},
		setItem: () => {
			throw new Error('QuotaExceededError');
		}
	};
	const garbage: KeyValueStorage = { getItem: () => '{not json', setItem: () => undefined };
	it.each([
		['no storage', null],
		['storage that throws', throwing],
		['storage holding garbage', garbage]
	])(
		'works with %s',
		async (_, storage) => {
			const s = await setup([WEBSHOP], storage);
			try {
				await s.model.setColumn('webshop_orders', 'Betrag', 'amount');
				s.model.setExcludedStatuses(['void']);
				expect(await orderAmount(s.model, 'A-1')).toBe(100);
			} finally {
				await s.engine.close();
			}
		},
		30_000
	);
});

describe('rebuilds never interleave', () => {
	it('runs one build at a time even when changes arrive during a build', async () => {
		let inFlight = 0;
		let most = 0;
		// The real engine, with each view statement held a moment so that builds would overlap if they could.
		const slow = (node: NodeEngine): Engine => ({
			ready: () => node.ready(),
			load: (request, onProgress, options) => node.load(request, onProgress, options),
			rows: (sql, options) => node.rows(sql, options),
			drop: (table) => node.drop(table),
			listTables: () => node.listTables(),
			cancelAll: () => node.cancelAll(),
			close: () => node.close(),
			async query(sql, options) {
				const view = sql.startsWith('CREATE OR REPLACE VIEW "crm"');
				if (view) most = Math.max(most, ++inFlight);
				try {
					await new Promise((r) => setTimeout(r, 20));
					return await node.query(sql, options);
				} finally {
					if (view) inFlight--;
				}
			}
		});
		const s = await setup([WEBSHOP, CUSTOMERS], memoryStorage(), slow);
		try {
			const changes: Promise<void>[] = [];
			for (let i = 0; i < 4; i++) {
				changes.push(s.model.setColumn('webshop_orders', i % 2 ? 'Total' : 'Betrag', 'amount'));
				await new Promise((r) => setTimeout(r, 5));
			}
			await Promise.all(changes);
			expect(most).toBe(1);
			// The last change (i = 3) mapped Total.
			expect(await orderAmount(s.model, 'A-1')).toBe(120.5);
		} finally {
			await s.engine.close();
		}
	}, 30_000);
});
