import type { MetricsReport } from '../metrics/types';

export interface SeriesPoint {
	/** The period's first day, `YYYY-MM-DD`. */
	period: string;
	value: number | null;
}

export interface Series {
	grain: 'week' | 'day';
	/** The breakdown it was read from, e.g. `process.order_processing_hours.by_week`. */
	breakdown: string;
	column: string;
	points: SeriesPoint[];
}

const GRAINS = [
	{ grain: 'week', suffix: 'by_week', days: 7 },
	{ grain: 'day', suffix: 'by_day', days: 1 }
] as const;

function lastSegment(id: string): string {
	return id.slice(id.lastIndexOf('.') + 1);
}

/**
 * A metric's values period by period, read from its `by_week` (else `by_day`) breakdown:
 * `value.csat_pct` is the `csat_pct` column of `value.csat_pct.by_week`, and a statistic such
 * as `process.order_processing_hours.p90` the `p90` column of its metric's breakdown.
 * null when the report has no such breakdown.
 */
export function metricSeries(report: MetricsReport, fullId: string): Series | null {
	const parent = fullId.includes('.') ? fullId.slice(0, fullId.lastIndexOf('.')) : fullId;
	const column = lastSegment(fullId);
	for (const base of [fullId, parent]) {
		for (const { grain, suffix } of GRAINS) {
			const breakdown = `${base}.${suffix}`;
			const rows = report.breakdowns[breakdown];
			if (!rows?.length || !(column in rows[0]) || !(grain in rows[0])) continue;
			const points = rows
				.filter((r) => typeof r[grain] === 'string')
				.map((r) => ({ period: (r[grain] as string).slice(0, 10), value: typeof r[column] === 'number' ? (r[column] as number) : null }))
				.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
			return { grain, breakdown, column, points };
		}
	}
	return null;
}

/** The first instant after a period, as epoch ms (periods are days in the data's clock, read as UTC). */
export function periodEnd(series: Pick<Series, 'grain'>, period: string): number {
	const days = GRAINS.find((g) => g.grain === series.grain)!.days;
	return Date.parse(`${period}T00:00:00Z`) + days * 86_400_000;
}

/**
 * The points of periods that had ended by the reference date: the week or day the reference
 * date falls in is still filling up, and would look like a drop.
 */
export function completePoints(series: Series, referenceDate: string | null): SeriesPoint[] {
	if (!referenceDate) return series.points;
	const ref = Date.parse(`${referenceDate.slice(0, 10)}T${referenceDate.slice(11, 19) || '00:00:00'}Z`);
	return series.points.filter((p) => periodEnd(series, p.period) <= ref);
}
