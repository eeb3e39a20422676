import { CANONICAL, SOURCE_FILE_COLUMN, TABLE_KINDS, type TableKind } from '../canonical/schema';
import { quoteIdent } from '../sql/quote';
import type { Catalog, RawTable } from './catalog';
import { cleanTable } from './sql-parts';

/** A table whose quality is measured: a cleaned canonical view, or a raw table as loaded. */
export interface QualityTarget {
	/** The name in metric ids: the canonical table, or the raw table's own name. */
	name: string;
	/** Qualified SQL name. */
	from: string;
	/** Columns measured (never source_file). */
	columns: readonly string[];
	/** Columns holding TIMESTAMP or DATE values, for freshness. */
	timestamps: readonly string[];
	/** Key columns; null when the table has no key or none was mapped. */
	key: readonly string[] | null;
	/** Set for canonical tables, which get the checks that need canonical meaning. */
	kind?: TableKind;
}

function canonicalTarget(kind: TableKind, columns: readonly string[]): QualityTarget {
	const def = CANONICAL[kind];
	const cols = columns.filter((c) => c !== SOURCE_FILE_COLUMN);
	return {
		name: kind,
		from: cleanTable(kind),
		columns: cols,
		// Promised dates lie in the future and say nothing of how fresh an export is.
		timestamps: def.columns.filter((c) => c.type === 'TIMESTAMP' && cols.includes(c.name) && c.name !== 'promised_at').map((c) => c.name),
		key: def.key.length ? def.key : null,
		kind
	};
}

/** Zoned timestamps are left out: any function on them makes DuckDB-WASM fetch ICU (TOOLCHAIN.md). */
function isPlainTemporal(type: string): boolean {
	const t = type.toUpperCase();
	return (t === 'DATE' || t.startsWith('TIMESTAMP')) && !t.includes('TIME ZONE') && !t.includes('TZ');
}

function rawTarget(raw: RawTable): QualityTarget {
	return {
		name: raw.name,
		from: `main.${quoteIdent(raw.name)}`,
		columns: raw.columns.map((c) => c.name),
		timestamps: raw.columns.filter((c) => isPlainTemporal(c.type)).map((c) => c.name),
		key: raw.key?.length ? raw.key : null
	};
}

/**
 * Every table to measure: the canonical tables of the catalog, then each raw table whose
 * name is not already taken by a canonical one (`orders.csv` loaded as `orders` is measured
 * as the canonical `orders`, so an id never means two tables).
 */
export function qualityTargets(catalog: Catalog): QualityTarget[] {
	const targets: QualityTarget[] = [];
	for (const kind of TABLE_KINDS) {
		const columns = catalog.tables[kind];
		if (columns) targets.push(canonicalTarget(kind, columns));
	}
	const taken = new Set(targets.map((t) => t.name));
	for (const raw of catalog.raw ?? []) if (!taken.has(raw.name)) targets.push(rawTarget(raw));
	return targets;
}
