import type { TableKind } from '../canonical/schema';
import { baseQuery, salesQuery } from './base';
import { has, type Catalog } from './catalog';
import { count, div, isoWeek } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef } from './types';

/**
 * Behaviour (DESIGN.md §3): sales are the filtered orders without the excluded statuses,
 * and customers are people (customers.person_id where it exists).
 */

const ORDERS = 'CAST(count(DISTINCT t.order_id) AS DOUBLE)';

function sales(ctx: MetricContext): string {
	return `(${salesQuery(ctx)}) t`;
}

/** Orders and (when amounts exist) revenue per group. */
function salesBy(id: string, name: string, expr: string, needs: string[]): BreakdownDef {
	return {
		id,
		title: `Sales by ${name}`,
		needs,
		sql: (ctx) => {
			const revenue = has(ctx.catalog, 'orders.amount') ? ', sum(t.amount) AS revenue' : '';
			return `SELECT ${expr} AS ${name}, ${ORDERS} AS orders${revenue} FROM ${sales(ctx)} GROUP BY 1 ORDER BY 1 NULLS LAST`;
		}
	};
}

const salesBreakdowns = (metric: string) => [
	salesBy(`${metric}.by_week`, 'week', isoWeek('t.ordered_at'), []),
	salesBy(`${metric}.by_channel`, 'channel', 't.channel', ['orders.channel'])
];

function metric(def: Omit<MetricDef, 'family' | 'filtered'>): MetricDef {
	return { family: 'behaviour', filtered: ['orders'], ...def };
}

export const revenue = metric({
	id: 'behaviour.revenue',
	title: 'Revenue',
	unit: 'currency',
	formula: 'sum of order amounts, excluded statuses left out',
	needs: ['orders.amount'],
	sql: (ctx) => `SELECT sum(t.amount) AS value FROM ${sales(ctx)}`,
	breakdowns: salesBreakdowns('behaviour.revenue')
});

export const orders = metric({
	id: 'behaviour.orders',
	title: 'Orders',
	unit: 'count',
	formula: 'distinct orders, excluded statuses left out',
	needs: ['orders.order_id'],
	sql: (ctx) => `SELECT ${ORDERS} AS value FROM ${sales(ctx)}`,
	breakdowns: salesBreakdowns('behaviour.orders')
});

export const customers = metric({
	id: 'behaviour.customers',
	title: 'Customers',
	unit: 'count',
	formula: 'distinct people (person_id, else customer_id) with an order in the period',
	needs: ['orders.customer_id'],
	sql: (ctx) => `SELECT CAST(count(DISTINCT t.pid) AS DOUBLE) AS value FROM ${sales(ctx)}`
});

export const aov = metric({
	id: 'behaviour.aov',
	title: 'Average order value',
	unit: 'currency',
	formula: 'revenue / orders that have an amount',
	needs: ['orders.amount'],
	sql: (ctx) =>
		`SELECT ${div('sum(t.amount)', 'count(DISTINCT t.order_id) FILTER (WHERE t.amount IS NOT NULL)')} AS value FROM ${sales(ctx)}`
});

/** One row per person: distinct orders and total amount. */
export function perPerson(ctx: MetricContext): string {
	const amount = has(ctx.catalog, 'orders.amount') ? ', sum(t.amount) AS amount' : '';
	return `SELECT t.pid, ${ORDERS} AS orders${amount} FROM ${sales(ctx)} WHERE t.pid IS NOT NULL GROUP BY t.pid`;
}

const byCustomer = (metricId: string): BreakdownDef => ({
	id: `${metricId}.by_customer`,
	title: 'Purchases per customer',
	sql: (ctx) => `SELECT pid AS customer, * EXCLUDE (pid) FROM (${perPerson(ctx)}) p ORDER BY pid`
});

export const purchaseCount = metric({
	id: 'behaviour.purchase_count',
	title: 'Purchases per customer',
	unit: 'count',
	formula: 'distinct orders per person: mean and median',
	needs: ['orders.customer_id'],
	stats: ['mean', 'median'],
	sql: (ctx) => `SELECT avg(orders) AS mean, median(orders) AS median FROM (${perPerson(ctx)}) p`,
	breakdowns: [byCustomer('behaviour.purchase_count')]
});

export const purchaseAmount = metric({
	id: 'behaviour.purchase_amount',
	title: 'Spend per customer',
	unit: 'currency',
	formula: 'sum of order amounts per person: mean and median',
	needs: ['orders.customer_id', 'orders.amount'],
	stats: ['mean', 'median'],
	sql: (ctx) => `SELECT avg(amount) AS mean, median(amount) AS median FROM (${perPerson(ctx)}) p`,
	breakdowns: [byCustomer('behaviour.purchase_amount')]
});

export const repeatRate = metric({
	id: 'behaviour.repeat_rate',
	title: 'Repeat rate',
	unit: 'rate',
	formula: 'people with ≥ 2 orders / people with ≥ 1 order in the period',
	needs: ['orders.customer_id'],
	sql: (ctx) => `SELECT ${div(count('orders >= 2'), count())} AS value FROM (${perPerson(ctx)}) p`
});

export const feedbackCount: MetricDef = {
	id: 'behaviour.feedback_count',
	family: 'behaviour',
	title: 'Feedback received',
	unit: 'count',
	formula: 'feedback rows in the period',
	needs: ['feedback.score'],
	filtered: ['feedback'],
	sql: (ctx) => `SELECT ${count()} AS value FROM (${baseQuery(ctx, 'feedback')}) t`
};

/** Tables whose rows are something a customer did. */
const ACTIVITY: readonly TableKind[] = ['orders', 'communications', 'tickets', 'feedback', 'visits'];

const activityTables = (catalog: Catalog) => ACTIVITY.filter((t) => has(catalog, `${t}.customer_id`));

export const activeCustomers: MetricDef = {
	id: 'behaviour.active_customers',
	family: 'behaviour',
	title: 'Active customers',
	unit: 'count',
	formula: 'distinct people with an order, contact, ticket, feedback or visit in the period (any status)',
	needs: [ACTIVITY.map((t) => `${t}.customer_id`)],
	filtered: activityTables,
	sql: (ctx) => {
		const parts = activityTables(ctx.catalog).map((table) => `SELECT pid FROM (${baseQuery(ctx, table, { person: true })}) t`);
		return `SELECT CAST(count(DISTINCT pid) AS DOUBLE) AS value FROM (${parts.join(' UNION ALL ')}) a`;
	}
};
