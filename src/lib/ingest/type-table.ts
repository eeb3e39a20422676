import { quoteIdent } from '../sql/quote';
import type { DuckCore } from '../engine/duck-core';
import { decodeIPC } from '../engine/ipc';
import { tableToRows } from '../engine/plain';
import { columnStatsSql, createTypedTableSql, decideColumnTypes, type ColumnPlan } from './types';

/** The user's answer for a column whose dates could be read either way. */
export type DateOrder = 'dmy' | 'mdy';

export interface TypeOptions {
	/** The data's time zone as a fixed offset: zoned timestamps are converted to it. */
	timeZoneOffsetMinutes: number;
	/** Day/month order confirmed by the user, by column. */
	dateOrders?: Record<string, DateOrder>;
}

/**
 * Create the final table from the all-text staging table, each column typed from all of
 * its values (numbers, dates and flags decided in src/lib/ingest/types).
 */
export async function typeTable(
	core: DuckCore,
	staging: string,
	target: string,
	names: string[],
	id: number,
	options: TypeOptions
): Promise<ColumnPlan[]> {
	const [stats] = tableToRows(decodeIPC(await core.step(columnStatsSql(staging, names), id)));
	const plans = decideColumnTypes(stats, names).map((plan) => {
		const order = options.dateOrders?.[plan.name];
		if (!order || !plan.flags.includes('ambiguous-date')) return plan;
		return {
			...plan,
			format: order,
			flags: plan.flags.filter((f) => f !== 'ambiguous-date'),
			reason: `dates read ${order === 'dmy' ? 'day' : 'month'} first, as confirmed`
		};
	});
	await core.step(createTypedTableSql(target, staging, plans, { timeZoneOffsetMinutes: options.timeZoneOffsetMinutes }), id);
	return plans;
}

export function dropSql(table: string): string {
	return `DROP TABLE IF EXISTS ${quoteIdent(table)}`;
}
