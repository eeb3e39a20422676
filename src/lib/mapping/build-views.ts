import type { TableKind } from '../canonical/schema';
import { canonicalViewSql, cleanPassThroughSql, dropViewsSql, schemasSql } from './canonical-sql';
import { viewColumns } from './catalog';
import type { Catalog, DataSettings, Detection, Profile, ViewSource } from './types';

/** A loaded raw table and what it was recognised as (possibly corrected by the user). */
export interface DetectedFile {
	rawTable: string;
	sourceFile: string;
	detection: Pick<Detection, 'kind' | 'mapping' | 'lineLevel' | 'lineMapping' | 'formats'>;
	/** DuckDB type of each raw column (profile columns); VARCHAR is assumed for any not listed. */
	types?: Record<string, string>;
}

export const DEFAULT_DATA_SETTINGS: DataSettings = {
	timeZone: 'UTC',
	excludedStatuses: ['canceled', 'cancelled', 'unavailable']
};

/** Views are created in this order: orders read order_lines and payments. */
export const BUILD_ORDER: TableKind[] = [
	'customers',
	'order_lines',
	'payments',
	'orders',
	'communications',
	'tickets',
	'feedback',
	'campaigns',
	'visits'
];

export function typesOf(profile: Profile): Record<string, string> {
	return Object.fromEntries(profile.columns.map((c) => [c.name, c.type]));
}

function viewSource(file: DetectedFile): ViewSource {
	const d = file.detection;
	return {
		rawTable: file.rawTable,
		sourceFile: file.sourceFile,
		mapping: d.mapping,
		...(d.lineLevel ? { lineLevel: true, lineMapping: d.lineMapping ?? {} } : {}),
		formats: d.formats,
		...(file.types ? { types: file.types } : {})
	};
}

/** The sources of each canonical view; a line-level orders export feeds order_lines too. */
export function sourcesByKind(files: DetectedFile[]): Partial<Record<TableKind, ViewSource[]>> {
	const out: Partial<Record<TableKind, ViewSource[]>> = {};
	for (const file of files) {
		if (file.detection.kind === 'other') continue;
		const source = viewSource(file);
		(out[file.detection.kind] ??= []).push(source);
		if (file.detection.kind === 'orders' && source.lineLevel) (out.order_lines ??= []).push(source);
	}
	return out;
}

export interface CanonicalBuild {
	/** Schemas, then each present kind's `crm` view in BUILD_ORDER, then drops of absent kinds' views. */
	statements: string[];
	/** `clean.<kind>` pass-through views of the present kinds, for when no cleaning step is set. */
	passThrough: string[];
	/** The columns each `crm` view has. */
	catalog: Catalog;
}

export function buildCanonicalViews(files: DetectedFile[], settings: DataSettings = DEFAULT_DATA_SETTINGS): CanonicalBuild {
	const byKind = sourcesByKind(files);
	const catalog: Catalog = { tables: {} };
	const statements = schemasSql();
	const passThrough: string[] = [];
	const drops: string[] = [];
	for (const kind of BUILD_ORDER) {
		const sources = byKind[kind];
		if (!sources) {
			drops.push(...dropViewsSql(kind));
			continue;
		}
		statements.push(canonicalViewSql(kind, sources, { catalog, settings }));
		catalog.tables[kind] = viewColumns(kind, sources, catalog);
		passThrough.push(cleanPassThroughSql(kind));
	}
	return { statements: [...statements, ...drops], passThrough, catalog };
}
