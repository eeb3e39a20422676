import { CANONICAL, SOURCE_FILE_COLUMN } from '../canonical/schema';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { numberedRows, ROW, sourceExprs } from './source-exprs';
import type { ViewSource } from './types';

const LINE_AMOUNT = '__crm_line_amount';
const LINE_QUANTITY = '__crm_line_quantity';

/** Whether a line-level source yields order amounts / quantities (from either level). */
export function lineLevelProvides(source: ViewSource, offsetMinutes = 0): { amount: boolean; quantity: boolean } {
	const lines = sourceExprs('order_lines', source.lineMapping ?? {}, source, offsetMinutes);
	return { amount: 'amount' in source.mapping || lines.has('amount'), quantity: 'quantity' in source.mapping || lines.has('quantity') };
}

/**
 * Orders from an export with one row per order line (Shopify, Online Retail, Superstore):
 * one row per order id; each order-level column takes its first non-null value in file order
 * (Shopify fills them on an order's first row only); amount and quantity are the order-level
 * value when the export has one, else the sum over the order's lines.
 */
export function lineLevelOrdersSql(source: ViewSource, offsetMinutes: number): string {
	if (!source.lineMapping) throw new Error(`line-level source ${source.sourceFile} has no line mapping`);
	if (!('order_id' in source.mapping)) throw new Error(`line-level source ${source.sourceFile} has no order id`);
	const order = sourceExprs('orders', source.mapping, source, offsetMinutes);
	const lines = sourceExprs('order_lines', source.lineMapping, source, offsetMinutes);
	const inner = [...order].map(([c, e]) => `${e} AS ${quoteIdent(c)}`);
	const sums: Record<string, string> = {};
	if (lines.has('amount')) {
		inner.push(`${lines.get('amount')} AS ${LINE_AMOUNT}`);
		sums.amount = `sum(${LINE_AMOUNT})`;
	}
	if (lines.has('quantity')) {
		inner.push(`${lines.get('quantity')} AS ${LINE_QUANTITY}`);
		sums.quantity = `sum(${LINE_QUANTITY})`;
	}
	inner.push(ROW);
	const first = (c: string) => `min_by(${quoteIdent(c)}, ${ROW}) FILTER (WHERE ${quoteIdent(c)} IS NOT NULL)`;
	const outer: string[] = [];
	for (const { name } of CANONICAL.orders.columns) {
		const summed = sums[name];
		if (name === 'order_id') outer.push(quoteIdent(name));
		else if (order.has(name) && summed) outer.push(`coalesce(${first(name)}, ${summed}) AS ${quoteIdent(name)}`);
		else if (order.has(name)) outer.push(`${first(name)} AS ${quoteIdent(name)}`);
		else if (summed) outer.push(`${summed} AS ${quoteIdent(name)}`);
	}
	outer.push(`${quoteLiteral(source.sourceFile)} AS ${quoteIdent(SOURCE_FILE_COLUMN)}`);
	return (
		`SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${numberedRows(source.rawTable)}) AS x ` +
		`WHERE order_id IS NOT NULL GROUP BY order_id`
	);
}
