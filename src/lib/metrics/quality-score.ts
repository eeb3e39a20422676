import type { Catalog } from './catalog';
import { checkableForeignKeys, applicableRules, conflictsSql, invalidSql, orphansSql } from './quality-checks';
import { completenessSql, duplicateKeysPctSql, duplicateRowsSql, freshnessSql } from './quality-sql';
import type { QualityTarget } from './quality-targets';
import { div } from './sql-parts';

/**
 * `quality.score` (0–100) = weighted mean of the components below, each 0–100. A component
 * that cannot be measured for a table (no rules, no timestamps, …) is left out and the other
 * weights are scaled up; an empty table has no score.
 *
 * | component    | weight | 100 means                                  | measured as                                    |
 * |--------------|--------|--------------------------------------------|------------------------------------------------|
 * | completeness | 0.30   | no missing cells                           | 100 − mean missing_pct over the columns        |
 * | uniqueness   | 0.25   | no duplicates                              | 100 − duplicate_keys_pct (no key: duplicate rows %) |
 * | validity     | 0.20   | no invalid rows                            | 100 − 100 × invalid / rows                     |
 * | consistency  | 0.15   | no orphans or conflicting keys             | 100 − 100 × (orphans + conflicts) / rows       |
 * | timeliness   | 0.10   | newest timestamp at most a day old         | 100 × (1 − (freshness_days − 1) / 30), 0 after 31 days |
 */
export const SCORE_WEIGHTS = { completeness: 0.3, uniqueness: 0.25, validity: 0.2, consistency: 0.15, timeliness: 0.1 } as const;

export type ScoreComponent = keyof typeof SCORE_WEIGHTS;

/** Each measurable component of the table as a scalar SQL expression (may be NULL, unclamped). */
export function scoreComponents(
	catalog: Catalog,
	t: QualityTarget,
	key: readonly string[] | null,
	now: string
): Partial<Record<ScoreComponent, string>> {
	const rows = `(SELECT count(*) FROM ${t.from})`;
	const c: Partial<Record<ScoreComponent, string>> = {};
	if (t.columns.length) c.completeness = `(${completenessSql(t)})`;
	c.uniqueness = key ? `100 - (${duplicateKeysPctSql(t, key)})` : `100 - ${div(`100 * (${duplicateRowsSql(t)})`, rows)}`;
	if (t.kind) {
		if (applicableRules(catalog, t.kind).length) c.validity = `100 - ${div(`100 * (${invalidSql(catalog, t.kind)})`, rows)}`;
		const parts: string[] = [];
		if (checkableForeignKeys(catalog, t.kind).length) parts.push(`(${orphansSql(catalog, t.kind)})`);
		if (key) parts.push(`(${conflictsSql({ ...t, key })})`);
		if (parts.length) c.consistency = `100 - ${div(`100 * (${parts.join(' + ')})`, rows)}`;
	}
	if (t.timestamps.length) c.timeliness = `100 * (1 - ((${freshnessSql(t, now)}) - 1) / 30)`;
	return c;
}

export function scoreSql(catalog: Catalog, t: QualityTarget, key: readonly string[] | null, now: string): string {
	const components = scoreComponents(catalog, t, key, now);
	const rows = (Object.keys(SCORE_WEIGHTS) as ScoreComponent[])
		.filter((name) => components[name] !== undefined)
		.map((name) => `SELECT ${SCORE_WEIGHTS[name]} AS w, ${components[name]} AS c`);
	// The score exists only for a table with rows; every component is clamped to 0–100.
	return `SELECT CASE WHEN (SELECT count(*) FROM ${t.from}) = 0 THEN NULL ELSE sum(w * least(greatest(c, 0), 100)) / sum(w) END AS value FROM (${rows.join(' UNION ALL ')}) s WHERE c IS NOT NULL`;
}
