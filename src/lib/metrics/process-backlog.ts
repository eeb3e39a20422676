import { quoteLiteral } from '../sql/quote';
import { baseQuery } from './base';
import { byColumn, byWeek, type Grouping } from './duration';
import { openAt } from './process-tickets';
import { between, count, div, isoWeek } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef } from './types';

/** Age buckets of open tickets, in hours: [label, upper bound exclusive]. */
export const BACKLOG_AGES: readonly [string, number | null][] = [
	['< 1 day', 24],
	['1–3 days', 72],
	['3–7 days', 168],
	['7–30 days', 720],
	['≥ 30 days', null]
];

function ageBucket(age: string): string {
	const whens = BACKLOG_AGES.filter(([, upper]) => upper !== null).map(([, upper], i) => `WHEN ${age} < ${upper} THEN ${i + 1}`);
	return `CASE ${whens.join(' ')} ELSE ${BACKLOG_AGES.length} END`;
}

function openTickets(ctx: MetricContext): string {
	return `SELECT t.*, ${between('t.created_at', ctx.ref, 'hours')} AS age FROM (${baseQuery(ctx, 'tickets')}) t WHERE ${openAt(ctx, ctx.ref)}`;
}

const backlogByAge: BreakdownDef = {
	id: 'process.backlog.by_age',
	title: 'Open tickets by age',
	sql: (ctx) => {
		const buckets = BACKLOG_AGES.map(([label], i) => `(${i + 1}, ${quoteLiteral(label)})`).join(', ');
		return `SELECT b.age, ${count('o.bucket IS NOT NULL')} AS tickets FROM (VALUES ${buckets}) b(bucket, age) LEFT JOIN (SELECT ${ageBucket('age')} AS bucket FROM (${openTickets(ctx)}) x) o ON o.bucket = b.bucket GROUP BY b.bucket, b.age ORDER BY b.bucket`;
	}
};

/** Open tickets at the end of each ISO week, from the first ticket's week to the reference date's. */
const backlogByWeek: BreakdownDef = {
	id: 'process.backlog.by_week',
	title: 'Open tickets at the end of each week',
	needs: ['tickets.resolved_at'],
	sql: (ctx) => {
		const bounds = `SELECT ${isoWeek('min(t.created_at)')} AS first, ${isoWeek(ctx.ref)} AS last, ${ctx.ref} AS ref FROM (${baseQuery(ctx, 'tickets')}) t`;
		const weeks = `SELECT week, least(week + INTERVAL 7 DAY, ref) AS at FROM (SELECT CAST(unnest(generate_series(CAST(first AS TIMESTAMP), CAST(last AS TIMESTAMP), INTERVAL 7 DAY)) AS DATE) AS week, ref FROM (${bounds}) b)`;
		return `SELECT w.week, ${count('t.created_at IS NOT NULL')} AS tickets FROM (${weeks}) w LEFT JOIN (${baseQuery(ctx, 'tickets')}) t ON ${openAt(ctx, 'w.at')} GROUP BY w.week ORDER BY w.week`;
	}
};

function backlogByColumn(g: Grouping): BreakdownDef {
	return {
		id: `process.backlog.${g.suffix}`,
		title: `Open tickets by ${g.name}`,
		needs: g.needs,
		sql: (ctx) => `SELECT ${g.name}, ${count()} AS tickets FROM (${openTickets(ctx)}) t GROUP BY ${g.name} ORDER BY ${g.name} NULLS LAST`
	};
}

export const backlog: MetricDef = {
	id: 'process.backlog',
	family: 'process',
	title: 'Ticket backlog',
	unit: 'count',
	formula: 'tickets created by the reference date and not resolved by then (no resolved_at: status not closed)',
	needs: ['tickets.created_at', ['tickets.resolved_at', 'tickets.status']],
	filtered: ['tickets'],
	sql: (ctx) => `SELECT ${count()} AS value FROM (${openTickets(ctx)}) t`,
	breakdowns: [
		backlogByAge,
		backlogByWeek,
		backlogByColumn(byColumn('tickets', 'channel')),
		backlogByColumn(byColumn('tickets', 'category'))
	]
};

/**
 * A ticket counts once its SLA outcome is known: resolved (with a non-negative time), or
 * still open at the reference date and already older than the SLA (a breach either way).
 */
function slaOutcomes(ctx: MetricContext, groups: readonly Grouping[]): string {
	const sla = String(ctx.settings.slaHours);
	const cols = groups.map((g) => `${g.expr('created_at')} AS ${g.name}, `).join('');
	const inner = `SELECT ${cols}${between('t.created_at', 't.resolved_at', 'hours')} AS v, ${openAt(ctx, ctx.ref)} AND ${between('t.created_at', ctx.ref, 'hours')} > ${sla} AS open_late FROM (${baseQuery(ctx, 'tickets')}) t`;
	return `SELECT *, v >= 0 OR open_late AS decided, v > ${sla} OR open_late AS breached FROM (${inner}) s`;
}

const SLA_PCT = div(`100 * ${count('breached')}`, count('decided'));

function slaBreakdown(g: Grouping): BreakdownDef {
	return {
		id: `process.sla_breach_pct.${g.suffix}`,
		title: `SLA breaches by ${g.name}`,
		needs: g.needs,
		sql: (ctx) =>
			`SELECT ${g.name}, ${count('decided')} AS decided, ${count('breached')} AS breached, ${SLA_PCT} AS sla_breach_pct FROM (${slaOutcomes(ctx, [g])}) s GROUP BY ${g.name} ORDER BY ${g.name} NULLS LAST`
	};
}

export const slaBreachPct: MetricDef = {
	id: 'process.sla_breach_pct',
	family: 'process',
	title: 'SLA breaches',
	unit: 'pct',
	formula: '100 × (resolved in more than the SLA hours + open past the SLA) / (resolved + open past the SLA)',
	needs: ['tickets.created_at', 'tickets.resolved_at'],
	filtered: ['tickets'],
	sql: (ctx) => `SELECT ${SLA_PCT} AS value FROM (${slaOutcomes(ctx, [])}) s`,
	breakdowns: [slaBreakdown(byWeek), slaBreakdown(byColumn('tickets', 'channel')), slaBreakdown(byColumn('tickets', 'category'))]
};
