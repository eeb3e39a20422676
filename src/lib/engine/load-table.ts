import { quoteIdent, quoteLiteral } from '../sql/quote';
import type { DuckCore } from './duck-core';
import type { ColumnInfo, TableInfo } from './engine';
import { decodeIPC } from './ipc';
import { tableToRows } from './plain';

/** Options every CSV read uses. */
const CSV_OPTIONS = 'auto_detect = true, sample_size = -1';

/**
 * Types to force over the sniffer's choice. Zoned timestamps must never become
 * TIMESTAMPTZ: any function on that type makes DuckDB-WASM load ICU over the network.
 */
export function typeOverrides(columns: ColumnInfo[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const c of columns) if (/WITH TIME ZONE/i.test(c.type)) out[c.name] = 'TIMESTAMP';
	return out;
}

function structLiteral(types: Record<string, string>): string {
	const entries = Object.entries(types).map(([k, v]) => `${quoteLiteral(k)}: ${quoteLiteral(v)}`);
	return `{${entries.join(', ')}}`;
}

export function readCsvSql(fileName: string, types: Record<string, string> = {}): string {
	const typeOption = Object.keys(types).length ? `, types = ${structLiteral(types)}` : '';
	return `read_csv(${quoteLiteral(fileName)}, ${CSV_OPTIONS}${typeOption})`;
}

export async function rowsOf(core: DuckCore, sql: string, id?: number): Promise<Record<string, unknown>[]> {
	const bytes = id === undefined ? await core.run(sql) : await core.step(sql, id);
	return tableToRows(decodeIPC(bytes));
}

/** Name, row count and columns of a table. */
export async function describeTable(core: DuckCore, table: string): Promise<TableInfo> {
	const columns = await rowsOf(
		core,
		`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(table)} ORDER BY column_index`
	);
	const [count] = await rowsOf(core, `SELECT count(*) AS n FROM ${quoteIdent(table)}`);
	return { name: table, rows: Number(count.n), columns: columns.map((c) => ({ name: String(c.name), type: String(c.type) })) };
}

/** Every table of the main schema. */
export async function listTables(core: DuckCore): Promise<TableInfo[]> {
	const names = await rowsOf(core, `SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name`);
	const out: TableInfo[] = [];
	for (const { name } of names) out.push(await describeTable(core, String(name)));
	return out;
}

/**
 * Load a CSV file already registered with the engine under `fileName` into `table`
 * (replacing an earlier copy). Runs as steps under one cancel id.
 */
export async function loadCsvTable(core: DuckCore, fileName: string, table: string, id: number, size: number): Promise<TableInfo> {
	if (size === 0) {
		core.release(id);
		throw new Error('the file is empty (0 bytes)');
	}
	try {
		const sniffed = await rowsOf(core, `DESCRIBE SELECT * FROM ${readCsvSql(fileName)}`, id);
		const types = typeOverrides(sniffed.map((r) => ({ name: String(r.column_name), type: String(r.column_type) })));
		await core.step(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM ${readCsvSql(fileName, types)}`, id);
	} finally {
		core.release(id);
	}
	return describeTable(core, table);
}

export async function dropTable(core: DuckCore, table: string): Promise<void> {
	await core.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
