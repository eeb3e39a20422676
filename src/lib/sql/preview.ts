import { quoteIdent } from './quote';

/** One window of a table's rows, in the order they were loaded. */
export function previewSql(table: string, offset: number, limit: number): string {
	if (!Number.isInteger(offset) || offset < 0) throw new Error(`invalid offset: ${offset}`);
	if (!Number.isInteger(limit) || limit <= 0) throw new Error(`invalid limit: ${limit}`);
	return `SELECT * FROM ${quoteIdent(table)} LIMIT ${limit} OFFSET ${offset}`;
}
