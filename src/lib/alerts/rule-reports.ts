import type { Filters, MetricsReport } from '../metrics/types';
import { comparisonPeriods } from './periods';
import type { Rule } from './rules';

/** Compute these full metric ids under these filters (the caller owns the engine and settings). */
export type ComputeReport = (filters: Filters, fullIds: string[], options: { breakdowns: boolean }) => Promise<MetricsReport>;

export interface RuleReports {
	current: MetricsReport;
	/** The period before, for `change_pct_*` rules; null when it cannot be told (no data). */
	previous?: MetricsReport | null;
}

interface Job {
	filters: Filters;
	breakdowns: boolean;
	ids: Set<string>;
	result?: MetricsReport;
}

function isChange(rule: Rule): boolean {
	return rule.op === 'change_pct_gt' || rule.op === 'change_pct_lt';
}

function hasFilters(filters: Filters | undefined): boolean {
	return Object.values(filters ?? {}).some((v) => v !== undefined && v !== '');
}

/**
 * The report each rule is judged on. A rule without filters of its own reads the report
 * already computed; one with filters, and every `change_pct_*` rule (its period and the one
 * before), gets its metric computed again; rules that need the same filters share one run.
 */
export async function reportsForRules(
	rules: readonly Rule[],
	base: { report: MetricsReport; filters: Filters },
	compute: ComputeReport
): Promise<Map<string, RuleReports>> {
	const jobs = new Map<string, Job>();
	const job = (filters: Filters, breakdowns: boolean, id: string): Job => {
		const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as Filters;
		const key = JSON.stringify([Object.entries(clean).sort(), breakdowns]);
		let j = jobs.get(key);
		if (!j) jobs.set(key, (j = { filters: clean, breakdowns, ids: new Set() }));
		j.ids.add(id);
		return j;
	};
	const plan = new Map<string, { current: Job | MetricsReport; previous?: Job | null }>();
	for (const rule of rules) {
		const filters = { ...base.filters, ...rule.filters };
		if (isChange(rule)) {
			const periods = comparisonPeriods(filters, base.report.referenceDate);
			plan.set(
				rule.id,
				periods
					? { current: job(periods.current, false, rule.metric), previous: job(periods.previous, false, rule.metric) }
					: { current: base.report, previous: null }
			);
		} else if (hasFilters(rule.filters)) plan.set(rule.id, { current: job(filters, rule.op === 'anomaly', rule.metric) });
		else plan.set(rule.id, { current: base.report });
	}
	for (const j of jobs.values()) j.result = await compute(j.filters, [...j.ids], { breakdowns: j.breakdowns });
	const resolve = (x: Job | MetricsReport): MetricsReport => ('ids' in x ? x.result! : x);
	const out = new Map<string, RuleReports>();
	for (const [id, p] of plan)
		out.set(id, { current: resolve(p.current), ...(p.previous !== undefined ? { previous: p.previous && resolve(p.previous) } : {}) });
	return out;
}
