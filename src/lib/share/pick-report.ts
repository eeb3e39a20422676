import type { MetricsReport } from '../metrics';

/**
 * The part of a report a page shows, in the export shape of DESIGN.md §3: the listed
 * headline ids (and their reasons when unavailable) and the listed breakdowns.
 */
export function pickReport(report: MetricsReport, ids: readonly string[], breakdowns: readonly string[] = []): MetricsReport {
	const metrics: Record<string, number | null> = {};
	const unavailable: Record<string, string> = {};
	for (const id of ids) {
		if (id in report.metrics) metrics[id] = report.metrics[id];
		const reason = Object.entries(report.unavailable).find(([u]) => id === u || id.startsWith(`${u}.`));
		if (reason) unavailable[reason[0]] = reason[1];
	}
	const picked: Record<string, Record<string, unknown>[]> = {};
	for (const id of breakdowns) if (report.breakdowns[id]) picked[id] = report.breakdowns[id];
	return {
		generatedAt: report.generatedAt,
		referenceDate: report.referenceDate,
		filters: report.filters,
		metrics,
		unavailable,
		breakdowns: picked
	};
}
