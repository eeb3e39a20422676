import { salesQuery } from './base';
import { afterTo, fromDate } from './filters';
import type { MetricContext, MetricDef } from './types';

/** Robust z-score of DESIGN.md §3: z = (x − median) / (1.4826 × MAD) over the trailing window. */
export const ANOMALY_Z = 3.5;
export const ANOMALY_WINDOW_DAYS = 28;
export const MAD_SCALE = 1.4826;

interface Measure {
	key: 'revenue' | 'orders';
	title: string;
	/** Aggregate of one day's sales `t`. */
	daily: string;
	needs: string[];
}

const MEASURES: Measure[] = [
	{ key: 'revenue', title: 'Revenue', daily: 'coalesce(sum(t.amount), 0)', needs: ['orders.amount'] },
	{ key: 'orders', title: 'Orders', daily: 'count(DISTINCT t.order_id)', needs: ['orders.order_id'] }
];

/**
 * Every day from the first to the last sale (days without sales are 0), scored against the
 * 28 days before it. The series ignores the date range so the first days of a range still
 * have a full window; a day gets a z only with a full window and a MAD above 0.
 */
function scoredDays(ctx: MetricContext, m: Measure): string {
	const n = ANOMALY_WINDOW_DAYS;
	const range: string[] = [];
	if (ctx.filters.from) range.push(`day >= ${fromDate(ctx.filters.from)}`);
	if (ctx.filters.to) range.push(`day < ${afterTo(ctx.filters.to)}`);
	return [
		`WITH daily AS (SELECT CAST(t.ordered_at AS DATE) AS day, ${m.daily} AS x FROM (${salesQuery(ctx, { dates: false })}) t WHERE t.ordered_at IS NOT NULL GROUP BY 1),`,
		`days AS (SELECT CAST(unnest(generate_series(CAST(min(day) AS TIMESTAMP), CAST(max(day) AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS day FROM daily),`,
		`series AS (SELECT d.day, CAST(coalesce(daily.x, 0) AS DOUBLE) AS x FROM days d LEFT JOIN daily ON daily.day = d.day),`,
		`win AS (SELECT s.day, w.x FROM series s JOIN series w ON w.day >= s.day - ${n} AND w.day < s.day),`,
		`med AS (SELECT day, median(x) AS m, count(*) AS k FROM win GROUP BY day),`,
		`mad AS (SELECT win.day, median(abs(win.x - med.m)) AS mad FROM win JOIN med ON med.day = win.day GROUP BY win.day),`,
		`scored AS (SELECT s.day, s.x AS value, med.m AS median, mad.mad, CASE WHEN med.k = ${n} THEN (s.x - med.m) / nullif(${MAD_SCALE} * mad.mad, 0) END AS z FROM series s LEFT JOIN med ON med.day = s.day LEFT JOIN mad ON mad.day = s.day)`,
		`SELECT day, value, median, mad, z, abs(z) > ${ANOMALY_Z} AS anomaly FROM scored${range.length ? ` WHERE ${range.join(' AND ')}` : ''}`
	].join('\n');
}

function anomalyMetric(m: Measure): MetricDef {
	return {
		id: `behaviour.anomalies.${m.key}`,
		family: 'behaviour',
		title: `Anomalous days (${m.title.toLowerCase()})`,
		unit: 'count',
		formula: `days whose ${m.title.toLowerCase()} is more than ${ANOMALY_Z} robust z from the median of the trailing ${ANOMALY_WINDOW_DAYS} days, z = (x − median) / (${MAD_SCALE} × MAD)`,
		needs: m.needs,
		filtered: ['orders'],
		sql: (ctx) =>
			`SELECT CASE WHEN count(z) = 0 THEN NULL ELSE CAST(count(*) FILTER (WHERE anomaly) AS DOUBLE) END AS value FROM (${scoredDays(ctx, m)}) a`,
		breakdowns: [
			{
				id: `behaviour.anomalies.${m.key}.by_day`,
				title: `Daily ${m.title.toLowerCase()} with robust z-scores`,
				sql: (ctx) => `SELECT * FROM (${scoredDays(ctx, m)}) a ORDER BY day`
			}
		]
	};
}

export const revenueAnomalies = anomalyMetric(MEASURES[0]);
export const orderAnomalies = anomalyMetric(MEASURES[1]);
