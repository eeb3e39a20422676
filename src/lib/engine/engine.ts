import type { Table } from 'apache-arrow';
import type { Encoding, EncodingGuess } from '../ingest/encoding';
import type { LoadReport } from '../ingest/load-report';
import type { TypeOptions } from '../ingest/type-table';

/** A column of a loaded table, with DuckDB's type name. */
export interface ColumnInfo {
	name: string;
	type: string;
}

/** A table in the engine, as the UI lists it. */
export interface TableInfo {
	name: string;
	rows: number;
	columns: ColumnInfo[];
}

/** How far a running load has got: each phase reads the file once. */
export type LoadPhase = 'checking' | 'decoding' | 'loading';

export interface LoadProgress {
	table: string;
	phase: LoadPhase;
	bytesRead: number;
	bytesTotal: number;
}

/** What a successful load produced. */
export interface LoadResult {
	table: TableInfo;
	source: string;
	/** The encoding the file was read in, and how it was decided. */
	encoding: EncodingGuess;
	/** Dialect, skipped lines and rejected rows. */
	report: LoadReport;
	millis: number;
}

/** A file to load: a browser `File`, or (in Node) a path on disk. */
export type FileSource = { kind: 'file'; file: File } | { kind: 'path'; path: string; name: string };

export interface LoadRequest {
	/** Table to create or replace. */
	table: string;
	source: FileSource;
	/** Read the file in this encoding instead of detecting it. */
	encoding?: Encoding;
	/** The data's time zone as a fixed offset in minutes (default 0, UTC), and confirmed date orders. */
	typing?: TypeOptions;
}

export interface QueryOptions {
	/** Cancels the query when aborted. */
	signal?: AbortSignal;
}

/**
 * The one narrow interface pages and metrics use to reach DuckDB.
 * Implemented by the browser worker client and by the Node engine.
 */
export interface Engine {
	/** Resolves when the engine can take work; rejects if it cannot start. */
	ready(): Promise<void>;
	load(request: LoadRequest, onProgress?: (p: LoadProgress) => void, options?: QueryOptions): Promise<LoadResult>;
	/** Run SQL and return the result as an Arrow table. */
	query(sql: string, options?: QueryOptions): Promise<Table>;
	/** Run SQL and return plain rows: no BigInt, no Decimal objects, timestamps as ISO strings. */
	rows(sql: string, options?: QueryOptions): Promise<Record<string, unknown>[]>;
	drop(table: string): Promise<void>;
	listTables(): Promise<TableInfo[]>;
	/** Cancel every running and queued query. */
	cancelAll(): Promise<void>;
	close(): Promise<void>;
}
