import { customerValue } from './customer-value';
import { RFM_SEGMENTS, segmentCase } from './rfm-segments';
import { count, div } from './sql-parts';
import { quoteLiteral } from '../sql/quote';
import type { MetricContext, MetricDef } from './types';

/**
 * RFM per person: recency in whole days from the last order to the reference date,
 * frequency = distinct orders, monetary = total amount; scores 1–5 by ntile(5), recency
 * reversed, ties broken by the person id so the result never depends on row order.
 */
function rfm(ctx: MetricContext): string {
	const raw = `SELECT pid, date_diff('day', CAST(last_at AS DATE), CAST(${ctx.ref} AS DATE)) AS recency_days, f AS frequency, monetary FROM (${customerValue(ctx)}) cv`;
	const scores = [
		'SELECT *,',
		'ntile(5) OVER (ORDER BY recency_days DESC, pid) AS r,',
		'ntile(5) OVER (ORDER BY frequency, pid) AS f_score,',
		'ntile(5) OVER (ORDER BY monetary NULLS FIRST, pid) AS m_score',
		`FROM (${raw}) raw`
	].join(' ');
	return `SELECT *, ${segmentCase('r', 'f_score', 'm_score')} AS segment FROM (${scores}) s`;
}

const share = (name: string) => div(`100 * ${count(`segment = ${quoteLiteral(name)}`)}`, count());

export const rfmMetric: MetricDef = {
	id: 'value.rfm',
	family: 'value',
	title: 'RFM',
	unit: 'score',
	formula: 'recency (days since last order), frequency (orders), monetary (spend) per person, scored 1–5 by ntile; named segments',
	needs: ['orders.customer_id', 'orders.amount'],
	filtered: ['orders'],
	stats: ['recency_median', 'frequency_mean', 'monetary_mean', 'champions_pct', 'at_risk_pct'],
	statUnits: { recency_median: 'days', frequency_mean: 'count', monetary_mean: 'currency', champions_pct: 'pct', at_risk_pct: 'pct' },
	sql: (ctx) =>
		`SELECT median(recency_days) AS recency_median, avg(frequency) AS frequency_mean, avg(monetary) AS monetary_mean, ${share('Champions')} AS champions_pct, ${share('At risk')} AS at_risk_pct FROM (${rfm(ctx)}) x`,
	breakdowns: [
		{
			id: 'value.rfm.by_customer',
			title: 'RFM per customer',
			sql: (ctx) =>
				`SELECT pid AS customer, recency_days, frequency, monetary, r, f_score AS f, m_score AS m, segment FROM (${rfm(ctx)}) x ORDER BY pid`
		},
		{
			id: 'value.rfm.by_segment',
			title: 'Customers per RFM segment',
			sql: (ctx) => {
				const names = RFM_SEGMENTS.map((s, i) => `(${i + 1}, ${quoteLiteral(s.name)})`).join(', ');
				return [
					`SELECT n.segment, ${count('x.pid IS NOT NULL')} AS customers,`,
					`${div(`100 * ${count('x.pid IS NOT NULL')}`, `sum(${count('x.pid IS NOT NULL')}) OVER ()`)} AS customers_pct, sum(x.monetary) AS monetary`,
					`FROM (VALUES ${names}) n(pos, segment) LEFT JOIN (${rfm(ctx)}) x ON x.segment = n.segment`,
					'GROUP BY n.pos, n.segment ORDER BY n.pos'
				].join(' ');
			}
		}
	]
};
