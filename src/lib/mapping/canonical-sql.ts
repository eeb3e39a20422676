import { CANONICAL, CANONICAL_SCHEMA, CLEAN_SCHEMA, SOURCE_FILE_COLUMN, type TableKind } from '../canonical/schema';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { needsDerivedAmount, viewColumns } from './catalog';
import { lineLevelOrdersSql } from './line-level-sql';
import { numberedRows, sourceExprs } from './source-exprs';
import { timeZoneOffsetMinutes } from './time-zone';
import type { Catalog, ViewContext, ViewSource } from './types';

export const viewName = (schema: string, kind: TableKind) => `${quoteIdent(schema)}.${quoteIdent(kind)}`;

function plainSelect(kind: TableKind, source: ViewSource, offsetMinutes: number): string {
	const exprs = sourceExprs(kind, source.mapping, source, offsetMinutes);
	const items = [...exprs].map(([column, expr]) => `${expr} AS ${quoteIdent(column)}`);
	items.push(`${quoteLiteral(source.sourceFile)} AS ${quoteIdent(SOURCE_FILE_COLUMN)}`);
	return `SELECT ${items.join(', ')} FROM ${numberedRows(source.rawTable)}`;
}

/** Sum per order of a canonical view's amount, when the catalog says it has one. */
function amountsOf(kind: 'order_lines' | 'payments', catalog: Catalog): string | null {
	if (!catalog.tables[kind]?.includes('amount')) return null;
	return `(SELECT order_id, sum(amount) AS amount FROM ${viewName(CANONICAL_SCHEMA, kind)} GROUP BY order_id)`;
}

/**
 * An orders file without amounts takes each order's amount from its lines (sum of line
 * amounts), else from its payments (sum), order by order.
 */
function withDerivedAmount(select: string, catalog: Catalog): string {
	const lines = amountsOf('order_lines', catalog);
	const payments = amountsOf('payments', catalog);
	if (!lines && !payments) return select;
	const joins: string[] = [];
	const parts: string[] = [];
	if (lines) {
		joins.push(`LEFT JOIN ${lines} AS l ON l.order_id = s.order_id`);
		parts.push('l.amount');
	}
	if (payments) {
		joins.push(`LEFT JOIN ${payments} AS p ON p.order_id = s.order_id`);
		parts.push('p.amount');
	}
	const amount = parts.length > 1 ? `coalesce(${parts.join(', ')})` : parts[0];
	return `SELECT s.*, ${amount} AS amount FROM (${select}) AS s ${joins.join(' ')}`;
}

function sourceSelect(kind: TableKind, source: ViewSource, ctx: ViewContext, offsetMinutes: number): string {
	if (kind === 'orders' && source.lineLevel) return lineLevelOrdersSql(source, offsetMinutes);
	if (kind === 'order_lines' && source.lineLevel) {
		if (!source.lineMapping) throw new Error(`line-level source ${source.sourceFile} has no line mapping`);
		return plainSelect(kind, { ...source, mapping: source.lineMapping }, offsetMinutes);
	}
	const select = plainSelect(kind, source, offsetMinutes);
	return kind === 'orders' && needsDerivedAmount(source) ? withDerivedAmount(select, ctx.catalog) : select;
}

/**
 * `CREATE OR REPLACE VIEW crm.<kind>`: every canonical column the sources provide (mapped or
 * derived), cast to its canonical type, in canonical order, plus `source_file`; several files
 * of one kind append. For `order_lines`, a line-level orders export is a source too (pass it
 * with `lineLevel` and its `lineMapping`). `ctx.catalog` says which other views exist: orders
 * read crm.order_lines and crm.payments, so create those first (buildCanonicalViews does).
 */
export function canonicalViewSql(kind: TableKind, sources: ViewSource[], ctx: ViewContext): string {
	if (!sources.length) throw new Error(`no source for canonical table ${kind}`);
	const offset = timeZoneOffsetMinutes(ctx.settings.timeZone);
	const columns = viewColumns(kind, sources, ctx.catalog);
	const union = sources.map((s) => sourceSelect(kind, s, ctx, offset)).join('\nUNION ALL BY NAME\n');
	const items = [...columns, SOURCE_FILE_COLUMN].map(quoteIdent).join(', ');
	return `CREATE OR REPLACE VIEW ${viewName(CANONICAL_SCHEMA, kind)} AS\nSELECT ${items} FROM (\n${union}\n) AS u`;
}

/** `clean.<kind>` passing `crm.<kind>` through unchanged, until cleaning steps replace it. */
export function cleanPassThroughSql(kind: TableKind): string {
	if (!CANONICAL[kind]) throw new Error(`unknown table kind: ${kind}`);
	return `CREATE OR REPLACE VIEW ${viewName(CLEAN_SCHEMA, kind)} AS SELECT * FROM ${viewName(CANONICAL_SCHEMA, kind)}`;
}

/** The schemas the views live in. */
export function schemasSql(): string[] {
	return [CANONICAL_SCHEMA, CLEAN_SCHEMA].map((s) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(s)}`);
}

/** Drop a kind's views (clean first), when its last file is removed. */
export function dropViewsSql(kind: TableKind): string[] {
	return [CLEAN_SCHEMA, CANONICAL_SCHEMA].map((s) => `DROP VIEW IF EXISTS ${viewName(s, kind)}`);
}
