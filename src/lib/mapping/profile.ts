import type { Engine } from '../engine/engine';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import type { Profile, ProfileColumn } from './types';

export interface ProfileOptions {
	/** Non-empty values kept per column. */
	sampleSize?: number;
	/** Rows read for samples and distinct ratios (the first ones: line-level exports show their shape early). */
	rows?: number;
}

/** Columns and DuckDB types of a table in the main schema, in order. */
async function columnsOf(engine: Engine, table: string): Promise<{ name: string; type: string }[]> {
	const rows = await engine.rows(
		`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(table)} ORDER BY column_index`
	);
	if (!rows.length) throw new Error(`cannot profile table ${table}: it does not exist or has no columns`);
	return rows.map((r) => ({ name: String(r.name), type: String(r.type) }));
}

/** Build detection's profile of a loaded raw table in one query over its first rows. */
export async function profileTable(engine: Engine, table: string, fileName = table, options: ProfileOptions = {}): Promise<Profile> {
	const sampleSize = options.sampleSize ?? 50;
	const limit = options.rows ?? 10_000;
	if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new Error(`invalid sample size: ${sampleSize}`);
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid row limit: ${limit}`);
	const columns = await columnsOf(engine, table);
	const parts = columns.flatMap((c, i) => {
		const text = `trim(CAST(${quoteIdent(c.name)} AS VARCHAR))`;
		return [
			`(list(${text}) FILTER (WHERE ${text} <> ''))[1:${sampleSize}] AS s${i}`,
			`CAST(count(DISTINCT ${quoteIdent(c.name)}) AS DOUBLE) AS d${i}`,
			`CAST(count(${quoteIdent(c.name)}) AS DOUBLE) AS n${i}`
		];
	});
	const [row] = await engine.rows(`SELECT ${parts.join(', ')} FROM (SELECT * FROM ${quoteIdent(table)} LIMIT ${limit})`);
	const profiled: ProfileColumn[] = columns.map((c, i) => {
		const sample = Array.isArray(row[`s${i}`]) ? (row[`s${i}`] as unknown[]).map(String) : [];
		const n = Number(row[`n${i}`]);
		return { name: c.name, type: c.type, sample, ...(n > 0 ? { distinctRatio: Number(row[`d${i}`]) / n } : {}) };
	});
	return { fileName, columns: profiled };
}

/**
 * A profile from a header line alone, for a file the engine could not load as a table (or not
 * yet): every column VARCHAR with no samples, so only headers and the file name count.
 */
export function profileFromHeader(fileName: string, headers: string[]): Profile {
	return { fileName, columns: headers.map((name) => ({ name, type: 'VARCHAR', sample: [] })) };
}
