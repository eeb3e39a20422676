import { createRequire } from 'node:module';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { prepareBlob } from '../ingest/prepare-blob';
import { blobChunks } from '../ingest/transcode';
import type { Table } from 'apache-arrow';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { DuckCore, OPEN_CONFIG } from './duck-core';
import type { Engine, LoadProgress, LoadRequest, LoadResult, QueryOptions, TableInfo } from './engine';
import { decodeIPC } from './ipc';
import { QueryCancelled } from './query-error';
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

	async load(request: LoadRequest, onProgress?: (p: LoadProgress) => void, options?: QueryOptions): Promise<LoadResult> {
		if (options?.signal?.aborted) throw new QueryCancelled();
		const core = await this.starting;
		const t0 = performance.now();
		const source = request.source;
		const displayName = source.kind === 'path' ? source.name : source.file.name;
		const fileName = `src${++this.fileSeq}/${displayName}`;
		const input: Blob = source.kind === 'path' ? await openAsBlob(source.path) : source.file;
		const { blob, guess } = await prepareBlob(input, request.encoding, (phase, bytesRead, bytesTotal) =>
			onProgress?.({ table: request.table, phase, bytesRead, bytesTotal })
		);
		let temp: string | null = null;
		if (source.kind === 'path' && blob === input) {
			core.db.registerFileURL(fileName, source.path, this.duck!.DuckDBDataProtocol.NODE_FS, true);
		} else {
			// Decoded text goes to a temporary file that DuckDB reads from disk, as the browser reads a Blob.
			temp = join(mkdtempSync(join(tmpdir(), 'crm-pulse-')), 'decoded.csv');
			await pipeline(Readable.from(blobChunks(blob)), createWriteStream(temp));
			core.db.registerFileURL(fileName, temp, this.duck!.DuckDBDataProtocol.NODE_FS, true);
		}
		const id = core.reserve();
		const abort = () => core.cancel(id);
		options?.signal?.addEventListener('abort', abort);
		try {
			const loaded = await loadCsvTable(core, fileName, blob, request.table, id, request.typing);
			return { ...loaded, encoding: guess, source: displayName, millis: performance.now() - t0 };
		} finally {
			options?.signal?.removeEventListener('abort', abort);
			core.dropFile(fileName);
			if (temp) rmSync(dirname(temp), { recursive: true, force: true });
		}
	}

	async query(sql: string, options?: QueryOptions): Promise<Table> {
		if (options?.signal?.aborted) throw new QueryCancelled();
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
