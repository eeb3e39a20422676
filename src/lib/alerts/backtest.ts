import { evaluate, type AlertEventType, type MetricResult, type RuleState, type RuleStatus } from './evaluate';
import { ANOMALY_WINDOW } from './metric-input';
import type { Rule } from './rules';
import type { SeriesPoint } from './series';

export interface BacktestPoint {
	period: string;
	value: number | null;
	status: RuleStatus;
	/** What was compared with the threshold (the value, the change in %, the robust z). */
	observed: number | null;
	events: AlertEventType[];
}

export interface Backtest {
	periods: number;
	/** Periods at whose end the rule was firing. */
	firingPeriods: number;
	/** Alerts raised (firing events). */
	firings: number;
	points: BacktestPoint[];
}

/**
 * How the rule would have behaved over a series (e.g. a by_week breakdown): evaluate() once
 * per period, in order, at the period's start, so pendingFor counts periods and keepFiringFor
 * and cooldown count the time between them. `change_pct_*` compares each period with the one
 * before; `anomaly` with up to 28 periods before it.
 */
export function backtest(rule: Rule, series: readonly SeriesPoint[]): Backtest {
	const sorted = [...series].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
	const points: BacktestPoint[] = [];
	let state: RuleState | undefined;
	const seen: number[] = [];
	let previous: number | null = null;
	for (const point of sorted) {
		const now = Date.parse(`${point.period.slice(0, 10)}T00:00:00Z`);
		if (!Number.isFinite(now)) throw new Error(`invalid period ${JSON.stringify(point.period)} (expected YYYY-MM-DD)`);
		const result: MetricResult =
			point.value === null
				? { kind: 'no-data', reason: 'no value for this period' }
				: { kind: 'value', value: point.value, previous, history: seen.slice(-ANOMALY_WINDOW) };
		const out = evaluate(rule, result, state, now);
		state = out.state;
		points.push({
			period: point.period,
			value: point.value,
			status: state.status,
			observed: state.observed,
			events: out.events.map((e) => e.type)
		});
		previous = point.value;
		if (point.value !== null) seen.push(point.value);
	}
	return {
		periods: points.length,
		firingPeriods: points.filter((p) => p.status === 'firing').length,
		firings: points.filter((p) => p.events.includes('firing')).length,
		points
	};
}
