import type { LoadPhase, TableInfo } from './engine';
import type { Encoding, EncodingGuess } from '../ingest/encoding';
import type { LoadReport } from '../ingest/load-report';
import type { TypeOptions } from '../ingest/type-table';
import type { ErrorData } from './query-error';

/** A result or an error as plain data: the only shapes that cross the worker boundary. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** What the engine worker exposes through comlink. */
export interface WorkerApi {
	init(): Promise<Outcome<{ version: string }>>;
	/** Answered between query slices, so the watchdog can tell a busy engine from a dead one. */
	ping(): number;
	/** Run SQL; the value is an Arrow IPC stream, transferred. */
	run(id: number, sql: string): Promise<Outcome<Uint8Array>>;
	load(
		id: number,
		table: string,
		file: File,
		encoding: Encoding | undefined,
		typing: TypeOptions | undefined,
		onProgress: (phase: LoadPhase, bytesRead: number, bytesTotal: number) => void
	): Promise<Outcome<{ table: TableInfo; encoding: EncodingGuess; report: LoadReport }>>;
	drop(table: string): Promise<Outcome<void>>;
	listTables(): Promise<Outcome<TableInfo[]>>;
	cancel(id: number): void;
	cancelAll(): void;
}

/** The worker as the main thread sees it: every call is asynchronous. */
export type WorkerCalls = {
	[K in keyof WorkerApi]: (...args: Parameters<WorkerApi[K]>) => Promise<Awaited<ReturnType<WorkerApi[K]>>>;
};
