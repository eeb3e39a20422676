import type { TableKind } from '../canonical/schema';
import { has } from './catalog';
import { filterConditions } from './filters';
import { cleanTable, labelIn, where } from './sql-parts';
import type { MetricContext } from './types';

export interface BaseOptions {
	/** Apply the date range filter (default true). */
	dates?: boolean;
	/** Add `pid`, the person behind the row's customer_id. */
	person?: boolean;
	/** More WHERE conditions on alias `t`. */
	where?: readonly string[];
}

/**
 * The rows of `clean.<table>` the common filters keep, as alias `t`, optionally with `pid`:
 * customers.person_id when the customers file carries one (so one person with several
 * customer ids counts once), else the customer_id. The person map is reduced to one row per
 * customer_id first so duplicate customer rows cannot multiply the table's rows.
 */
export function baseQuery(ctx: MetricContext, table: TableKind, options: BaseOptions = {}): string {
	const conds = [...filterConditions(ctx, table, 't', { dates: options.dates }), ...(options.where ?? [])];
	let select = 't.*';
	let join = '';
	if (options.person) {
		if (has(ctx.catalog, 'customers.person_id')) {
			join = ` LEFT JOIN (SELECT customer_id, min(person_id) AS person_id FROM ${cleanTable('customers')} GROUP BY customer_id) p ON p.customer_id = t.customer_id`;
			select += ', coalesce(p.person_id, t.customer_id) AS pid';
		} else {
			select += ', t.customer_id AS pid';
		}
	}
	return `SELECT ${select} FROM ${cleanTable(table)} t${join} ${where(conds)}`.trimEnd();
}

/** Condition keeping orders whose status is not one of the excluded statuses (NULL status is kept). */
export function keptStatus(ctx: MetricContext, alias = 't'): string[] {
	if (!has(ctx.catalog, 'orders.status') || ctx.settings.excludedStatuses.length === 0) return [];
	return [`(${alias}.status IS NULL OR NOT ${labelIn(`${alias}.status`, ctx.settings.excludedStatuses)})`];
}

/** Orders that count as sales: filtered, excluded statuses left out, with `pid`. */
export function salesQuery(ctx: MetricContext, options: Omit<BaseOptions, 'person'> = {}): string {
	return baseQuery(ctx, 'orders', { ...options, person: true, where: [...keptStatus(ctx), ...(options.where ?? [])] });
}
