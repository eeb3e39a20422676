import { CLEAN_SCHEMA, TABLE_KINDS, type TableKind } from '../canonical/schema';
import type { Engine } from '../engine/engine';
import { quoteIdent } from '../sql/quote';
import { cleanViewSql } from './clean-sql';
import { planSteps } from './clean-steps';
import { stepCountsSql, toStepCounts } from './step-counts';
import type { CleaningConfig, StepCounts } from './types';

export { parseCleaningConfig } from './parse-config';

/** Which canonical views exist and the canonical columns each has (the mapping or the metrics catalog). */
export interface CleaningCatalog {
	tables: Partial<Record<TableKind, readonly string[]>>;
}

export interface ApplyOptions {
	/** Also count rows and cells per step (default true). */
	counts?: boolean;
	signal?: AbortSignal;
}

/**
 * (Re)create `clean.<kind>` for every canonical view in the catalog: the cleaned view where a
 * step is on, the pass-through otherwise (so switching steps off restores it). Returns the
 * before/after counts of every enabled step, table by table in TABLE_KINDS order.
 */
export async function applyCleaning(
	engine: Engine,
	catalog: CleaningCatalog,
	config: CleaningConfig,
	options: ApplyOptions = {}
): Promise<StepCounts[]> {
	const signal = options.signal;
	await engine.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(CLEAN_SCHEMA)}`, { signal });
	const counts: StepCounts[] = [];
	for (const kind of TABLE_KINDS) {
		const columns = catalog.tables[kind];
		if (!columns) continue;
		await engine.query(cleanViewSql(kind, columns, config), { signal });
		if (options.counts === false || !planSteps(kind, columns, config[kind]).length) continue;
		const rows = await engine.rows(stepCountsSql(kind, columns, config), { signal });
		counts.push(...rows.map(toStepCounts));
	}
	return counts;
}
