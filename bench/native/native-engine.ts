import { openAsBlob } from 'node:fs';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { ENGINE_SETTINGS, type DuckCore } from '../../src/lib/engine/duck-core';
import type { Engine, LoadRequest, LoadResult, TableInfo } from '../../src/lib/engine/engine';
import { loadCsvTable } from '../../src/lib/engine/load-table';
import { formatDate, formatTimestamp } from '../../src/lib/engine/plain';
import { quoteIdent } from '../../src/lib/sql/quote';

type Row = Record<string, unknown>;

const TIMESTAMPS = new Set<number>([
	DuckDBTypeId.TIMESTAMP,
	DuckDBTypeId.TIMESTAMP_S,
	DuckDBTypeId.TIMESTAMP_MS,
	DuckDBTypeId.TIMESTAMP_NS
]);

/** Plain rows as the app's engines give them: no BigInt, DECIMAL as double, TIMESTAMP/DATE as text. */
async function plainResult(conn: DuckDBConnection, sql: string): Promise<{ names: string[]; rows: Row[] }> {
	const reader = await conn.runAndReadAll(sql);
	const types = reader.columnTypes().map((t) => t.typeId);
	const names = reader.columnNames();
	const rows = reader.getRowsJS().map((values) => {
		const row: Row = {};
		values.forEach((v, i) => {
			let out: unknown = v;
			if (typeof v === 'bigint') out = Number(v);
			else if (v instanceof Date) out = types[i] === DuckDBTypeId.DATE ? formatDate(v.getTime()) : formatTimestamp(v.getTime());
			else if (TIMESTAMPS.has(types[i]) && v !== null) out = String(v);
			row[names[i]] = out;
		});
		return row;
	});
	return { names, rows };
}

async function plainRows(conn: DuckDBConnection, sql: string): Promise<Row[]> {
	return (await plainResult(conn, sql)).rows;
}

function arrowType(values: unknown[]): DataType {
	const first = values.find((v) => v !== null && v !== undefined);
	if (typeof first === 'number') return new Float64();
	if (typeof first === 'boolean') return new Bool();
	return new Utf8();
}

/** Arrow IPC of plain rows, for the app's loader, which decodes every step's result as the wasm engine returns it. */
function ipcOf(rows: Row[], names: string[]): Uint8Array {
	const columns: Record<string, Vector> = {};
	for (const name of names) {
		const values = rows.map((r) => r[name] ?? null);
		columns[name] = vectorFromArray(values, arrowType(values));
	}
	return tableToIPC(names.length ? new Table(columns) : new Table(), 'stream');
}

/**
 * The `Engine` interface over native DuckDB (`@duckdb/node-api`). Files are loaded by the app's own
 * loader (`loadCsvTable`: sniff, sample, stage, type), its statements run natively; `query` runs SQL
 * for its effect only (the report pipeline never reads its Arrow result).
 */
export class NativeEngine implements Engine {
	private conn: DuckDBConnection | null = null;
	private readonly starting: Promise<DuckDBConnection>;
	private seq = 0;

	constructor(threads?: number) {
		this.starting = this.start(threads);
	}

	private async start(threads?: number): Promise<DuckDBConnection> {
		const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
		const conn = await instance.connect();
		for (const sql of ENGINE_SETTINGS) await conn.run(sql);
		this.conn = conn;
		return conn;
	}

	async ready(): Promise<void> {
		await this.starting;
	}

	private core(conn: DuckDBConnection): DuckCore {
		const run = async (sql: string) => {
			const { names, rows } = await plainResult(conn, sql);
			return ipcOf(rows, names);
		};
		const core = { reserve: () => ++this.seq, run, step: run, release: () => undefined, cancel: () => undefined };
		return core as unknown as DuckCore;
	}

	async load(request: LoadRequest): Promise<LoadResult> {
		if (request.source.kind !== 'path') throw new Error(`the native engine reads files by path, not ${request.source.kind}`);
		const conn = await this.starting;
		const t0 = performance.now();
		const { path, name } = request.source;
		const blob = await openAsBlob(path);
		const loaded = await loadCsvTable(this.core(conn), path, blob, request.table, ++this.seq, request.typing);
		const encoding = { encoding: 'utf-8', confidence: 'certain' } as unknown as LoadResult['encoding'];
		return { ...loaded, encoding, source: name, millis: performance.now() - t0 };
	}

	async query(sql: string): Promise<Table> {
		await (await this.starting).run(sql);
		return new Table();
	}

	async rows(sql: string): Promise<Row[]> {
		return plainRows(await this.starting, sql);
	}

	async drop(table: string): Promise<void> {
		await (await this.starting).run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
	}

	async listTables(): Promise<TableInfo[]> {
		throw new Error('listTables is not needed by the benchmark');
	}

	async cancelAll(): Promise<void> {}

	async close(): Promise<void> {
		this.conn?.closeSync();
	}
}
