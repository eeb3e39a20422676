import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { runCli, tempFolder } from './run-cli';

const ORDERS = `order_id,customer_id,ordered_at
O1,C1,2024-01-01 10:00:00
`;

const folder = tempFolder({
	'orders.csv': ORDERS,
	'empty.csv': '',
	'notes.md': 'not a CSV',
	'bad-json.json': '{"version": 1, "filters": {',
	'ok.json': JSON.stringify({ version: 1, filters: { from: '2024-01-01' } })
});
mkdirSync(folder.path('no-csv'));
afterAll(() => folder.remove());

/** Runs `crm-pulse report …`, which must fail with exit 2 and a message naming each of `names`. */
async function refused(argv: string[], ...names: string[]): Promise<string> {
	const r = await runCli(['report', ...argv]);
	expect(r.code).toBe(2);
	expect(r.out).toBe('');
	const first = r.err.split('\n')[0];
	expect(first).toMatch(/^crm-pulse: /);
	for (const name of names) expect(first).toContain(name);
	// A bad input is explained, not dumped as a stack trace.
	expect(r.err).not.toMatch(/^\s+at /m);
	return first;
}

let configs = 0;
function configFile(config: unknown): string {
	const path = folder.path(`config-${++configs}.json`);
	writeFileSync(path, JSON.stringify(config));
	return path;
}

describe('crm-pulse refuses bad input with exit 2 and a message naming it', () => {
	it('a missing file', async () => {
		const missing = folder.path('nope.csv');
		expect(await refused([missing], missing)).toContain('no such file or folder');
	});

	it('an empty file', async () => {
		const empty = folder.path('empty.csv');
		expect(await refused([folder.path('orders.csv'), empty], empty)).toContain('empty');
	}, 60_000);

	it('a folder without CSV files', async () => {
		await refused([folder.path('no-csv')], folder.path('no-csv'), 'no .csv');
		mkdirSync(folder.path('only-notes'));
		await refused([folder.dir + '/only-notes'], 'only-notes');
	});

	it('no files at all, an unknown option, an option without its value, an unknown command', async () => {
		await refused([], 'no files given');
		await refused([folder.path('orders.csv'), '--frob'], '--frob');
		await refused([folder.path('orders.csv'), '--json=yes'], '--json');
		await refused([folder.path('orders.csv'), '--from'], '--from needs a value');
		const r = await runCli(['frob']);
		expect(r.code).toBe(2);
		expect(r.err).toContain('"frob"');
	});

	it.each([
		['2024/01/01', 'not a date at all'],
		['2024-13-01', 'no 13th month'],
		['2024-02-30', 'no 30 February']
	])('a bad --from date %s (%s)', async (date) => {
		await refused([folder.path('orders.csv'), '--from', date], 'filters.from', date);
	});

	it('a --from after --to, and a bad --reference-date', async () => {
		await refused([folder.path('orders.csv'), '--from', '2024-03-01', '--to', '2024-01-31'], 'filters.from', '2024-03-01', '2024-01-31');
		await refused([folder.path('orders.csv'), '--reference-date', '2023-02-29'], 'settings.referenceDate', '2023-02-29');
	});

	it('a config file that is missing or not JSON', async () => {
		const missing = folder.path('missing.json');
		await refused([folder.path('orders.csv'), '--config', missing], missing, 'cannot be read');
		const bad = folder.path('bad-json.json');
		await refused([folder.path('orders.csv'), '--config', bad], bad, 'not valid JSON');
	});

	it('a config file that is not a JSON object', async () => {
		const path = configFile([]);
		expect(await refused([folder.path('orders.csv'), '--config', path], path)).toMatch(/invalid config: must be a JSON object$/);
	});

	it.each([
		['version', { version: 2 }],
		['tables.orders.kind', { version: 1, tables: { orders: { kind: 'order' } } }],
		['tables.orders', { version: 1, tables: { orders: 'orders' } }],
		['tables.orders.mapping.ordered_at', { version: 1, tables: { orders: { mapping: { ordered_at: 3 } } } }],
		['settings.slaHours', { version: 1, settings: { slaHours: 0 } }],
		['settings.clvHorizonMonths', { version: 1, settings: { clvHorizonMonths: '12' } }],
		['settings.timeZone', { version: 1, settings: { timeZone: 'Europe/Paris' } }],
		['settings.excludedStatuses', { version: 1, settings: { excludedStatuses: 'canceled' } }],
		['settings.referenceDate', { version: 1, settings: { referenceDate: 'yesterday' } }],
		['filters.to', { version: 1, filters: { to: '31/01/2024' } }],
		['filters.channel', { version: 1, filters: { channel: 7 } }]
	])('a config file with an invalid %s', async (field, config) => {
		const path = configFile(config);
		await refused([folder.path('orders.csv'), '--config', path], path, field);
	});
});

describe('corrections checked against the loaded tables', () => {
	it('a mapping to a column the table lacks is refused', async () => {
		const path = configFile({
			version: 1,
			tables: { orders: { mapping: { order_id: 'order_id', customer_id: 'customer_id', ordered_at: 'nope' } } }
		});
		await refused([folder.path('orders.csv'), '--config', path], path, 'tables.orders.mapping.ordered_at', 'orders.csv', '"nope"');
	}, 60_000);

	it('a correction for a table not loaded is a warning', async () => {
		const path = configFile({ version: 1, tables: { ordres: { kind: 'other' } } });
		const r = await runCli(['report', folder.path('orders.csv'), '--config', path, '--json']);
		expect(r.code).toBe(0);
		expect(r.err).toBe(`${path}: tables.ordres names no loaded table (loaded: orders)\n`);
	}, 60_000);
});

describe('exit codes of the rest', () => {
	it('--help prints the usage and exits 0; no command exits 2', async () => {
		const help = await runCli(['--help']);
		expect(help.code).toBe(0);
		expect(help.out).toContain('crm-pulse report <files or folders...>');
		expect((await runCli([])).code).toBe(2);
	});

	it('a good config file and good options exit 0', async () => {
		const r = await runCli(['report', folder.path('orders.csv'), '--config', folder.path('ok.json'), '--to', '2024-12-31', '--json']);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.out).filters).toEqual({ from: '2024-01-01', to: '2024-12-31' });
	}, 60_000);
});
