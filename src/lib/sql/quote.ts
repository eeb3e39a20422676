/**
 * The only two ways a user-supplied name or value may enter SQL text.
 * Everything else in SQL strings is written by this codebase.
 */

/** Quote an identifier (table or column name) for DuckDB: `a"b` → `"a""b"`. */
export function quoteIdent(name: string): string {
	if (name.includes('\u0000')) throw new Error(`invalid identifier: contains a NUL character`);
	return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal for DuckDB: `it's` → `'it''s'`. */
export function quoteLiteral(value: string): string {
	if (value.includes('\u0000')) throw new Error(`invalid literal: contains a NUL character`);
	return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL literal for a JS value: strings quoted, numbers checked finite, null as NULL. */
export function sqlValue(value: string | number | boolean | null): string {
	if (value === null) return 'NULL';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`invalid number literal: ${value}`);
		return String(value);
	}
	return quoteLiteral(value);
}
