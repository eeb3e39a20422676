import type { MetricsReport } from '$lib/metrics';

/** Why the first of these ids (metric or breakdown) has no value in the report, or null when all are available. */
export function unavailableFor(report: MetricsReport | null, ...ids: string[]): string | null {
	if (!report) return null;
	for (const id of ids) {
		const base = Object.keys(report.unavailable).find((u) => id === u || id.startsWith(`${u}.`));
		if (base) return report.unavailable[base];
	}
	return null;
}
