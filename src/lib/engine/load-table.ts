import { quoteIdent, quoteLiteral } from '../sql/quote';
import { sniffDialect } from '../ingest/dialect';
import { readHeadTail } from '../ingest/head-tail';
import { scanLineEndings } from '../ingest/line-endings';
import { classifyRejects, type LoadReport } from '../ingest/load-report';
import { castRejectColumnsSql, dropRejectsSql, rejectsSql, sampleSql, stagingSql } from '../ingest/read-csv-sql';
import { finishTyping, planFromSample, readType, SAMPLE_ROWS, type TypeOptions } from '../ingest/type-table';
import type { DuckCore } from './duck-core';
import type { TableInfo } from './engine';
import { decodeIPC } from './ipc';
import { tableToRows } from './plain';

export async function rowsOf(core: DuckCore, sql: string, id?: number): Promise<Record<string, unknown>[]> {
	const bytes = id === undefined ? await core.run(sql) : await core.step(sql, id);
	return tableToRows(decodeIPC(bytes));
}

/** Name, row count and columns of a table. */
export async function describeTable(core: DuckCore, table: string): Promise<TableInfo> {
	const columns = await rowsOf(
		core,
		`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(table)} ORDER BY column_index`
	);
	const [count] = await rowsOf(core, `SELECT count(*) AS n FROM ${quoteIdent(table)}`);
	return { name: table, rows: Number(count.n), columns: columns.map((c) => ({ name: String(c.name), type: String(c.type) })) };
}

/** Every table of the main schema. */
export async function listTables(core: DuckCore): Promise<TableInfo[]> {
	const names = await rowsOf(
		core,
		`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT starts_with(table_name, '__') ORDER BY table_name`
	);
	const out: TableInfo[] = [];
	for (const { name } of names) out.push(await describeTable(core, String(name)));
	return out;
}

/**
 * Load a UTF-8 CSV file, registered with the engine under `fileName`, into `table`
 * (replacing an earlier copy): sniff the dialect from its head and tail, read every
 * field as text with rejected lines stored, then decide each column's type from all
 * of its values. Runs as steps under one cancel id; a refusal leaves no table behind.
 */
export async function loadCsvTable(
	core: DuckCore,
	fileName: string,
	blob: Blob,
	table: string,
	id: number,
	typing: TypeOptions = { timeZoneOffsetMinutes: 0 }
): Promise<{ table: TableInfo; report: LoadReport }> {
	const staging = `__staging_${id}`;
	const sample = `__sample_${id}`;
	const rejects = { errors: `__rejects_${id}`, scans: `__reject_scans_${id}` };
	try {
		if (blob.size === 0) throw new Error('the file is empty (0 bytes)');
		const { head, tail, complete } = await readHeadTail(blob);
		if (!head.trim()) throw new Error('the file holds no text, only blank lines');
		const dialect = sniffDialect(head, tail, complete);
		const open = complete ? scanLineEndings(head, dialect.quote, dialect.escape).unterminatedAt : null;
		if (open !== null) throw new Error(`line ${open}: a quoted field starts here and is never closed`);
		await core.step(sampleSql(sample, fileName, dialect, SAMPLE_ROWS), id);
		const samplePlans = await planFromSample(core, sample, dialect.names, id);
		const readTypes = samplePlans.map(readType);
		await core.step(stagingSql(staging, fileName, dialect, rejects, readTypes), id);
		// A value the sample did not foresee (a date in another format, a word in a number
		// column): read those columns as text and type them from all their values instead.
		const demote = new Set((await rowsOf(core, castRejectColumnsSql(rejects), id)).map((r) => String(r.column_name)));
		if (demote.size) {
			dialect.names.forEach((name, i) => {
				if (demote.has(name)) readTypes[i] = 'VARCHAR';
			});
			for (const sql of dropRejectsSql(rejects)) await core.step(sql, id);
			await core.step(stagingSql(staging, fileName, dialect, rejects, readTypes), id);
		}
		const rejectRows = await rowsOf(core, rejectsSql(rejects), id);
		const rejected = classifyRejects(
			rejectRows.map((r) => ({ line: Number(r.line), reason: String(r.reason), text: String(r.text ?? '') })),
			dialect
		);
		const footerRejects = rejectRows.length - rejected.length;
		const rejectedCount = Math.max(0, Number(rejectRows[0]?.total ?? 0) - footerRejects);
		const [{ n }] = await rowsOf(core, `SELECT count(*) AS n FROM ${quoteIdent(staging)}`, id);
		const rows = Number(n);
		const first = rejected[0];
		if (rows === 0 && first) throw new Error(`no row could be read: line ${first.line}: ${first.reason}`);
		if (first && rejectedCount > rows) {
			throw new Error(
				`${rejectedCount} of ${rejectedCount + rows} rows could not be read (first at line ${first.line}: ${first.reason}); the file's delimiter, quoting or header may be broken`
			);
		}
		const columns = await finishTyping(core, staging, table, dialect.names, samplePlans, readTypes, id, typing);
		const report: LoadReport = {
			delimiter: dialect.delimiter,
			header: dialect.header,
			preamble: dialect.preamble,
			footer: dialect.footer,
			rejectedCount,
			rejected,
			columns
		};
		return { table: await describeTable(core, table), report };
	} finally {
		for (const sql of [
			`DROP TABLE IF EXISTS ${quoteIdent(staging)}`,
			`DROP TABLE IF EXISTS ${quoteIdent(sample)}`,
			...dropRejectsSql(rejects)
		])
			await core.run(sql).catch(() => undefined);
		core.release(id);
	}
}

export async function dropTable(core: DuckCore, table: string): Promise<void> {
	await core.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
}
