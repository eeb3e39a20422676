import { baseQuery } from './base';
import { byColumn, byWeek, durationMetric, type Grouping } from './duration';
import { count, div } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef } from './types';

/** Process times of orders (DESIGN.md §3 "Process times"). */

export const orderProcessingHours = durationMetric({
	id: 'process.order_processing_hours',
	title: 'Order processing time',
	formula: 'shipped_at − ordered_at in hours; p50, p90, mean of non-negative times; negative ones counted',
	unit: 'hours',
	table: 'orders',
	start: 'ordered_at',
	end: 'shipped_at',
	groupings: [byWeek, byColumn('orders', 'channel')]
});

export const deliveryDays = durationMetric({
	id: 'process.delivery_days',
	title: 'Delivery time',
	formula: 'delivered_at − ordered_at in days; p50, p90, mean of non-negative times; negative ones counted',
	unit: 'days',
	table: 'orders',
	start: 'ordered_at',
	end: 'delivered_at',
	groupings: [byWeek, byColumn('orders', 'channel')]
});

/**
 * Late = delivered after the promise. A promise at exactly midnight is a promised day
 * (exports such as Olist's give the date only), so delivery any time that day is on time.
 */
const LATE = `CASE WHEN t.promised_at = date_trunc('day', t.promised_at) THEN CAST(t.delivered_at AS DATE) > CAST(t.promised_at AS DATE) ELSE t.delivered_at > t.promised_at END`;

function deliveries(ctx: MetricContext, groups: readonly Grouping[]): string {
	const base = baseQuery(ctx, 'orders', { where: ['t.delivered_at IS NOT NULL', 't.promised_at IS NOT NULL'] });
	const cols = groups.map((g) => `${g.expr('ordered_at')} AS ${g.name}, `).join('');
	return `SELECT ${cols}${LATE} AS late FROM (${base}) t`;
}

const LATE_PCT = `${div(`100 * ${count('late')}`, count())} AS late_delivery_pct`;

function lateBreakdown(g: Grouping): BreakdownDef {
	return {
		id: `process.late_delivery_pct.${g.suffix}`,
		title: `Late deliveries by ${g.name}`,
		needs: g.needs,
		sql: (ctx) =>
			`SELECT ${g.name}, ${count()} AS n, ${count('late')} AS late, ${LATE_PCT} FROM (${deliveries(ctx, [g])}) d GROUP BY ${g.name} ORDER BY ${g.name} NULLS LAST`
	};
}

export const lateDeliveryPct: MetricDef = {
	id: 'process.late_delivery_pct',
	family: 'process',
	title: 'Late deliveries',
	unit: 'pct',
	formula: '100 × orders delivered after promised_at / orders with both dates (a midnight promise means that whole day)',
	needs: ['orders.delivered_at', 'orders.promised_at'],
	filtered: ['orders'],
	sql: (ctx) => `SELECT ${div(`100 * ${count('late')}`, count())} AS value FROM (${deliveries(ctx, [])}) d`,
	breakdowns: [lateBreakdown(byWeek), lateBreakdown(byColumn('orders', 'channel'))]
};
