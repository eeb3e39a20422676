import type { TableKind } from '../canonical/schema';
import { quoteIdent } from '../sql/quote';
import { AUXILIARY, mappableColumns } from './auxiliary';
import { castSql } from './cast-sql';
import type { Mapping, ViewSource } from './types';

/** Row number of a raw table in file order: line numbers and "first value of an order" follow it. */
export const ROW = '__crm_row';

const SCORE_COLUMNS = new Set(['score', 'expected_score', 'satisfaction']);

/** The raw table with its row numbers, as a FROM item. */
export function numberedRows(rawTable: string): string {
	// Qualified: inside a view in schema crm, a bare `customers` would be the view itself.
	return `(SELECT *, row_number() OVER () AS ${ROW} FROM main.${quoteIdent(rawTable)}) AS r`;
}

function minutesAfter(start: string, minutes: string): string {
	return `${start} + to_microseconds(CAST(round(${minutes} * 60000000) AS BIGINT))`;
}

/** Canonical columns a source can derive from others when they are not mapped themselves. */
function derive(kind: TableKind, e: Map<string, string>): void {
	const setIfAbsent = (column: string, expr: string | null) => {
		if (expr !== null && !e.has(column)) e.set(column, expr);
	};
	if (kind === 'customers' && (e.has('first_name') || e.has('last_name'))) {
		setIfAbsent('name', `NULLIF(concat_ws(' ', ${e.get('first_name') ?? 'NULL'}, ${e.get('last_name') ?? 'NULL'}), '')`);
	}
	if (kind === 'tickets' && e.has('created_at')) {
		const created = e.get('created_at')!;
		if (e.has('first_response_minutes')) setIfAbsent('first_response_at', minutesAfter(created, e.get('first_response_minutes')!));
		if (e.has('resolution_minutes')) setIfAbsent('resolved_at', minutesAfter(created, e.get('resolution_minutes')!));
	}
	if (kind === 'order_lines') {
		// Olist: an item's amount is its price plus its freight; a line without quantity is one item.
		const price = e.get('unit_price');
		const freight = e.get('freight');
		const goods = e.get('amount') ?? (price ? (e.has('quantity') ? `${price} * ${e.get('quantity')}` : price) : null);
		if (goods) e.set('amount', freight ? `(${goods} + coalesce(${freight}, 0))` : goods);
		if (e.has('order_id')) setIfAbsent('line', `CAST(row_number() OVER (PARTITION BY ${e.get('order_id')} ORDER BY ${ROW}) AS DOUBLE)`);
	}
}

/**
 * SQL expression of every canonical column a source provides for `kind`, mapped (cast to the
 * canonical type) or derived, in canonical order. Reads the FROM item of numberedRows().
 */
export function sourceExprs(kind: TableKind, mapping: Mapping, source: ViewSource, offsetMinutes: number): Map<string, string> {
	const e = new Map<string, string>();
	for (const column of mappableColumns(kind)) {
		const from = mapping[column.name];
		if (from === undefined) continue;
		const type = source.types?.[from] ?? 'VARCHAR';
		const options = { format: source.formats?.[from], offsetMinutes, scoreWords: SCORE_COLUMNS.has(column.name) };
		e.set(column.name, castSql(quoteIdent(from), type, column.type, options));
	}
	derive(kind, e);
	for (const aux of Object.keys(AUXILIARY[kind] ?? {})) e.delete(aux);
	const order = mappableColumns(kind).map((c) => c.name);
	return new Map([...e].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}
