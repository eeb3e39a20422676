import { baseQuery } from './base';
import { count, div, labelIn } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef, Unit } from './types';

/** Campaign metrics (DESIGN.md §3 "Campaigns"): headline over all activities, breakdowns per campaign and channel. */

/** `result` labels that mean the activity succeeded (compared trimmed and lower-cased). */
export const SUCCESS_RESULTS = ['success', 'successful', 'succeeded'];

const activities = (ctx: MetricContext) => `(${baseQuery(ctx, 'campaigns')}) t`;

const groupings = [
	{ suffix: 'by_campaign', column: 'campaign', needs: [] as string[] },
	{ suffix: 'by_channel', column: 'channel', needs: ['campaigns.channel'] }
];

function campaignMetric(id: string, title: string, unit: Unit, formula: string, needs: string[], value: string): MetricDef {
	const name = id.split('.')[1];
	const breakdowns: BreakdownDef[] = groupings.map((g) => ({
		id: `${id}.${g.suffix}`,
		title: `${title} by ${g.column}`,
		needs: g.needs,
		sql: (ctx) =>
			`SELECT t.${g.column}, ${count()} AS activities, ${value} AS ${name} FROM ${activities(ctx)} GROUP BY t.${g.column} ORDER BY t.${g.column} NULLS LAST`
	}));
	return {
		id,
		family: 'campaign',
		title,
		unit,
		formula,
		needs,
		filtered: ['campaigns'],
		sql: (ctx) => `SELECT ${value} AS value FROM ${activities(ctx)}`,
		breakdowns
	};
}

export const successRate = campaignMetric(
	'campaign.success_rate',
	'Campaign success rate',
	'rate',
	`activities whose result is ${SUCCESS_RESULTS.join('/')} / activities with a result`,
	['campaigns.result'],
	div(count(labelIn('t.result', SUCCESS_RESULTS)), 'count(t.result)')
);

export const campaignConversion = campaignMetric(
	'campaign.conversion',
	'Campaign conversion',
	'rate',
	'converted activities / activities with a converted flag',
	['campaigns.converted'],
	div(count('t.converted'), 'count(t.converted)')
);

export const roi = campaignMetric(
	'campaign.roi',
	'Campaign ROI',
	'rate',
	'(revenue − cost) / cost',
	['campaigns.cost', 'campaigns.revenue'],
	div('coalesce(sum(t.revenue), 0) - sum(t.cost)', 'sum(t.cost)')
);
