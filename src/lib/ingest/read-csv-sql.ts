import { quoteIdent, quoteLiteral } from '../sql/quote';
import type { Dialect } from './dialect';

export interface RejectTables {
	errors: string;
	scans: string;
}

/**
 * `read_csv` with the sniffed dialect pinned and each column's type given (text unless the
 * sample showed DuckDB can parse it natively); rows that do not fit are stored as rejects.
 * Without reject tables (for the sample) unreadable rows are skipped.
 */
export function readCsvSql(fileName: string, dialect: Dialect, rejects: RejectTables | null, types?: string[]): string {
	const columns = dialect.names.map((n, i) => `${quoteLiteral(n)}: ${quoteLiteral(types?.[i] ?? 'VARCHAR')}`).join(', ');
	const options = [
		`delim = ${quoteLiteral(dialect.delimiter)}`,
		`quote = ${quoteLiteral(dialect.quote)}`,
		`escape = ${quoteLiteral(dialect.escape)}`,
		`header = ${dialect.header}`,
		`skip = ${dialect.skip}`,
		`auto_detect = false`,
		`columns = {${columns}}`,
		`null_padding = false`,
		...(rejects
			? [`store_rejects = true`, `rejects_table = ${quoteLiteral(rejects.errors)}`, `rejects_scan = ${quoteLiteral(rejects.scans)}`]
			: [`ignore_errors = true`]),
		`max_line_size = 16777216`
	];
	return `read_csv(${quoteLiteral(fileName)}, ${options.join(', ')})`;
}

export function stagingSql(staging: string, fileName: string, dialect: Dialect, rejects: RejectTables, types: string[]): string {
	return `CREATE OR REPLACE TABLE ${quoteIdent(staging)} AS SELECT * FROM ${readCsvSql(fileName, dialect, rejects, types)}`;
}

/** The first rows, all as text, to choose types from. */
export function sampleSql(sample: string, fileName: string, dialect: Dialect, rows: number): string {
	return `CREATE OR REPLACE TEMP TABLE ${quoteIdent(sample)} AS SELECT * FROM ${readCsvSql(fileName, dialect, null)} LIMIT ${rows}`;
}

/** Columns whose values the reader could not convert to the type the sample suggested. */
export function castRejectColumnsSql(rejects: RejectTables): string {
	return `SELECT DISTINCT column_name FROM ${quoteIdent(rejects.errors)} WHERE error_type::VARCHAR = 'CAST' AND column_name IS NOT NULL`;
}

/** One row per rejected line: the physical line, DuckDB's reason, and the text of the line. */
export function rejectsSql(rejects: RejectTables): string {
	return `SELECT line, min(error_message) AS reason, min(csv_line) AS text, count(*) OVER () AS total
FROM ${quoteIdent(rejects.errors)} GROUP BY line ORDER BY line LIMIT 1000`;
}

export function dropRejectsSql(rejects: RejectTables): string[] {
	return [`DROP TABLE IF EXISTS ${quoteIdent(rejects.errors)}`, `DROP TABLE IF EXISTS ${quoteIdent(rejects.scans)}`];
}
