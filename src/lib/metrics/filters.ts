import { CANONICAL, type TableKind } from '../canonical/schema';
import { quoteLiteral } from '../sql/quote';
import { has } from './catalog';
import type { Catalog } from './catalog';
import { isDate } from './settings';
import { cleanTable } from './sql-parts';
import type { Filters, MetricContext } from './types';

/** Checks the filters; throws naming the bad value. Empty strings count as unset. */
export function resolveFilters(filters: Filters = {}): Filters {
	const out: Filters = {};
	if (filters.from) {
		if (!isDate(filters.from)) throw new Error(`invalid from date: ${filters.from}`);
		out.from = filters.from;
	}
	if (filters.to) {
		if (!isDate(filters.to)) throw new Error(`invalid to date: ${filters.to}`);
		out.to = filters.to;
	}
	if (out.from && out.to && out.from > out.to) throw new Error(`invalid date range: ${out.from} is after ${out.to}`);
	if (filters.channel) out.channel = filters.channel;
	if (filters.segment) out.segment = filters.segment;
	return out;
}

function hasColumnInSchema(table: TableKind, column: string): boolean {
	return CANONICAL[table].columns.some((c) => c.name === column);
}

/** SQL of the first instant after the inclusive `to` date. */
export function afterTo(to: string): string {
	return `CAST(${quoteLiteral(to)} AS DATE) + INTERVAL 1 DAY`;
}

export function fromDate(from: string): string {
	return `CAST(${quoteLiteral(from)} AS DATE)`;
}

/** Reasons the filters set cannot be applied to these tables (a column they need is missing). */
export function filterProblems(catalog: Catalog, filters: Filters, tables: readonly TableKind[]): string[] {
	const problems: string[] = [];
	for (const table of tables) {
		const ts = CANONICAL[table].mainTimestamp;
		if ((filters.from || filters.to) && ts && !has(catalog, `${table}.${ts}`)) problems.push(`date filter needs ${table}.${ts}`);
		if (filters.channel && hasColumnInSchema(table, 'channel') && !has(catalog, `${table}.channel`))
			problems.push(`channel filter needs ${table}.channel`);
		if (filters.segment) {
			if (table !== 'customers' && hasColumnInSchema(table, 'customer_id') && !has(catalog, `${table}.customer_id`))
				problems.push(`segment filter needs ${table}.customer_id`);
			if (!has(catalog, 'customers.segment')) problems.push('segment filter needs customers.segment');
		}
	}
	return [...new Set(problems)];
}

export interface FilterOptions {
	/** Apply the date range (off where a metric handles periods itself). */
	dates?: boolean;
}

/** WHERE conditions applying the common filters to `table` under `alias`. */
export function filterConditions(ctx: MetricContext, table: TableKind, alias: string, options: FilterOptions = {}): string[] {
	const { filters } = ctx;
	const conds: string[] = [];
	const ts = CANONICAL[table].mainTimestamp;
	if (options.dates !== false && ts) {
		if (filters.from) conds.push(`${alias}.${ts} >= ${fromDate(filters.from)}`);
		if (filters.to) conds.push(`${alias}.${ts} < ${afterTo(filters.to)}`);
	}
	if (filters.channel && hasColumnInSchema(table, 'channel')) conds.push(`${alias}.channel = ${quoteLiteral(filters.channel)}`);
	if (filters.segment) {
		const segment = quoteLiteral(filters.segment);
		if (table === 'customers') conds.push(`${alias}.segment = ${segment}`);
		else if (hasColumnInSchema(table, 'customer_id'))
			conds.push(`${alias}.customer_id IN (SELECT customer_id FROM ${cleanTable('customers')} WHERE segment = ${segment})`);
	}
	return conds;
}
