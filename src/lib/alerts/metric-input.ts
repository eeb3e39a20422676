import { lookupMetric } from '../metrics/run';
import type { MetricsReport } from '../metrics/types';
import type { MetricResult } from './evaluate';
import type { Rule } from './rules';
import { completePoints, metricSeries } from './series';

/** An anomaly is judged against at most this many periods before the latest (the 28 of DESIGN.md §3). */
export const ANOMALY_WINDOW = 28;

function isChange(rule: Rule): boolean {
	return rule.op === 'change_pct_gt' || rule.op === 'change_pct_lt';
}

/**
 * What evaluate() needs for a rule, from the report of its period and, for `change_pct_*`, the
 * report of the period before. An id no metric has is an error; a metric whose inputs are
 * missing is no-data with the reason (a metric whose query failed is an error).
 */
export function metricInput(rule: Rule, report: MetricsReport, previous?: MetricsReport | null): MetricResult {
	const found = lookupMetric(report, rule.metric);
	if (found.status === 'unknown')
		return { kind: 'error', message: `unknown metric ${rule.metric} (not in the catalogue for the loaded tables)` };
	if (found.status === 'unavailable') {
		if (found.reason.startsWith('error: ')) return { kind: 'error', message: `${rule.metric}: ${found.reason.slice(7)}` };
		return { kind: 'no-data', reason: `${rule.metric} unavailable: ${found.reason}` };
	}
	if (isChange(rule)) {
		const before = previous ? lookupMetric(previous, rule.metric) : null;
		return { kind: 'value', value: found.value, previous: before?.status === 'ok' ? before.value : null };
	}
	if (rule.op !== 'anomaly') return { kind: 'value', value: found.value };

	const series = metricSeries(report, rule.metric);
	if (!series) return { kind: 'no-data', reason: `anomaly needs a weekly or daily series of ${rule.metric}; the report has none` };
	const values = completePoints(series, report.referenceDate)
		.map((p) => p.value)
		.filter((v): v is number => v !== null);
	if (!values.length) return { kind: 'no-data', reason: `${series.breakdown} has no complete ${series.grain} with a value` };
	return { kind: 'value', value: values[values.length - 1], history: values.slice(-1 - ANOMALY_WINDOW, -1) };
}
