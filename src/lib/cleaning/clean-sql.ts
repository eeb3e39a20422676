import { CANONICAL_SCHEMA, CLEAN_SCHEMA, type TableKind } from '../canonical/schema';
import { cleanPassThroughSql, viewName } from '../mapping/canonical-sql';
import { quoteIdent } from '../sql/quote';
import { planSteps, ROW, type PlannedStep } from './clean-steps';
import type { CleaningConfig } from './types';

/** A chain of CTEs: `base` (crm.<kind> numbered in file order), then one relation per step. */
export interface StepChain {
	/** `WITH base AS (…), step1 AS (…), …` */
	with: string;
	/** `base`, then the relation after each step. */
	relations: string[];
}

export function stepChain(kind: TableKind, steps: readonly PlannedStep[]): StepChain {
	const relations = ['base', ...steps.map((_, i) => `step${i + 1}`)];
	const ctes = [
		`base AS (SELECT *, row_number() OVER () AS ${quoteIdent(ROW)} FROM ${viewName(CANONICAL_SCHEMA, kind)})`,
		...steps.map((s, i) => `${relations[i + 1]} AS (${s.select(relations[i])})`)
	];
	return { with: `WITH ${ctes.join(',\n')}`, relations };
}

/**
 * `CREATE OR REPLACE VIEW clean.<kind>` over `crm.<kind>` with the table's enabled steps, one CTE
 * each in STEP_ORDER. The view has the columns of crm.<kind>, in its order and with its types.
 * With no step on (or none that applies to these columns) it is the plain pass-through.
 * `columns` are the canonical columns crm.<kind> has.
 */
export function cleanViewSql(kind: TableKind, columns: readonly string[], config: CleaningConfig): string {
	const steps = planSteps(kind, columns, config[kind]);
	if (!steps.length) return cleanPassThroughSql(kind);
	const chain = stepChain(kind, steps);
	const last = chain.relations[chain.relations.length - 1];
	return `CREATE OR REPLACE VIEW ${viewName(CLEAN_SCHEMA, kind)} AS\n${chain.with}\nSELECT * EXCLUDE (${quoteIdent(ROW)}) FROM ${last}`;
}
