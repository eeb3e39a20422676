import { baseQuery } from './base';
import { between, count, div } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef, Unit } from './types';

/** System metrics over access-log style visits (DESIGN.md §3 "System"). */

const requests = (ctx: MetricContext) => `(${baseQuery(ctx, 'visits')}) t`;

interface Grouping {
	suffix: string;
	name: string;
	expr: string;
	needs: string[];
}

const byDay: Grouping = { suffix: 'by_day', name: 'day', expr: 'CAST(t.started_at AS DATE)', needs: [] };
const byPage: Grouping = { suffix: 'by_page', name: 'page', expr: 't.page', needs: ['visits.page'] };

function grouped(id: string, g: Grouping, values: string): BreakdownDef {
	return {
		id: `${id}.${g.suffix}`,
		title: `${id} by ${g.name}`,
		needs: g.needs,
		sql: (ctx) => `SELECT ${g.expr} AS ${g.name}, ${count()} AS requests, ${values} FROM ${requests(ctx)} GROUP BY 1 ORDER BY 1 NULLS LAST`
	};
}

/** `headline` is the SELECT list of the headline row; `values` that of each breakdown row. */
function systemMetric(
	def: Omit<MetricDef, 'family' | 'filtered' | 'sql' | 'breakdowns'>,
	headline: string,
	values: string,
	groups: Grouping[]
): MetricDef {
	return {
		...def,
		family: 'system',
		filtered: ['visits'],
		sql: (ctx) => `SELECT ${headline} FROM ${requests(ctx)}`,
		breakdowns: groups.map((g) => grouped(def.id, g, values))
	};
}

const RESPONSE = ['50', '95', '99']
	.map((p) => `quantile_cont(t.response_ms, 0.${p}) FILTER (WHERE t.response_ms >= 0) AS p${p}`)
	.join(', ');

export const responseMs = systemMetric(
	{
		id: 'system.response_ms',
		title: 'Response time',
		unit: 'ms',
		formula: 'percentiles p50, p95, p99 of response_ms (negative values left out)',
		needs: ['visits.response_ms'],
		stats: ['p50', 'p95', 'p99']
	},
	RESPONSE,
	RESPONSE,
	[byDay, byPage]
);

const RPM = div(count(), between('min(t.started_at)', 'max(t.started_at)', 'minutes'));

export const throughputRpm = systemMetric(
	{
		id: 'system.throughput_rpm',
		title: 'Throughput',
		unit: 'rpm',
		formula: 'requests / minutes between the first and the last request',
		needs: ['visits.started_at']
	},
	`${RPM} AS value`,
	`${RPM} AS throughput_rpm`,
	[byDay]
);

function statusMetric(id: string, title: string, unit: Unit, formula: string, value: string): MetricDef {
	return systemMetric({ id, title, unit, formula, needs: ['visits.status_code'] }, `${value} AS value`, `${value} AS ${id.split('.')[1]}`, [
		byDay,
		byPage
	]);
}

export const errorRate = statusMetric(
	'system.error_rate',
	'Error rate',
	'rate',
	'requests with status ≥ 500 / requests with a status',
	div(count('t.status_code >= 500'), 'count(t.status_code)')
);

export const availabilityPct = statusMetric(
	'system.availability_pct',
	'Availability',
	'pct',
	'100 × requests with status < 500 / requests with a status',
	div(`100 * ${count('t.status_code < 500')}`, 'count(t.status_code)')
);
