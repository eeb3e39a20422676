// applyCleaning over the Engine interface, and parseCleaningConfig.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCleaning, parseCleaningConfig } from '../../../src/lib/cleaning/apply';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { crmTable } from './helpers';

describe('applyCleaning', () => {
	let engine: NodeEngine;
	const catalog = { tables: { orders: ['order_id', 'customer_id', 'channel', 'amount', 'ordered_at'], customers: ['customer_id', 'age'] } };

	beforeAll(async () => {
		engine = new NodeEngine();
		await engine.ready();
		await crmTable(engine, 'orders', catalog.tables.orders, [
			['o1', 'c1', 'E-mail', 10, '2024-01-01 00:00:00'],
			['o1', 'c1', 'E-mail', 10, '2024-01-01 00:00:00'],
			['o2', 'c2', 'email', null, '2024-01-02 00:00:00']
		]);
		await crmTable(engine, 'customers', catalog.tables.customers, [
			['c1', 20],
			['c2', null]
		]);
	});
	afterAll(() => engine.close());

	const count = async (relation: string) => (await engine.rows(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${relation}`))[0].n;

	it('creates clean views for every table and returns the counts of the steps that are on', async () => {
		const counts = await applyCleaning(engine, catalog, {
			orders: { dropDuplicates: true, unifyLabels: true },
			customers: { fillMissing: { age: 'mean' } }
		});
		// orders: 3 rows, the second repeats the first → 2; channels 'E-mail' → email (1 cell; 'email' already is).
		// customers: mean age of the one known age, 20, fills c2 (1 cell). Tables in TABLE_KINDS order: customers first.
		expect(counts).toEqual([
			{ kind: 'customers', step: 'fillMissing', rowsBefore: 2, rowsAfter: 2, valuesChanged: 1 },
			{ kind: 'orders', step: 'dropDuplicates', rowsBefore: 3, rowsAfter: 2, valuesChanged: null },
			{ kind: 'orders', step: 'unifyLabels', rowsBefore: 2, rowsAfter: 2, valuesChanged: 1 }
		]);
		expect(await count('clean.orders')).toBe(2);
		expect(await engine.rows('SELECT age FROM clean.customers ORDER BY customer_id')).toEqual([{ age: 20 }, { age: 20 }]);
	});

	it('switching every step off restores the pass-through views', async () => {
		await applyCleaning(engine, catalog, { orders: { dropDuplicates: true } });
		expect(await count('clean.orders')).toBe(2);
		expect(await applyCleaning(engine, catalog, {})).toEqual([]);
		expect(await count('clean.orders')).toBe(3);
		expect(await engine.rows('SELECT age FROM clean.customers ORDER BY customer_id')).toEqual([{ age: 20 }, { age: null }]);
	});

	it('can skip the counts', async () => {
		expect(await applyCleaning(engine, catalog, { orders: { dropDuplicates: true } }, { counts: false })).toEqual([]);
		expect(await count('clean.orders')).toBe(2);
	});

	it('leaves tables the catalog does not list alone', async () => {
		await applyCleaning(engine, { tables: { customers: catalog.tables.customers } }, { orders: { dropDuplicates: false } });
		expect(await count('clean.orders')).toBe(2);
	});
});

describe('parseCleaningConfig', () => {
	it('keeps the steps that are on and drops the rest', () => {
		const config = parseCleaningConfig({
			orders: { dropDuplicates: true, trimText: false, keepPerKey: 'newest', fillMissing: { amount: 'median', quantity: 'previous' } },
			customers: { trimText: false },
			tickets: { unifyLabels: true, fillMissing: {} }
		});
		expect(config).toEqual({
			orders: { dropDuplicates: true, keepPerKey: 'newest', fillMissing: { amount: 'median', quantity: 'previous' } },
			tickets: { unifyLabels: true }
		});
		expect(parseCleaningConfig(config)).toEqual(config);
		expect(parseCleaningConfig({})).toEqual({});
	});

	it.each([
		[[], 'invalid cleaning: cleaning must be an object, not []'],
		[{ order: {} }, 'invalid cleaning: cleaning.order is not a table kind'],
		[{ orders: true }, 'invalid cleaning: cleaning.orders must be an object, not true'],
		[{ orders: { dedupe: true } }, 'invalid cleaning: cleaning.orders.dedupe is not a cleaning step'],
		[{ orders: { trimText: 'yes' } }, 'invalid cleaning: cleaning.orders.trimText must be true or false, not "yes"'],
		[{ orders: { keepPerKey: 'last' } }, 'invalid cleaning: cleaning.orders.keepPerKey must be one of first, newest, not "last"'],
		[{ visits: { keepPerKey: 'first' } }, 'invalid cleaning: cleaning.visits.keepPerKey cannot apply: visits have no key'],
		[{ orders: { fillMissing: ['amount'] } }, 'invalid cleaning: cleaning.orders.fillMissing must be an object of column'],
		[
			{ orders: { fillMissing: { status: 'mean' } } },
			'invalid cleaning: cleaning.orders.fillMissing.status is not a numeric column of orders (amount, quantity)'
		],
		[
			{ orders: { fillMissing: { amount: 'avg' } } },
			'invalid cleaning: cleaning.orders.fillMissing.amount must be one of mean, median, previous, not "avg"'
		]
	])('refuses %j', (input, message) => {
		expect(() => parseCleaningConfig(input)).toThrow(message);
	});
});
