import { baseQuery } from './base';
import { has } from './catalog';
import { customerValue } from './customer-value';
import { byColumn, byWeek, type Grouping } from './duration';
import { count, div } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef, Unit } from './types';

/** Customer value and satisfaction (DESIGN.md §3 "Value"). */

const valueByCustomer = (id: string): BreakdownDef => ({
	id: `${id}.by_customer`,
	title: 'Value per customer',
	sql: (ctx) =>
		`SELECT pid AS customer, CAST(f AS DOUBLE) AS orders, monetary, aov, first_at, last_at, cycle_days, cv30, clv FROM (${customerValue(ctx)}) v ORDER BY pid`
});

function perCustomerMetric(
	id: string,
	column: string,
	title: string,
	unit: Unit,
	formula: string,
	stats: string[],
	needs: string[]
): MetricDef {
	const aggs: Record<string, string> = { median: `median(${column})`, mean: `avg(${column})`, sum: `sum(${column})` };
	return {
		id,
		family: 'value',
		title,
		unit,
		formula,
		needs,
		filtered: ['orders'],
		stats,
		sql: (ctx) => `SELECT ${stats.map((s) => `${aggs[s]} AS ${s}`).join(', ')} FROM (${customerValue(ctx)}) v`,
		breakdowns: [valueByCustomer(id)]
	};
}

export const cycleDays = perCustomerMetric(
	'value.cycle_days',
	'cycle_days',
	'Purchase cycle',
	'days',
	'(last order − first order) / (orders − 1) in days, people with ≥ 2 orders',
	['median', 'mean'],
	['orders.customer_id']
);

export const cv30 = perCustomerMetric(
	'value.cv30',
	'cv30',
	'Customer value per 30 days',
	'currency',
	'AOV × 30 / purchase cycle; single-order people use the median cycle',
	['median', 'mean', 'sum'],
	['orders.customer_id', 'orders.amount']
);

export const clv = perCustomerMetric(
	'value.clv',
	'clv',
	'Customer lifetime value',
	'currency',
	'cv30 × horizon in months (a setting)',
	['median', 'mean', 'sum'],
	['orders.customer_id', 'orders.amount']
);

function feedbackRows(ctx: MetricContext, groups: readonly Grouping[]): string {
	const cols = groups.map((g) => `${g.expr('created_at')} AS ${g.name}, `).join('');
	const expected = has(ctx.catalog, 'feedback.expected_score') ? ', t.expected_score' : '';
	return `SELECT ${cols}t.score${expected} FROM (${baseQuery(ctx, 'feedback')}) t`;
}

const CSAT = div(`100 * ${count('score >= 4 AND score <= 5')}`, count('score BETWEEN 1 AND 5'));
const GAP = 'avg(score - expected_score)';

function feedbackBreakdown(id: string, g: Grouping, value: string, extra: string[] = []): BreakdownDef {
	return {
		id: `${id}.${g.suffix}`,
		title: `${id} by ${g.name}`,
		needs: [...(g.needs ?? []), ...extra],
		sql: (ctx) =>
			`SELECT ${g.name}, ${count()} AS n, ${value} AS ${id.split('.')[1]} FROM (${feedbackRows(ctx, [g])}) t GROUP BY ${g.name} ORDER BY ${g.name} NULLS LAST`
	};
}

export const csatPct: MetricDef = {
	id: 'value.csat_pct',
	family: 'value',
	title: 'Customer satisfaction',
	unit: 'pct',
	formula: '100 × feedback scores of 4 or 5 / scores from 1 to 5',
	needs: ['feedback.score'],
	filtered: ['feedback'],
	sql: (ctx) => `SELECT ${CSAT} AS value FROM (${feedbackRows(ctx, [])}) t`,
	breakdowns: [
		feedbackBreakdown('value.csat_pct', byColumn('feedback', 'channel'), CSAT),
		feedbackBreakdown('value.csat_pct', byWeek, CSAT, ['feedback.created_at'])
	]
};

export const expectationGap: MetricDef = {
	id: 'value.expectation_gap',
	family: 'value',
	title: 'Expectation gap',
	unit: 'score',
	formula: 'mean of (score − expected_score) where both exist',
	needs: ['feedback.score', 'feedback.expected_score'],
	filtered: ['feedback'],
	sql: (ctx) => `SELECT ${GAP} AS value FROM (${feedbackRows(ctx, [])}) t`,
	breakdowns: [feedbackBreakdown('value.expectation_gap', byColumn('feedback', 'channel'), GAP)]
};
