import { CANONICAL, type TableKind } from '../canonical/schema';
import { lineLevelProvides } from './line-level-sql';
import { sourceExprs } from './source-exprs';
import type { Catalog, ViewSource } from './types';

/** A plain orders source with an order id and no amount of its own: its amounts come from lines or payments. */
export function needsDerivedAmount(source: ViewSource): boolean {
	return !source.lineLevel && 'order_id' in source.mapping && !('amount' in source.mapping);
}

function sourceColumns(kind: TableKind, source: ViewSource, catalog: Catalog): string[] {
	if (kind === 'order_lines' && source.lineLevel) return [...sourceExprs(kind, source.lineMapping ?? {}, source, 0).keys()];
	const columns = [...sourceExprs(kind, source.mapping, source, 0).keys()];
	if (kind !== 'orders') return columns;
	if (source.lineLevel) {
		const provides = lineLevelProvides(source);
		if (provides.amount) columns.push('amount');
		if (provides.quantity) columns.push('quantity');
	} else if (
		needsDerivedAmount(source) &&
		(catalog.tables.order_lines?.includes('amount') || catalog.tables.payments?.includes('amount'))
	) {
		columns.push('amount');
	}
	return columns;
}

/**
 * The canonical columns `crm.<kind>` will have over these sources, in canonical order
 * (`source_file` is always there and not listed). `catalog` holds the kinds already built.
 */
export function viewColumns(kind: TableKind, sources: ViewSource[], catalog: Catalog = { tables: {} }): string[] {
	const present = new Set(sources.flatMap((s) => sourceColumns(kind, s, catalog)));
	return CANONICAL[kind].columns.map((c) => c.name).filter((c) => present.has(c));
}
