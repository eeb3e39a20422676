import * as Comlink from 'comlink';
import type { Table } from 'apache-arrow';
import type { Engine, LoadPhase, LoadProgress, LoadRequest, LoadResult, QueryOptions, TableInfo } from './engine';
import type { Encoding } from '../ingest/encoding';
import type { TypeOptions } from '../ingest/type-table';
import { decodeIPC } from './ipc';
import { tableToRows } from './plain';
import { errorFromData, QueryCancelled } from './query-error';
import type { Outcome, WorkerApi, WorkerCalls } from './worker-api';

export type EngineStatus = 'starting' | 'ready' | 'restarting' | 'failed';

export interface WatchdogOptions {
	/** How often the worker is asked whether it is alive (ms). */
	pingEvery?: number;
	/** How long an unanswered ping may wait before the worker is declared dead (ms). */
	pingTimeout?: number;
	/** Told about status changes, restarts and their outcome. */
	onStatus?: (status: EngineStatus, detail?: string) => void;
}

interface Generation {
	worker: Worker;
	api: WorkerCalls;
	started: Promise<void>;
	/** Rejects when this worker is replaced, so no call waits on a dead worker forever. */
	dead: Promise<never>;
	kill: (reason: Error) => void;
}

class EngineRestarted extends Error {
	constructor(reason: string) {
		super(`the engine stopped (${reason}) and was restarted`);
		this.name = 'EngineRestarted';
	}
}

/**
 * The browser engine: DuckDB-WASM in a module worker, reached through comlink.
 * A watchdog pings the worker; if it dies or stops answering it is terminated,
 * a new one is started and every table loaded from a file is loaded again
 * from the `File` kept here on the main thread.
 */
export class WorkerEngine implements Engine {
	private gen: Generation;
	private readonly createWorker: () => Worker;
	private readonly options: Required<Omit<WatchdogOptions, 'onStatus'>> & WatchdogOptions;
	private readonly sources = new Map<string, { file: File; encoding?: Encoding; typing?: TypeOptions }>();
	private nextId = 1;
	private timer: ReturnType<typeof setInterval> | null = null;
	private restarting: Promise<void> | null = null;
	private closed = false;
	status: EngineStatus = 'starting';

	constructor(createWorker: () => Worker, options: WatchdogOptions = {}) {
		this.createWorker = createWorker;
		this.options = { pingEvery: 2000, pingTimeout: 10000, ...options };
		this.gen = this.spawn();
		this.gen.started.then(
			() => this.setStatus('ready'),
			(err) => this.setStatus('failed', String(err?.message ?? err))
		);
		this.timer = setInterval(() => void this.watch(), this.options.pingEvery);
	}

	private setStatus(status: EngineStatus, detail?: string): void {
		this.status = status;
		this.options.onStatus?.(status, detail);
	}

	private spawn(): Generation {
		const worker = this.createWorker();
		// Comlink's Remote type splits union results apart; every call is a promise, which WorkerCalls says plainly.
		const api = Comlink.wrap<WorkerApi>(worker) as unknown as WorkerCalls;
		let kill: (reason: Error) => void = () => {};
		const dead = new Promise<never>((_, reject) => (kill = reject));
		dead.catch(() => undefined);
		const started = Promise.race([api.init(), dead]).then((outcome) => {
			if (!outcome.ok) throw errorFromData(outcome.error);
		});
		const gen: Generation = { worker, api, started, dead, kill };
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			void this.restart(gen, `worker error: ${event.message || 'unknown'}`);
		});
		return gen;
	}

	/** One watchdog tick: a ping that must come back in time. */
	private async watch(): Promise<void> {
		const gen = this.gen;
		if (this.restarting || this.status !== 'ready') return;
		let timeout: ReturnType<typeof setTimeout> | undefined;
		const late = new Promise<'late'>((resolve) => (timeout = setTimeout(() => resolve('late'), this.options.pingTimeout)));
		const answer = await Promise.race([gen.api.ping().catch(() => 'late' as const), late, gen.dead.catch(() => 'gone' as const)]);
		clearTimeout(timeout);
		if (answer === 'late' && gen === this.gen) await this.restart(gen, 'it stopped answering');
	}

	/** Replace a dead worker and reload the tables that came from files. */
	restart(gen: Generation = this.gen, reason = 'restart requested'): Promise<void> {
		if (gen !== this.gen || this.closed) return this.restarting ?? Promise.resolve();
		if (this.restarting) return this.restarting;
		this.setStatus('restarting', reason);
		gen.kill(new EngineRestarted(reason));
		gen.worker.terminate();
		this.restarting = (async () => {
			const next = (this.gen = this.spawn());
			try {
				await Promise.race([next.started, next.dead]);
				const failed: string[] = [];
				for (const [table, { file, encoding, typing }] of this.sources) {
					const outcome = await Promise.race([
						next.api.load(
							this.nextId++,
							table,
							file,
							encoding,
							typing,
							Comlink.proxy(() => {})
						),
						next.dead
					]);
					if (!outcome.ok) failed.push(`${file.name}: ${outcome.error.message}`);
				}
				const reloaded = this.sources.size - failed.length;
				const detail = `${reason}; ${reloaded} table${reloaded === 1 ? '' : 's'} reloaded${failed.length ? `; not reloaded: ${failed.join('; ')}` : ''}`;
				this.setStatus('ready', detail);
			} catch (err) {
				this.setStatus('failed', err instanceof Error ? err.message : String(err));
			} finally {
				this.restarting = null;
			}
		})();
		return this.restarting;
	}

	/** Call the current worker; rejects if that worker is replaced meanwhile. */
	private async call<T>(fn: (api: WorkerCalls) => Promise<T>): Promise<T> {
		if (this.restarting) await this.restarting;
		const gen = this.gen;
		await Promise.race([gen.started, gen.dead]);
		return Promise.race([fn(gen.api), gen.dead]);
	}

	private async withCancel<T>(options: QueryOptions | undefined, fn: (id: number) => Promise<Outcome<T>>): Promise<T> {
		const id = this.nextId++;
		if (options?.signal?.aborted) throw new QueryCancelled();
		const gen = this.gen;
		const abort = () => void gen.api.cancel(id);
		options?.signal?.addEventListener('abort', abort);
		try {
			const outcome = await this.call(() => fn(id));
			if (!outcome.ok) throw errorFromData(outcome.error);
			return outcome.value;
		} finally {
			options?.signal?.removeEventListener('abort', abort);
		}
	}

	ready(): Promise<void> {
		return this.call(async () => undefined);
	}

	async load(request: LoadRequest, onProgress?: (p: LoadProgress) => void, options?: QueryOptions): Promise<LoadResult> {
		if (request.source.kind !== 'file') throw new Error('the browser engine loads File objects only');
		const file = request.source.file;
		const t0 = performance.now();
		const progress = Comlink.proxy((phase: LoadPhase, bytesRead: number, bytesTotal: number) =>
			onProgress?.({ table: request.table, phase, bytesRead, bytesTotal })
		);
		const loaded = await this.withCancel(options, (id) =>
			this.gen.api.load(id, request.table, file, request.encoding, request.typing, progress)
		);
		this.sources.set(request.table, { file, encoding: request.encoding, typing: request.typing });
		return { ...loaded, source: file.name, millis: performance.now() - t0 };
	}

	async query(sql: string, options?: QueryOptions): Promise<Table> {
		const bytes = await this.withCancel(options, (id) => this.gen.api.run(id, sql));
		return decodeIPC(bytes);
	}

	async rows(sql: string, options?: QueryOptions): Promise<Record<string, unknown>[]> {
		return tableToRows(await this.query(sql, options));
	}

	async drop(table: string): Promise<void> {
		const outcome = await this.call((api) => api.drop(table));
		if (!outcome.ok) throw errorFromData(outcome.error);
		this.sources.delete(table);
	}

	async listTables(): Promise<TableInfo[]> {
		const outcome = await this.call((api) => api.listTables());
		if (!outcome.ok) throw errorFromData(outcome.error);
		return outcome.value;
	}

	async cancelAll(): Promise<void> {
		await this.gen.api.cancelAll();
	}

	async close(): Promise<void> {
		this.closed = true;
		if (this.timer) clearInterval(this.timer);
		this.gen.kill(new Error('engine closed'));
		this.gen.worker.terminate();
	}
}
