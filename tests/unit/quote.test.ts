import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { quoteIdent, quoteLiteral, sqlValue } from '../../src/lib/sql/quote';

describe('quoteIdent / quoteLiteral', () => {
	it('doubles the quote character and nothing else', () => {
		expect(quoteIdent('a"b')).toBe('"a""b"');
		expect(quoteIdent('select')).toBe('"select"');
		expect(quoteLiteral("it's")).toBe("'it''s'");
		expect(quoteLiteral("'; DROP TABLE x; --")).toBe("'''; DROP TABLE x; --'");
	});
	it('refuses NUL characters and non-finite numbers', () => {
		expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
		expect(() => sqlValue(Number.NaN)).toThrow(/invalid number literal: NaN/);
		expect(sqlValue(null)).toBe('NULL');
		expect(sqlValue(3.5)).toBe('3.5');
	});
});

describe('hostile headers and values reach DuckDB only as data', () => {
	const engine = new NodeEngine();
	const dir = mkdtempSync(join(tmpdir(), 'crm-pulse-quote-'));
	const headers = ['a"b', 'select', '客户 ID', "'; DROP TABLE x; --"];
	beforeAll(async () => {
		await engine.ready();
		await engine.rows('CREATE TABLE x AS SELECT 1 AS keep');
		const path = join(dir, 'hostile.csv');
		// Header cells are CSV-quoted so that the embedded quote and semicolons survive.
		const head = headers.map((h) => `"${h.replaceAll('"', '""')}"`).join(',');
		writeFileSync(path, `${head}\n1,2,3,"'; DROP TABLE x; --"\n4,5,6,ok\n`);
		await engine.load({ table: "evil'; DROP TABLE x; --", source: { kind: 'path', path, name: 'hostile.csv' } });
	});
	afterAll(() => engine.close());

	it('keeps every header as a column name and every table intact', async () => {
		const tables = (await engine.listTables()).map((t) => t.name).sort();
		expect(tables).toEqual(["evil'; DROP TABLE x; --", 'x']);
		const info = (await engine.listTables()).find((t) => t.name.startsWith('evil'))!;
		expect(info.columns.map((c) => c.name)).toEqual(headers);
		expect(info.rows).toBe(2);
	});

	it('selects each hostile column through quoteIdent and filters by a hostile value through quoteLiteral', async () => {
		const table = quoteIdent("evil'; DROP TABLE x; --");
		const cols = headers.map((h) => quoteIdent(h)).join(', ');
		const rows = await engine.rows(`SELECT ${cols} FROM ${table} WHERE ${quoteIdent(headers[3])} = ${quoteLiteral(headers[3])}`);
		expect(rows).toEqual([{ 'a"b': 1, select: 2, '客户 ID': 3, "'; DROP TABLE x; --": "'; DROP TABLE x; --" }]);
		const [keep] = await engine.rows('SELECT keep FROM x');
		expect(keep.keep).toBe(1);
	});
});
