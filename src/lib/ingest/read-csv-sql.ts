import { quoteIdent, quoteLiteral } from '../sql/quote';
import type { Dialect } from './dialect';

export interface RejectTables {
	errors: string;
	scans: string;
}

/**
 * `read_csv` with the sniffed dialect pinned and every column read as text, so that no
 * value is lost or guessed at this stage; rows that do not fit are stored as rejects.
 */
export function readCsvSql(fileName: string, dialect: Dialect, rejects: RejectTables): string {
	const columns = dialect.names.map((n) => `${quoteLiteral(n)}: 'VARCHAR'`).join(', ');
	const options = [
		`delim = ${quoteLiteral(dialect.delimiter)}`,
		`quote = ${quoteLiteral(dialect.quote)}`,
		`escape = ${quoteLiteral(dialect.escape)}`,
		`header = ${dialect.header}`,
		`skip = ${dialect.skip}`,
		`auto_detect = false`,
		`columns = {${columns}}`,
		`null_padding = false`,
		`store_rejects = true`,
		`rejects_table = ${quoteLiteral(rejects.errors)}`,
		`rejects_scan = ${quoteLiteral(rejects.scans)}`,
		`max_line_size = 16777216`
	];
	return `read_csv(${quoteLiteral(fileName)}, ${options.join(', ')})`;
}

export function stagingSql(staging: string, fileName: string, dialect: Dialect, rejects: RejectTables): string {
	return `CREATE OR REPLACE TABLE ${quoteIdent(staging)} AS SELECT * FROM ${readCsvSql(fileName, dialect, rejects)}`;
}

/** One row per rejected line: the physical line, DuckDB's reason, and the text of the line. */
export function rejectsSql(rejects: RejectTables): string {
	return `SELECT line, min(error_message) AS reason, min(csv_line) AS text, count(*) OVER () AS total
FROM ${quoteIdent(rejects.errors)} GROUP BY line ORDER BY line LIMIT 1000`;
}

export function dropRejectsSql(rejects: RejectTables): string[] {
	return [`DROP TABLE IF EXISTS ${quoteIdent(rejects.errors)}`, `DROP TABLE IF EXISTS ${quoteIdent(rejects.scans)}`];
}
