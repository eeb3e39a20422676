/** What the customers page shows: its headline ids (for DownloadMetrics and the tests) and breakdowns. */

export interface ShownMetric {
	title: string;
	id: string;
	unit: string;
	lower?: boolean;
}

export const HEADLINE: readonly ShownMetric[] = [
	{ title: 'Customers with an order', id: 'behaviour.customers', unit: 'count' },
	{ title: 'Active customers', id: 'behaviour.active_customers', unit: 'count' },
	{ title: 'Repeat rate (≥ 2 orders)', id: 'behaviour.repeat_rate', unit: 'rate' },
	{ title: 'Average order value', id: 'behaviour.aov', unit: 'currency' },
	{ title: 'Purchase cycle, median', id: 'value.cycle_days.median', unit: 'days', lower: true },
	{ title: 'Feedback received', id: 'behaviour.feedback_count', unit: 'count' }
];

export interface StatRow {
	label: string;
	id: string;
	unit: string;
	stats: readonly ('median' | 'mean' | 'sum')[];
}

export const PER_CUSTOMER: readonly StatRow[] = [
	{ label: 'Orders per customer', id: 'behaviour.purchase_count', unit: 'count', stats: ['median', 'mean'] },
	{ label: 'Spend per customer', id: 'behaviour.purchase_amount', unit: 'currency', stats: ['median', 'mean'] },
	{ label: 'Purchase cycle (repeat buyers)', id: 'value.cycle_days', unit: 'days', stats: ['median', 'mean'] },
	{ label: 'Value per 30 days (cv30)', id: 'value.cv30', unit: 'currency', stats: ['median', 'mean', 'sum'] },
	{ label: 'Lifetime value (CLV)', id: 'value.clv', unit: 'currency', stats: ['median', 'mean', 'sum'] }
];

export const RFM_STATS: readonly ShownMetric[] = [
	{ title: 'Days since last order, median', id: 'value.rfm.recency_median', unit: 'days' },
	{ title: 'Orders, mean', id: 'value.rfm.frequency_mean', unit: 'count' },
	{ title: 'Spend, mean', id: 'value.rfm.monetary_mean', unit: 'currency' },
	{ title: 'Champions', id: 'value.rfm.champions_pct', unit: 'pct' },
	{ title: 'At risk', id: 'value.rfm.at_risk_pct', unit: 'pct' }
];

export const SATISFACTION: readonly ShownMetric[] = [
	{ title: 'CSAT (score ≥ 4)', id: 'value.csat_pct', unit: 'pct' },
	{ title: 'Expectation gap (score − expected)', id: 'value.expectation_gap', unit: 'score' }
];

export const SHOWN_IDS: readonly string[] = [
	...new Set([
		...HEADLINE.map((m) => m.id),
		...PER_CUSTOMER.flatMap((r) => r.stats.map((s) => `${r.id}.${s}`)),
		...RFM_STATS.map((m) => m.id),
		...SATISFACTION.map((m) => m.id)
	])
];

export const SHOWN_BREAKDOWNS: readonly string[] = [
	'value.rfm.by_customer',
	'value.rfm.by_segment',
	'value.cv30.by_customer',
	'value.clv.by_customer',
	'value.cycle_days.by_customer',
	'value.csat_pct.by_channel',
	'value.csat_pct.by_week',
	'value.expectation_gap.by_channel'
];
