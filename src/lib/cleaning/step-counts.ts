import type { TableKind } from '../canonical/schema';
import { quoteLiteral } from '../sql/quote';
import { stepChain } from './clean-sql';
import { planSteps } from './clean-steps';
import type { CleaningConfig, StepCounts } from './types';

const rowCount = (relation: string) => `CAST((SELECT count(*) FROM ${relation}) AS DOUBLE)`;

/**
 * One query over crm.<kind> giving, per enabled step in order, the rows before and after it and
 * the cells it changed (NULL for the row steps): columns kind, step, position, rows_before,
 * rows_after, values_changed. No rows when no step is on.
 */
export function stepCountsSql(kind: TableKind, columns: readonly string[], config: CleaningConfig): string {
	const steps = planSteps(kind, columns, config[kind]);
	if (!steps.length) {
		return 'SELECT CAST(NULL AS VARCHAR) AS kind, CAST(NULL AS VARCHAR) AS step, 0 AS position, CAST(NULL AS DOUBLE) AS rows_before, CAST(NULL AS DOUBLE) AS rows_after, CAST(NULL AS DOUBLE) AS values_changed WHERE FALSE';
	}
	const { with: ctes, relations } = stepChain(kind, steps);
	const selects = steps.map((s, i) => {
		const [before, after] = [relations[i], relations[i + 1]];
		const changed = s.changed ? `CAST(${s.changed(before, after)} AS DOUBLE)` : 'CAST(NULL AS DOUBLE)';
		return `SELECT ${quoteLiteral(kind)} AS kind, ${quoteLiteral(s.step)} AS step, ${i + 1} AS position, ${rowCount(before)} AS rows_before, ${rowCount(after)} AS rows_after, ${changed} AS values_changed`;
	});
	return `${ctes}\nSELECT * FROM (\n${selects.join('\nUNION ALL\n')}\n) AS counts ORDER BY position`;
}

/** A row of stepCountsSql as StepCounts. */
export function toStepCounts(row: Record<string, unknown>): StepCounts {
	const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));
	return {
		kind: row.kind as TableKind,
		step: row.step as StepCounts['step'],
		rowsBefore: num(row.rows_before),
		rowsAfter: num(row.rows_after),
		valuesChanged: row.values_changed === null || row.values_changed === undefined ? null : num(row.values_changed)
	};
}
