import { salesQuery } from './base';
import { between, div } from './sql-parts';
import { has } from './catalog';
import type { MetricContext } from './types';

/**
 * One row per person over the filtered sales: `f` distinct orders, `monetary` total amount,
 * `aov` (amount per order that has an amount), first and last order, `cycle_days` for
 * repeat buyers, then `cv30` (spend per 30 days) and `clv` (cv30 × horizon in months).
 * Single-order buyers take the population median cycle; a zero cycle gives NULL.
 */
export function customerValue(ctx: MetricContext): string {
	// Without an amount column the cycle is still known; spend-based values are NULL.
	const amount = has(ctx.catalog, 'orders.amount') ? 't.amount' : 'CAST(NULL AS DOUBLE)';
	const perPerson = [
		`SELECT t.pid, count(DISTINCT t.order_id) AS f, sum(${amount}) AS monetary,`,
		`${div(`sum(${amount})`, `count(DISTINCT t.order_id) FILTER (WHERE ${amount} IS NOT NULL)`)} AS aov,`,
		'min(t.ordered_at) AS first_at, max(t.ordered_at) AS last_at',
		`FROM (${salesQuery(ctx)}) t WHERE t.pid IS NOT NULL AND t.ordered_at IS NOT NULL GROUP BY t.pid`
	].join(' ');
	const cycle = `CASE WHEN f >= 2 THEN ${between('first_at', 'last_at', 'days')} / (f - 1) END AS cycle_days`;
	const cv30 = `${div('c.aov * 30', 'CASE WHEN c.f >= 2 THEN c.cycle_days ELSE pop.median_cycle END')}`;
	return [
		`WITH c AS (SELECT *, ${cycle} FROM (${perPerson}) p),`,
		'pop AS (SELECT median(cycle_days) AS median_cycle FROM c),',
		`v AS (SELECT c.*, ${cv30} AS cv30 FROM c, pop)`,
		`SELECT *, cv30 * ${ctx.settings.clvHorizonMonths} AS clv FROM v`
	].join('\n');
}
