import { CANONICAL, CLEAN_SCHEMA, TABLE_KINDS, type FileKind, type TableKind } from '../canonical/schema';
import type { Engine } from '../engine/engine';
import { quoteLiteral } from '../sql/quote';
import type { Need } from './types';

/** A loaded raw table in schema `main`, as the data page knows it. */
export interface RawTable {
	name: string;
	columns: readonly { name: string; type: string }[];
	kind?: FileKind;
	/** Raw column names mapped to the canonical key of `kind`, when it has one. */
	key?: readonly string[];
}

/**
 * Which inputs exist: the canonical tables present as `clean.<table>` with the canonical
 * columns they carry (a column not listed is missing), and the raw tables loaded.
 */
export interface Catalog {
	tables: Partial<Record<TableKind, readonly string[]>>;
	raw?: readonly RawTable[];
}

export function hasTable(catalog: Catalog, table: TableKind): boolean {
	return catalog.tables[table] !== undefined;
}

/** Whether `table.column` is available, e.g. `has(catalog, 'orders.shipped_at')`. */
export function has(catalog: Catalog, ref: string): boolean {
	const dot = ref.indexOf('.');
	if (dot < 0) throw new Error(`invalid column reference: ${ref}`);
	const table = ref.slice(0, dot) as TableKind;
	return catalog.tables[table]?.includes(ref.slice(dot + 1)) ?? false;
}

/** The needs that are not met, each as text (`orders.shipped_at`, `a or b`). */
export function missingNeeds(catalog: Catalog, needs: readonly Need[]): string[] {
	const missing: string[] = [];
	for (const need of needs) {
		const options = typeof need === 'string' ? [need] : need;
		if (!options.some((o) => has(catalog, o))) missing.push(options.join(' or '));
	}
	return missing;
}

function isTableKind(name: string): name is TableKind {
	return (TABLE_KINDS as readonly string[]).includes(name);
}

/** Read which canonical tables and columns exist in the `clean` schema. */
export async function readCatalog(engine: Engine, raw: readonly RawTable[] = []): Promise<Catalog> {
	const rows = await engine.rows(
		`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ${quoteLiteral(CLEAN_SCHEMA)} ORDER BY table_name, ordinal_position`
	);
	const tables: Partial<Record<TableKind, string[]>> = {};
	for (const row of rows) {
		const table = String(row.table_name);
		const column = String(row.column_name);
		if (!isTableKind(table)) continue;
		if (!CANONICAL[table].columns.some((c) => c.name === column)) continue;
		(tables[table] ??= []).push(column);
	}
	return { tables, raw };
}
