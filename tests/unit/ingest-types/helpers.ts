import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { quoteIdent, quoteLiteral, sqlValue } from '../../../src/lib/sql/quote';
import { columnStatsSql, createTypedTableSql, decideColumnTypes, type ColumnHint, type ColumnPlan } from '../../../src/lib/ingest/types';

export async function startEngine(): Promise<NodeEngine> {
	const engine = new NodeEngine();
	await engine.ready();
	return engine;
}

/** An all-VARCHAR staging table, as the loader makes with `read_csv(..., all_varchar=true)`. */
export async function stage(engine: NodeEngine, table: string, data: Record<string, (string | null)[]>): Promise<string[]> {
	const columns = Object.keys(data);
	const count = data[columns[0]].length;
	const rows = Array.from({ length: count }, (_, r) => `(${columns.map((c) => sqlValue(data[c][r])).join(', ')})`);
	const names = columns.map(quoteIdent);
	await engine.rows(
		`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT ${names.map((n) => `CAST(${n} AS VARCHAR) AS ${n}`).join(', ')} ` +
			`FROM (VALUES ${rows.join(', ')}) t(${names.join(', ')})`
	);
	return columns;
}

/** Stats → decide → create: the whole flow the loader runs. */
export async function typeTable(
	engine: NodeEngine,
	staging: string,
	target: string,
	columns: string[],
	timeZoneOffsetMinutes = 0,
	hints?: Record<string, ColumnHint>
): Promise<ColumnPlan[]> {
	const [stats] = await engine.rows(columnStatsSql(staging, columns));
	const plans = decideColumnTypes(stats, columns, hints);
	await engine.rows(createTypedTableSql(target, staging, plans, { timeZoneOffsetMinutes }));
	return plans;
}

/** Column name → DuckDB type name of a table. */
export async function columnTypes(engine: NodeEngine, table: string): Promise<Record<string, string>> {
	const rows = await engine.rows(
		`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ${quoteLiteral(table)} ORDER BY column_index`
	);
	return Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
}

/** One column's values in table order (rowid keeps the staging order). */
export async function values(engine: NodeEngine, table: string, column: string): Promise<unknown[]> {
	const rows = await engine.rows(`SELECT ${quoteIdent(column)} AS v FROM ${quoteIdent(table)} ORDER BY rowid`);
	return rows.map((r) => r.v);
}

export function planOf(plans: ColumnPlan[], name: string): ColumnPlan {
	const plan = plans.find((p) => p.name === name);
	if (!plan) throw new Error(`no plan for column ${name}`);
	return plan;
}
