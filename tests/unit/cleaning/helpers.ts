import { CANONICAL, type TableKind } from '../../../src/lib/canonical/schema';
import type { Engine } from '../../../src/lib/engine/engine';
import { quoteIdent, sqlValue } from '../../../src/lib/sql/quote';

export type Cell = string | number | boolean | null;

/**
 * `crm.<kind>` as a table with the canonical types of `columns` plus source_file, from VALUES.
 * A row may carry one extra cell: its source_file (default `<kind>.csv`).
 */
export async function crmTable(engine: Engine, kind: TableKind, columns: string[], rows: Cell[][]): Promise<void> {
	const types = columns.map((c) => {
		const column = CANONICAL[kind].columns.find((x) => x.name === c);
		if (!column) throw new Error(`not a column of ${kind}: ${c}`);
		return column.type;
	});
	const values = rows.map((r) => {
		if (r.length !== columns.length && r.length !== columns.length + 1) throw new Error(`bad row ${JSON.stringify(r)}`);
		const cells = r.length === columns.length ? [...r, `${kind}.csv`] : r;
		return `(${cells.map(sqlValue).join(', ')})`;
	});
	const names = [...columns, 'source_file'].map(quoteIdent);
	const casts = [...types, 'VARCHAR'].map((t, i) => `CAST(${names[i]} AS ${t}) AS ${names[i]}`);
	await engine.query('CREATE SCHEMA IF NOT EXISTS crm');
	await engine.query('CREATE SCHEMA IF NOT EXISTS clean');
	await engine.query(
		`CREATE OR REPLACE TABLE crm.${quoteIdent(kind)} AS SELECT ${casts.join(', ')} FROM (VALUES ${values.join(', ')}) t(${names.join(', ')})`
	);
}

/** Column names and types of a relation, in order. */
export async function columnTypes(engine: Engine, relation: string): Promise<Array<[unknown, unknown]>> {
	const rows = await engine.rows(`DESCRIBE ${relation}`);
	return rows.map((r) => [r.column_name, r.column_type]);
}
