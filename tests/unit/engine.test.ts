import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { QueryCancelled, QueryError } from '../../src/lib/engine/query-error';
import { encodeLegacy, encodeUtf16 } from '../helpers/legacy-encode';

let engine: NodeEngine;
const dir = mkdtempSync(join(tmpdir(), 'crm-pulse-engine-'));

function csv(name: string, text: string) {
	const path = join(dir, name);
	writeFileSync(path, text);
	return { kind: 'path' as const, path, name };
}

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
});
afterAll(() => engine.close());

describe('NodeEngine', () => {
	it('loads a CSV and reports rows and column types', async () => {
		const result = await engine.load({
			table: 'orders',
			source: csv(
				'orders.csv',
				'order_id,amount,ordered_at\nA1,10.5,2024-01-02 10:00:00\nA2,4.5,2024-01-03 11:30:00\nA3,,2024-02-01 00:00:00\n'
			)
		});
		expect(result.table.rows).toBe(3);
		expect(result.table.columns).toEqual([
			{ name: 'order_id', type: 'VARCHAR' },
			{ name: 'amount', type: 'DOUBLE' },
			{ name: 'ordered_at', type: 'TIMESTAMP' }
		]);
		// 10.5 + 4.5 = 15; the empty cell is NULL, so count(amount) = 2.
		const [row] = await engine.rows('SELECT sum(amount) AS s, count(amount) AS n, count(*) AS all_rows FROM orders');
		expect(row).toEqual({ s: 15, n: 2, all_rows: 3 });
	});

	it('never leaks BigInt or Decimal objects into rows', async () => {
		const [row] = await engine.rows(
			`SELECT 42::BIGINT AS big, 12.34::DECIMAL(10,2) AS dec, sum(x) AS hsum, DATE '2024-03-04' AS d, TIMESTAMP '2024-03-04 05:06:07' AS ts FROM (VALUES (1::BIGINT), (2::BIGINT)) v(x)`
		);
		expect(row).toEqual({ big: 42, dec: 12.34, hsum: 3, d: '2024-03-04', ts: '2024-03-04 05:06:07' });
		for (const v of Object.values(row)) expect(typeof v).not.toBe('bigint');
	});

	it('reads zoned timestamps as plain TIMESTAMP, never TIMESTAMPTZ', async () => {
		const r = await engine.load({ table: 'zoned', source: csv('zoned.csv', 'id,ts\n1,2024-01-01T10:00:00Z\n2,2024-02-01T10:00:00Z\n') });
		expect(r.table.columns.find((c) => c.name === 'ts')?.type).toBe('TIMESTAMP');
		const rows = await engine.rows(`SELECT date_trunc('month', ts) AS m, count(*) AS n FROM zoned GROUP BY 1 ORDER BY 1`);
		expect(rows).toEqual([
			{ m: '2024-01-01', n: 1 },
			{ m: '2024-02-01', n: 1 }
		]);
	});

	it('wraps an engine error once, with its SQL', async () => {
		const err = await engine.query('SELECT * FROM no_such_table').catch((e) => e);
		expect(err).toBeInstanceOf(QueryError);
		expect(err.message).toMatch(/^Catalog Error: Table with name no_such_table does not exist/);
		const syntax = await engine.query('SELECT 1 + FROM').catch((e) => e);
		expect(syntax.message).toMatch(/^Parser Error: syntax error at or near/);
		expect(syntax.position).toBe('SELECT 1 + '.length); // at FROM
		expect(err.sql).toBe('SELECT * FROM no_such_table');
	});

	it('refuses to reach the extension site: an extension function fails fast', async () => {
		const err = await engine.query(`SELECT * FROM read_parquet('x.parquet')`).catch((e) => e);
		expect(err).toBeInstanceOf(QueryError);
	});

	it('cancels a running query and keeps working afterwards', async () => {
		const controller = new AbortController();
		const slow = engine.query('SELECT count(*) FROM range(100000000) a, range(100) b WHERE (a.range * b.range) % 7 = 3', {
			signal: controller.signal
		});
		setTimeout(() => controller.abort(), 50);
		await expect(slow).rejects.toBeInstanceOf(QueryCancelled);
		const [row] = await engine.rows('SELECT 1 + 1 AS two');
		expect(row.two).toBe(2);
	});

	it('lists tables and drops them', async () => {
		await engine.load({ table: 'to_drop', source: csv('d.csv', 'a\n1\n2\n') });
		expect((await engine.listTables()).map((t) => t.name)).toContain('to_drop');
		await engine.drop('to_drop');
		expect((await engine.listTables()).map((t) => t.name)).not.toContain('to_drop');
	});

	it('replaces a table when the same file is loaded again', async () => {
		await engine.load({ table: 'again', source: csv('again.csv', 'a\n1\n2\n') });
		const second = await engine.load({ table: 'again', source: csv('again.csv', 'a\n1\n2\n3\n') });
		expect(second.table.rows).toBe(3);
	});
});

describe('NodeEngine reads legacy encodings', () => {
	it.each([
		['gb18030', '客户ID,客户名称,渠道\nC1,张三,微信\nC2,李四,电话\n', ['客户ID', '客户名称', '渠道'], '李四'],
		['shift_jis', '顧客ID,氏名\n1,山田太郎\n2,佐藤花子\n', ['顧客ID', '氏名'], '佐藤花子'],
		['windows-1252', 'id,name\n1,Müller\n2,Françoise\n', ['id', 'name'], 'Françoise']
	] as const)('%s', async (encoding, text, headers, secondValue) => {
		const path = join(dir, `${encoding}.csv`);
		writeFileSync(path, encodeLegacy(text, encoding));
		const result = await engine.load({
			table: `enc_${encoding.replace('-', '_')}`,
			source: { kind: 'path', path, name: `${encoding}.csv` }
		});
		expect(result.encoding.encoding).toBe(encoding);
		expect(result.table.columns.map((c) => c.name)).toEqual(headers);
		const rows = await engine.rows(`SELECT * FROM enc_${encoding.replace('-', '_')}`);
		expect(rows[1][headers[1]]).toBe(secondValue);
	});

	it('UTF-16LE with a byte-order mark', async () => {
		const path = join(dir, 'utf16.csv');
		writeFileSync(path, encodeUtf16('id,名字\n1,王五\n', 'le'));
		const result = await engine.load({ table: 'utf16', source: { kind: 'path', path, name: 'utf16.csv' } });
		expect(result.encoding).toEqual({ encoding: 'utf-16le', reason: 'bom' });
		expect(await engine.rows('SELECT * FROM utf16')).toEqual([{ id: 1, 名字: '王五' }]);
	});
});
