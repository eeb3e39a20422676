import type { TableKind } from '../canonical/schema';
import { baseQuery, salesQuery } from './base';
import { has, type Catalog } from './catalog';
import { div } from './sql-parts';
import type { MetricContext, MetricDef } from './types';

/** Channel metrics (DESIGN.md §3 "Channels"): the headline is over all channels, the breakdown per channel. */

export const satisfaction: MetricDef = {
	id: 'channel.satisfaction',
	family: 'channel',
	title: 'Satisfaction',
	unit: 'score',
	formula: 'mean feedback score',
	needs: ['feedback.score'],
	filtered: ['feedback'],
	sql: (ctx) => `SELECT avg(t.score) AS value FROM (${baseQuery(ctx, 'feedback')}) t`,
	breakdowns: [
		{
			id: 'channel.satisfaction.by_channel',
			title: 'Satisfaction by channel',
			needs: ['feedback.channel'],
			sql: (ctx) =>
				`SELECT t.channel, CAST(count(t.score) AS DOUBLE) AS n, avg(t.score) AS satisfaction FROM (${baseQuery(ctx, 'feedback')}) t GROUP BY t.channel ORDER BY t.channel NULLS LAST`
		}
	]
};

/** Where conversion's denominator comes from: web visits (sessions) if loaded, else contacts. */
function traffic(catalog: Catalog): TableKind {
	return has(catalog, 'visits.started_at') ? 'visits' : 'communications';
}

/** Visits counted as distinct sessions where the log has them, else rows. */
function trafficCount(ctx: MetricContext): string {
	if (traffic(ctx.catalog) === 'visits' && has(ctx.catalog, 'visits.session_id')) return 'count(DISTINCT t.session_id)';
	return 'count(*)';
}

export const conversion: MetricDef = {
	id: 'channel.conversion',
	family: 'channel',
	title: 'Conversion',
	unit: 'rate',
	formula: 'orders / visits (sessions), or / contacts when no visits are loaded',
	needs: ['orders.order_id', ['visits.started_at', 'communications.started_at']],
	filtered: (catalog) => ['orders', traffic(catalog)],
	sql: (ctx) => {
		const orders = `SELECT count(DISTINCT t.order_id) FROM (${salesQuery(ctx)}) t`;
		const visits = `SELECT ${trafficCount(ctx)} FROM (${baseQuery(ctx, traffic(ctx.catalog))}) t`;
		return `SELECT ${div(`CAST((${orders}) AS DOUBLE)`, `(${visits})`)} AS value`;
	},
	breakdowns: [
		{
			id: 'channel.conversion.by_channel',
			title: 'Conversion by channel',
			needs: (catalog) => ['orders.channel', `${traffic(catalog)}.channel`],
			sql: (ctx) => {
				const t = traffic(ctx.catalog);
				return [
					`WITH o AS (SELECT t.channel, count(DISTINCT t.order_id) AS orders FROM (${salesQuery(ctx)}) t GROUP BY t.channel),`,
					`v AS (SELECT t.channel, ${trafficCount(ctx)} AS visits FROM (${baseQuery(ctx, t)}) t GROUP BY t.channel)`,
					'SELECT coalesce(o.channel, v.channel) AS channel, CAST(coalesce(o.orders, 0) AS DOUBLE) AS orders, CAST(coalesce(v.visits, 0) AS DOUBLE) AS visits,',
					`${div('CAST(coalesce(o.orders, 0) AS DOUBLE)', 'v.visits')} AS conversion`,
					'FROM o FULL JOIN v ON o.channel IS NOT DISTINCT FROM v.channel ORDER BY 1 NULLS LAST'
				].join('\n');
			}
		}
	]
};

export const channelRevenue: MetricDef = {
	id: 'channel.revenue',
	family: 'channel',
	title: 'Revenue by channel',
	unit: 'currency',
	formula: 'orders × AOV (= sum of amounts), excluded statuses left out',
	needs: ['orders.amount'],
	filtered: ['orders'],
	sql: (ctx) => `SELECT sum(t.amount) AS value FROM (${salesQuery(ctx)}) t`,
	breakdowns: [
		{
			id: 'channel.revenue.by_channel',
			title: 'Revenue by channel',
			needs: ['orders.channel'],
			sql: (ctx) =>
				[
					'SELECT t.channel, CAST(count(DISTINCT t.order_id) AS DOUBLE) AS orders,',
					`${div('sum(t.amount)', 'count(DISTINCT t.order_id) FILTER (WHERE t.amount IS NOT NULL)')} AS aov, sum(t.amount) AS revenue`,
					`FROM (${salesQuery(ctx)}) t GROUP BY t.channel ORDER BY t.channel NULLS LAST`
				].join(' ')
		}
	]
};
