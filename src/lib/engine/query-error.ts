/** An engine error, wrapped once, with the SQL that caused it and the position DuckDB named. */
export class QueryError extends Error {
	readonly sql: string;
	/** Character offset into `sql` where DuckDB placed the error, if it said. */
	readonly position: number | null;
	constructor(message: string, sql: string, position: number | null = null) {
		super(message);
		this.name = 'QueryError';
		this.sql = sql;
		this.position = position;
	}

	/** Wrap what DuckDB threw: its messages are JSON (`exception_type`, `exception_message`, `position`). */
	static from(err: unknown, sql: string): QueryError {
		const raw = err instanceof Error ? err.message : String(err);
		try {
			const parsed = JSON.parse(raw) as { exception_type?: string; exception_message?: string; position?: string };
			if (parsed && typeof parsed.exception_message === 'string') {
				const kind = parsed.exception_type ? `${parsed.exception_type} Error: ` : '';
				const position = parsed.position === undefined ? null : Number(parsed.position);
				return new QueryError(`${kind}${parsed.exception_message}`, sql, Number.isFinite(position) ? position : null);
			}
		} catch {
			// not JSON: DuckDB's plain message is used as it is
		}
		return new QueryError(raw, sql);
	}
}

/** A query that was cancelled before it finished. */
export class QueryCancelled extends Error {
	constructor(message = 'query cancelled') {
		super(message);
		this.name = 'QueryCancelled';
	}
}

/** An error as plain data, the only form that crosses the worker boundary. */
export interface ErrorData {
	name: string;
	message: string;
	sql?: string;
	position?: number | null;
}

export function errorToData(err: unknown): ErrorData {
	if (err instanceof QueryError) return { name: err.name, message: err.message, sql: err.sql, position: err.position };
	if (err instanceof Error) return { name: err.name, message: err.message };
	return { name: 'Error', message: String(err) };
}

export function errorFromData(data: ErrorData): Error {
	if (data.name === 'QueryCancelled') return new QueryCancelled(data.message);
	if (data.name === 'QueryError') return new QueryError(data.message, data.sql ?? '', data.position ?? null);
	const err = new Error(data.message);
	err.name = data.name;
	return err;
}
