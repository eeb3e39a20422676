import { has } from './catalog';
import { baseQuery } from './base';
import { byColumn, byWeek, type Grouping } from './duration';
import { between, count } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef } from './types';

/** Minutes of one contact: ended − started, or duration_s where the end is not recorded. */
function minutes(ctx: MetricContext): string {
	const parts: string[] = [];
	if (has(ctx.catalog, 'communications.ended_at')) parts.push(between('t.started_at', 't.ended_at', 'minutes'));
	if (has(ctx.catalog, 'communications.duration_s')) parts.push('t.duration_s / 60.0');
	return parts.length === 1 ? parts[0] : `coalesce(${parts.join(', ')})`;
}

function contacts(ctx: MetricContext, groups: readonly Grouping[]): string {
	const cols = groups.map((g) => `${g.expr('started_at')} AS ${g.name}, `).join('');
	return `SELECT ${cols}t.pid, ${minutes(ctx)} AS v FROM (${baseQuery(ctx, 'communications', { person: true })}) t`;
}

const STATS = [`avg(v) FILTER (WHERE v >= 0) AS mean`, `sum(v) FILTER (WHERE v >= 0) AS total`, `${count('v >= 0')} AS contacts`].join(
	', '
);

function grouped(g: Grouping): BreakdownDef {
	return {
		id: `process.communication_minutes.${g.suffix}`,
		title: `Communication time by ${g.name}`,
		needs: g.needs,
		sql: (ctx) =>
			`SELECT ${g.name}, ${STATS}, ${count('v < 0')} AS negative FROM (${contacts(ctx, [g])}) c GROUP BY ${g.name} ORDER BY ${g.name} NULLS LAST`
	};
}

const byCustomer: BreakdownDef = {
	id: 'process.communication_minutes.by_customer',
	title: 'Communication time per customer',
	sql: (ctx) =>
		`SELECT pid AS customer, ${count('v >= 0')} AS contacts, sum(v) FILTER (WHERE v >= 0) AS minutes FROM (${contacts(ctx, [])}) c WHERE pid IS NOT NULL GROUP BY pid ORDER BY pid`
};

export const communicationMinutes: MetricDef = {
	id: 'process.communication_minutes',
	family: 'process',
	title: 'Communication time',
	unit: 'minutes',
	formula: 'ended_at − started_at (or duration_s) in minutes: mean per contact, mean per customer of their total; negative ones counted',
	needs: ['communications.started_at', ['communications.ended_at', 'communications.duration_s']],
	filtered: ['communications'],
	stats: ['mean', 'per_customer', 'negative'],
	statUnits: { negative: 'count' },
	sql: (ctx) => {
		const c = contacts(ctx, []);
		const perCustomer = `SELECT avg(m) FROM (SELECT sum(v) AS m FROM (${c}) c WHERE v >= 0 AND pid IS NOT NULL GROUP BY pid)`;
		return `SELECT avg(v) FILTER (WHERE v >= 0) AS mean, (${perCustomer}) AS per_customer, ${count('v < 0')} AS negative FROM (${c}) c`;
	},
	breakdowns: [byCustomer, grouped(byColumn('communications', 'agent')), grouped(byColumn('communications', 'channel')), grouped(byWeek)]
};
