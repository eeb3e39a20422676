import { salesQuery } from './base';
import { periods } from './reference';
import { count, div } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef } from './types';

/**
 * Who bought in the previous period and who in the current one (see `periods`), per person
 * and, with `byChannel`, per channel: one row per (channel,) person with `was_active` and
 * `is_active`. The date range defines the periods; channel and segment filters apply.
 */
function flows(ctx: MetricContext, byChannel: boolean): string {
	const p = periods(ctx.filters, ctx.ref);
	const g = byChannel ? 'channel, ' : '';
	const on = byChannel ? ' AND c.channel IS NOT DISTINCT FROM p.channel' : '';
	return [
		`WITH s AS (SELECT ${byChannel ? 't.channel, ' : ''}t.pid, t.ordered_at FROM (${salesQuery(ctx, { dates: false })}) t WHERE t.pid IS NOT NULL),`,
		`b AS (SELECT ${p.prevStart} AS prev_start, ${p.start} AS start, ${p.end} AS stop),`,
		`cur AS (SELECT DISTINCT ${g}pid FROM s, b WHERE s.ordered_at >= b.start AND s.ordered_at < b.stop),`,
		`prev AS (SELECT DISTINCT ${g}pid FROM s, b WHERE s.ordered_at >= b.prev_start AND s.ordered_at < b.start)`,
		`SELECT ${byChannel ? 'coalesce(p.channel, c.channel) AS channel, ' : ''}p.pid IS NOT NULL AS was_active, c.pid IS NOT NULL AS is_active`,
		`FROM prev p FULL JOIN cur c ON c.pid = p.pid${on}`
	].join('\n');
}

const LOST = 'was_active AND NOT is_active';
const NEW = 'is_active AND NOT was_active';
const CHURN = div(`100 * ${count(LOST)}`, count('was_active'));
const NET_GROWTH = div(`100 * (${count(NEW)} - ${count(LOST)})`, count(NEW));

const byChannel = (id: string): BreakdownDef => ({
	id: `${id}.by_channel`,
	title: 'Customer flows by channel',
	needs: ['orders.channel'],
	sql: (ctx) =>
		[
			`SELECT channel, ${count('was_active')} AS previous, ${count('is_active')} AS current, ${count(LOST)} AS lost, ${count(NEW)} AS new,`,
			`${CHURN} AS churn_pct, ${NET_GROWTH} AS net_growth_pct FROM (${flows(ctx, true)}) f GROUP BY channel ORDER BY channel NULLS LAST`
		].join(' ')
});

const periodRows: BreakdownDef = {
	id: 'channel.churn_pct.periods',
	title: 'Periods compared (inclusive dates)',
	sql: (ctx) => {
		const p = periods(ctx.filters, ctx.ref);
		return `SELECT ${p.prevStart} AS previous_from, CAST(${p.start} - 1 AS DATE) AS previous_to, ${p.start} AS "from", CAST(${p.end} - 1 AS DATE) AS "to"`;
	}
};

export const churnPct: MetricDef = {
	id: 'channel.churn_pct',
	family: 'channel',
	title: 'Churn',
	unit: 'pct',
	formula: '100 × people who bought in the previous period and not in this one / people who bought in the previous period',
	needs: ['orders.customer_id'],
	filtered: ['orders'],
	sql: (ctx) => `SELECT ${CHURN} AS value FROM (${flows(ctx, false)}) f`,
	breakdowns: [byChannel('channel.churn_pct'), periodRows]
};

export const netGrowthPct: MetricDef = {
	id: 'channel.net_growth_pct',
	family: 'channel',
	title: 'Net growth',
	unit: 'pct',
	formula: '100 × (new − lost) / new, new = bought this period and not the previous one, lost = the reverse',
	needs: ['orders.customer_id'],
	filtered: ['orders'],
	sql: (ctx) => `SELECT ${NET_GROWTH} AS value FROM (${flows(ctx, false)}) f`,
	breakdowns: [byChannel('channel.net_growth_pct')]
};
