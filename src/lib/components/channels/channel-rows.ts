import type { MetricsReport } from '$lib/metrics';
import { joinRows, rowsOf, sortRows, type Column, type Row } from './join-rows';

/** The headline channel metrics, in the order the page shows them. */
export const CHANNEL_KPIS = [
	{ title: 'Satisfaction (mean score)', id: 'channel.satisfaction', unit: 'score', lower: false },
	{ title: 'Conversion', id: 'channel.conversion', unit: 'rate', lower: false },
	{ title: 'Revenue', id: 'channel.revenue', unit: 'currency', lower: false },
	{ title: 'Churn', id: 'channel.churn_pct', unit: 'pct', lower: true },
	{ title: 'Net growth', id: 'channel.net_growth_pct', unit: 'pct', lower: false }
] as const;

export const CHANNEL_BREAKDOWNS = [
	'channel.revenue.by_channel',
	'channel.satisfaction.by_channel',
	'channel.conversion.by_channel',
	'channel.churn_pct.by_channel',
	'channel.net_growth_pct.by_channel',
	'channel.churn_pct.periods'
];

export const CHANNEL_COLUMNS: Column[] = [
	{ key: 'channel', label: 'Channel' },
	{ key: 'orders', label: 'Orders', unit: 'count' },
	{ key: 'revenue', label: 'Revenue', unit: 'currency' },
	{ key: 'aov', label: 'AOV', unit: 'currency' },
	{ key: 'satisfaction', label: 'Satisfaction', unit: 'score' },
	{ key: 'conversion', label: 'Conversion', unit: 'rate' },
	{ key: 'churn_pct', label: 'Churn %', unit: 'pct' },
	{ key: 'net_growth_pct', label: 'Net growth %', unit: 'pct' }
];

/** One row per channel joining the channel breakdowns, by revenue, largest first. */
export function channelRows(report: MetricsReport): Row[] {
	const rows = joinRows('channel', [
		{ rows: rowsOf(report, 'channel.revenue.by_channel'), columns: ['orders', 'revenue', 'aov'] },
		{ rows: rowsOf(report, 'channel.satisfaction.by_channel'), columns: ['satisfaction'] },
		{ rows: rowsOf(report, 'channel.conversion.by_channel'), columns: ['conversion'] },
		{ rows: rowsOf(report, 'channel.churn_pct.by_channel'), columns: ['churn_pct'] },
		{ rows: rowsOf(report, 'channel.net_growth_pct.by_channel'), columns: ['net_growth_pct'] }
	]);
	return sortRows(rows, 'revenue', 'channel');
}

export interface ComparedPeriods {
	previous: string;
	current: string;
}

/** The two periods churn and net growth compare, as 'YYYY-MM-DD…YYYY-MM-DD' (inclusive), or null. */
export function comparedPeriods(report: MetricsReport): ComparedPeriods | null {
	const [p] = rowsOf(report, 'channel.churn_pct.periods');
	if (!p || typeof p.previous_from !== 'string' || typeof p.from !== 'string') return null;
	return { previous: `${p.previous_from}…${p.previous_to}`, current: `${p.from}…${p.to}` };
}
