import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { QueryCancelled, QueryError } from './query-error';

/** Settings applied to every engine before it takes work. */
export const ENGINE_SETTINGS = [
	// Nothing may reach the DuckDB extension site: an unknown function fails fast instead.
	'SET autoload_known_extensions = false',
	'SET autoinstall_known_extensions = false'
];

/** Options for `open()`: INT64 and DECIMAL leave the engine as doubles, never BigInt. */
export const OPEN_CONFIG = {
	// A poll of a pending query works for at most this many ms before it returns, so the
	// worker can answer a cancel or a ping between slices.
	query: { castBigIntToDouble: true, castDecimalToDouble: true, queryPollingInterval: 25 }
};

/** How long one slice of query work runs before the thread yields to messages (ms). */
const SLICE_MS = 30;

type Yield = () => Promise<void>;

interface Job {
	id: number;
	sql: string;
	cancelled: boolean;
}

/**
 * A DuckDB connection that runs one query at a time as a pending query,
 * polling it in short slices and yielding between them, so a cancel request
 * (or a ping) can be handled while a long query runs.
 * Used unchanged by the browser worker and by the Node engine.
 */
export class DuckCore {
	readonly db: DuckDBBindings;
	private readonly conn: DuckDBConnection;
	private readonly connId: number;
	private readonly yieldNow: Yield;
	private tail: Promise<unknown> = Promise.resolve();
	private readonly jobs = new Map<number, Job>();
	private readonly cancelled = new Set<number>();
	private readonly staleFiles = new Set<string>();
	private nextId = 1;

	constructor(db: DuckDBBindings, yieldNow: Yield) {
		this.db = db;
		this.conn = db.connect();
		this.connId = this.conn.useUnsafe((_b, id) => id);
		this.yieldNow = yieldNow;
		for (const sql of ENGINE_SETTINGS) this.conn.query(sql);
	}

	/** Reserve an id for a query so that it can be cancelled before or while it runs. */
	reserve(): number {
		return this.nextId++;
	}

	/** Run SQL; resolves with the result as one Arrow IPC stream. Queries run one at a time. */
	async run(sql: string, id = this.reserve()): Promise<Uint8Array> {
		try {
			return await this.step(sql, id);
		} finally {
			this.release(id);
		}
	}

	/**
	 * Run one step of a multi-step operation under `id`: a cancel of `id` stays in force
	 * for the later steps until `release(id)`.
	 */
	step(sql: string, id: number): Promise<Uint8Array> {
		const job: Job = { id, sql, cancelled: this.cancelled.has(id) };
		this.jobs.set(id, job);
		const result = this.tail.then(() => this.execute(job));
		this.tail = result.catch(() => undefined);
		return result.finally(() => this.jobs.delete(id));
	}

	release(id: number): void {
		this.cancelled.delete(id);
	}

	cancel(id: number): void {
		this.cancelled.add(id);
		const job = this.jobs.get(id);
		if (job) job.cancelled = true;
	}

	/**
	 * Unregister a file. A cancelled query can still hold the file open for a moment
	 * ("file is in use"); then the drop is retried before the next query.
	 */
	dropFile(name: string): void {
		try {
			this.db.dropFile(name);
		} catch {
			this.staleFiles.add(name);
		}
	}

	private dropStaleFiles(): void {
		for (const name of this.staleFiles) {
			try {
				this.db.dropFile(name);
				this.staleFiles.delete(name);
			} catch {
				// still in use: try again before the next query
			}
		}
	}

	cancelAll(): void {
		for (const job of this.jobs.values()) {
			job.cancelled = true;
			this.cancelled.add(job.id);
		}
	}

	private async execute(job: Job): Promise<Uint8Array> {
		if (job.cancelled || this.cancelled.has(job.id)) throw new QueryCancelled();
		if (this.staleFiles.size) this.dropStaleFiles();
		const db = this.db;
		let header: Uint8Array | null;
		try {
			header = db.startPendingQuery(this.connId, job.sql, false);
			let sliceStart = Date.now();
			while (header === null) {
				if (Date.now() - sliceStart >= SLICE_MS) {
					await this.yieldNow();
					sliceStart = Date.now();
				}
				if (job.cancelled || this.cancelled.has(job.id)) {
					db.cancelPendingQuery(this.connId);
					throw new QueryCancelled();
				}
				header = db.pollPendingQuery(this.connId);
			}
		} catch (err) {
			if (err instanceof QueryCancelled) throw err;
			throw QueryError.from(err, job.sql);
		}
		const chunks = [header];
		let size = header.byteLength;
		for (;;) {
			const chunk = db.fetchQueryResults(this.connId);
			if (chunk === null || chunk.byteLength === 0) break;
			chunks.push(chunk);
			size += chunk.byteLength;
		}
		return concat(chunks, size);
	}
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}
