import type { MetricsReport } from '../metrics';

/** One column of breakdown rows as numbers (null where missing), for sparklines. */
export function column(rows: readonly Record<string, unknown>[], key: string): (number | null)[] {
	return rows.map((r) => (typeof r[key] === 'number' ? (r[key] as number) : null));
}

/** The channels the report saw, for the channel filter (labels as they are in the data). */
export function channelsOf(report: MetricsReport): string[] {
	const seen = new Set<string>();
	for (const id of ['behaviour.revenue.by_channel', 'process.ticket_resolution_hours.by_channel', 'value.csat_pct.by_channel']) {
		for (const row of report.breakdowns[id] ?? []) if (typeof row.channel === 'string' && row.channel) seen.add(row.channel);
	}
	return [...seen].sort((a, b) => a.localeCompare(b));
}

/** The quality score shown on the overview: the orders table's, else the first canonical table's. */
export function qualityScoreId(report: MetricsReport): string | null {
	const ids = Object.keys(report.metrics).filter((id) => id.startsWith('quality.score.'));
	return ids.find((id) => id === 'quality.score.orders') ?? ids.sort()[0] ?? null;
}
