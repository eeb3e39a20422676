import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { DuckCore, OPEN_CONFIG } from './duck-core';
import type { Engine, LoadRequest, LoadResult, QueryOptions, TableInfo } from './engine';
import { decodeIPC } from './ipc';
import { dropTable, listTables, loadCsvTable } from './load-table';
import { tableToRows } from './plain';

interface NodeDuck {
	createDuckDB(bundles: unknown, logger: unknown, runtime: unknown): Promise<DuckDBBindings>;
	VoidLogger: new () => unknown;
	NODE_RUNTIME: unknown;
	DuckDBDataProtocol: { NODE_FS: number; BUFFER: number };
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The engine over the Node build of DuckDB-WASM (the same engine version as the browser's),
 * for tests and the command line. Files are read from disk by path.
 */
export class NodeEngine implements Engine {
	private core: DuckCore | null = null;
	private readonly starting: Promise<DuckCore>;
	private duck: NodeDuck | null = null;
	private fileSeq = 0;

	constructor() {
		this.starting = this.start();
	}

	private async start(): Promise<DuckCore> {
		const require = createRequire(import.meta.url);
		const duck = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as NodeDuck;
		const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
		const bundles = {
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		};
		const db = await duck.createDuckDB(bundles, new duck.VoidLogger(), duck.NODE_RUNTIME);
		await db.instantiate(() => {});
		db.open(OPEN_CONFIG);
		this.duck = duck;
		this.core = new DuckCore(db, yieldNow);
		return this.core;
	}

	async ready(): Promise<void> {
		await this.starting;
	}

	async load(request: LoadRequest, _onProgress?: unknown, options?: QueryOptions): Promise<LoadResult> {
		const core = await this.starting;
		const t0 = performance.now();
		const source = request.source;
		const fileName = `src${++this.fileSeq}/${source.kind === 'path' ? source.name : source.file.name}`;
		if (source.kind === 'path') {
			core.db.registerFileURL(fileName, source.path, this.duck!.DuckDBDataProtocol.NODE_FS, true);
		} else {
			core.db.registerFileBuffer(fileName, new Uint8Array(await source.file.arrayBuffer()));
		}
		const id = core.reserve();
		const abort = () => core.cancel(id);
		options?.signal?.addEventListener('abort', abort);
		try {
			const table = await loadCsvTable(core, fileName, request.table, id);
			return { table, source: source.kind === 'path' ? source.name : source.file.name, millis: performance.now() - t0 };
		} finally {
			options?.signal?.removeEventListener('abort', abort);
			core.db.dropFile(fileName);
		}
	}

	async query(sql: string, options?: QueryOptions): Promise<Table> {
		const core = await this.starting;
		const id = core.reserve();
		const abort = () => core.cancel(id);
		options?.signal?.addEventListener('abort', abort);
		try {
			return decodeIPC(await core.run(sql, id));
		} finally {
			options?.signal?.removeEventListener('abort', abort);
		}
	}

	async rows(sql: string, options?: QueryOptions): Promise<Record<string, unknown>[]> {
		return tableToRows(await this.query(sql, options));
	}

	async drop(table: string): Promise<void> {
		await dropTable(await this.starting, table);
	}

	async listTables(): Promise<TableInfo[]> {
		return listTables(await this.starting);
	}

	async cancelAll(): Promise<void> {
		this.core?.cancelAll();
	}

	async close(): Promise<void> {
		const core = await this.starting;
		core.db.reset();
	}
}
