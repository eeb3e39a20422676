import type { TableKind } from '../canonical/schema';
import { baseQuery } from './base';
import { between, count, isoWeek, type DurationUnit } from './sql-parts';
import type { BreakdownDef, MetricContext, MetricDef } from './types';

/** A column to break a metric down by: rows of `<name>` with the metric's values per group. */
export interface Grouping {
	suffix: string;
	name: string;
	/** SQL over alias `t`. */
	expr: (start: string) => string;
	needs?: readonly string[];
}

export const byWeek: Grouping = { suffix: 'by_week', name: 'week', expr: (start) => isoWeek(`t.${start}`) };

export function byColumn(table: TableKind, column: string): Grouping {
	return { suffix: `by_${column}`, name: column, expr: () => `t.${column}`, needs: [`${table}.${column}`] };
}

/** Headline statistics of a duration column `v`: negative values are excluded and counted. */
export function durationStats(v = 'v'): string {
	const ok = `${v} >= 0`;
	return [
		`quantile_cont(${v}, 0.5) FILTER (WHERE ${ok}) AS p50`,
		`quantile_cont(${v}, 0.9) FILTER (WHERE ${ok}) AS p90`,
		`avg(${v}) FILTER (WHERE ${ok}) AS mean`,
		`${count(`${v} < 0`)} AS negative`
	].join(', ');
}

export interface DurationSpec {
	id: string;
	title: string;
	formula: string;
	unit: DurationUnit;
	table: TableKind;
	start: string;
	end: string;
	groupings: readonly Grouping[];
}

/** The durations `end − start` of the filtered rows having both, as `v`, with the groupings' columns. */
function durations(ctx: MetricContext, spec: DurationSpec, groups: readonly Grouping[]): string {
	const base = baseQuery(ctx, spec.table, { where: [`t.${spec.start} IS NOT NULL`, `t.${spec.end} IS NOT NULL`] });
	const cols = groups.map((g) => `${g.expr(spec.start)} AS ${g.name}, `).join('');
	return `SELECT ${cols}${between(`t.${spec.start}`, `t.${spec.end}`, spec.unit)} AS v FROM (${base}) t`;
}

function breakdown(spec: DurationSpec, g: Grouping): BreakdownDef {
	return {
		id: `${spec.id}.${g.suffix}`,
		title: `${spec.title} by ${g.name}`,
		needs: g.needs,
		sql: (ctx) =>
			`SELECT ${g.name}, ${count('v >= 0')} AS n, ${durationStats()} FROM (${durations(ctx, spec, [g])}) d GROUP BY ${g.name} ORDER BY ${g.name} NULLS LAST`
	};
}

/** A process time: p50, p90 and mean over non-negative durations, and the count of negative ones. */
export function durationMetric(spec: DurationSpec): MetricDef {
	return {
		id: spec.id,
		family: 'process',
		title: spec.title,
		unit: spec.unit,
		formula: spec.formula,
		needs: [`${spec.table}.${spec.start}`, `${spec.table}.${spec.end}`],
		filtered: [spec.table],
		stats: ['p50', 'p90', 'mean', 'negative'],
		statUnits: { negative: 'count' },
		sql: (ctx) => `SELECT ${durationStats()} FROM (${durations(ctx, spec, [])}) d`,
		breakdowns: spec.groupings.map((g) => breakdown(spec, g))
	};
}
