/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { BROWSER_RUNTIME, createDuckDB, DuckDBDataProtocol, VoidLogger } from 'duckdb-browser-blocking';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { DuckCore, OPEN_CONFIG } from '../lib/engine/duck-core';
import { dropTable, listTables, loadCsvTable } from '../lib/engine/load-table';
import { errorToData } from '../lib/engine/query-error';
import type { Outcome, WorkerApi } from '../lib/engine/worker-api';
import { ProgressFile } from '../lib/engine/progress-file';
import { prepareBlob } from '../lib/ingest/prepare-blob';
import type { LoadPhase } from '../lib/engine/engine';

/** Yield to the message loop through a MessageChannel (setTimeout is clamped to 4 ms). */
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = () =>
	new Promise<void>((resolve) => {
		waiting.push(resolve);
		channel.port2.postMessage(0);
	});

let core: DuckCore | null = null;

/** At most one progress message per 100 ms crosses to the page. */
function throttle(report: (phase: LoadPhase, read: number, total: number) => void) {
	let last = 0;
	return (phase: LoadPhase, read: number, total: number) => {
		const now = Date.now();
		if (now - last < 100 && read < total) return;
		last = now;
		report(phase, read, total);
	};
}
let fileSeq = 0;

function ok<T>(value: T): Outcome<T> {
	return { ok: true, value };
}

async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return ok(await work());
	} catch (err) {
		return { ok: false, error: errorToData(err) };
	}
}

function need(): DuckCore {
	if (!core) throw new Error('engine not started');
	return core;
}

const api: WorkerApi = {
	async init() {
		return attempt(async () => {
			const bundles = { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } };
			const db = await createDuckDB(bundles, new VoidLogger(), BROWSER_RUNTIME);
			await db.instantiate(() => {});
			db.open(OPEN_CONFIG);
			core = new DuckCore(db, yieldNow);
			return { version: db.getVersion() };
		});
	},
	ping() {
		return Date.now();
	},
	async run(id, sql) {
		return attempt(async () => {
			const bytes = await need().run(sql, id);
			return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
		});
	},
	async load(id, table, file, encoding, typing, onProgress) {
		return attempt(async () => {
			const c = need();
			const name = `src${++fileSeq}/${file.name}`;
			const { blob, guess } = await prepareBlob(file, encoding, throttle(onProgress));
			const tracked = new ProgressFile(blob);
			c.db.registerFileHandle(name, tracked, DuckDBDataProtocol.BROWSER_FILEREADER, true);
			const timer = setInterval(() => onProgress('loading', tracked.bytesRead, blob.size), 100);
			try {
				const loaded = await loadCsvTable(c, name, blob, table, id, typing);
				onProgress('loading', blob.size, blob.size);
				return { ...loaded, encoding: guess };
			} finally {
				clearInterval(timer);
				c.dropFile(name);
			}
		});
	},
	async drop(table) {
		return attempt(() => dropTable(need(), table));
	},
	async listTables() {
		return attempt(() => listTables(need()));
	},
	cancel(id) {
		core?.cancel(id);
	},
	cancelAll() {
		core?.cancelAll();
	}
};

Comlink.expose(api);
