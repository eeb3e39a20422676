import type { MetricsReport } from '$lib/metrics';
import { joinRows, rowsOf, sortRows, type Column, type Row } from '../channels/join-rows';

/** The headline system metrics; `trend` is the by-day breakdown column shown as a sparkline. */
export const SYSTEM_KPIS = [
	{ title: 'Response time p50', id: 'system.response_ms.p50', unit: 'ms', lower: true, day: 'system.response_ms.by_day', trend: 'p50' },
	{ title: 'Response time p95', id: 'system.response_ms.p95', unit: 'ms', lower: true, day: 'system.response_ms.by_day', trend: 'p95' },
	{ title: 'Response time p99', id: 'system.response_ms.p99', unit: 'ms', lower: true, day: 'system.response_ms.by_day', trend: 'p99' },
	{
		title: 'Throughput',
		id: 'system.throughput_rpm',
		unit: 'rpm',
		lower: false,
		day: 'system.throughput_rpm.by_day',
		trend: 'throughput_rpm'
	},
	{
		title: 'Error rate (status ≥ 500)',
		id: 'system.error_rate',
		unit: 'rate',
		lower: true,
		day: 'system.error_rate.by_day',
		trend: 'error_rate'
	},
	{
		title: 'Availability (status < 500)',
		id: 'system.availability_pct',
		unit: 'pct',
		lower: false,
		day: 'system.availability_pct.by_day',
		trend: 'availability_pct'
	}
] as const;

export const SYSTEM_BREAKDOWNS = [
	'system.response_ms.by_day',
	'system.throughput_rpm.by_day',
	'system.error_rate.by_day',
	'system.availability_pct.by_day',
	'system.response_ms.by_page',
	'system.error_rate.by_page',
	'system.availability_pct.by_page'
];

/** The metrics the page is about, for telling "no visits loaded" apart from one missing column. */
export const SYSTEM_METRICS = [
	{ id: 'system.response_ms', title: 'Response time' },
	{ id: 'system.throughput_rpm', title: 'Throughput' },
	{ id: 'system.error_rate', title: 'Error rate' },
	{ id: 'system.availability_pct', title: 'Availability' }
];

export const PAGE_COLUMNS: Column[] = [
	{ key: 'page', label: 'Page' },
	{ key: 'requests', label: 'Requests', unit: 'count' },
	{ key: 'p50', label: 'p50', unit: 'ms' },
	{ key: 'p95', label: 'p95', unit: 'ms' },
	{ key: 'p99', label: 'p99', unit: 'ms' },
	{ key: 'error_rate', label: 'Error rate', unit: 'rate' },
	{ key: 'availability_pct', label: 'Availability', unit: 'pct' }
];

/** One row per page joining the by-page breakdowns, most requested first. */
export function pageRows(report: MetricsReport): Row[] {
	const rows = joinRows('page', [
		{ rows: rowsOf(report, 'system.response_ms.by_page'), columns: ['requests', 'p50', 'p95', 'p99'] },
		{ rows: rowsOf(report, 'system.error_rate.by_page'), columns: ['requests', 'error_rate'] },
		{ rows: rowsOf(report, 'system.availability_pct.by_page'), columns: ['requests', 'availability_pct'] }
	]);
	return sortRows(rows, 'requests', 'page');
}
