import { quoteIdent } from '../sql/quote';
import type { DuckCore } from '../engine/duck-core';
import { decodeIPC } from '../engine/ipc';
import { tableToRows } from '../engine/plain';
import { castExpression, columnStatsSql, decideColumnTypes, readColumnStats, type ColumnPlan } from './types';

/** The user's answer for a column whose dates could be read either way. */
export type DateOrder = 'dmy' | 'mdy';

export interface TypeOptions {
	/** The data's time zone as a fixed offset: zoned timestamps are converted to it. */
	timeZoneOffsetMinutes: number;
	/** Day/month order confirmed by the user, by column. */
	dateOrders?: Record<string, DateOrder>;
}

/** Rows of the file read to choose each column's type before the whole file is read. */
export const SAMPLE_ROWS = 20_000;

async function rows(core: DuckCore, sql: string, id: number): Promise<Record<string, unknown>[]> {
	return tableToRows(decodeIPC(await core.step(sql, id)));
}

export interface SamplePlan {
	plan: ColumnPlan;
	/** The sample held values for this column (an empty sample decides nothing). */
	seen: boolean;
}

/** Decide candidate types from the all-text sample table. */
export async function planFromSample(core: DuckCore, sample: string, names: string[], id: number): Promise<SamplePlan[]> {
	const [stats] = await rows(core, columnStatsSql(sample, names), id);
	const plans = decideColumnTypes(stats, names);
	return plans.map((plan, i) => ({ plan, seen: readColumnStats(stats, i).values > 0 }));
}

/**
 * The type DuckDB's CSV reader can parse a column as directly, from its sample plan, or
 * VARCHAR when the values need our own parsing (currency, decimal commas, day/month dates,
 * zones, missing-value tokens) or when the sample decided nothing.
 */
export function readType({ plan, seen }: SamplePlan): string {
	if (!seen || plan.nullTokens > 0 || plan.flags.includes('leading-zeros')) return 'VARCHAR';
	if (plan.type === 'BIGINT' && plan.format === 'integer') return 'BIGINT';
	if (plan.type === 'DOUBLE' && plan.format === 'decimal') return 'DOUBLE';
	if (plan.type === 'BOOLEAN') return 'BOOLEAN';
	if ((plan.type === 'TIMESTAMP' || plan.type === 'DATE') && plan.format === 'iso' && !plan.flags.includes('zoned')) return plan.type;
	return 'VARCHAR';
}

function confirmOrder(plan: ColumnPlan, options: TypeOptions): ColumnPlan {
	const order = options.dateOrders?.[plan.name];
	if (!order || !plan.flags.includes('ambiguous-date')) return plan;
	return {
		...plan,
		format: order,
		flags: plan.flags.filter((f) => f !== 'ambiguous-date'),
		reason: `dates read ${order === 'dmy' ? 'day' : 'month'} first, as confirmed`
	};
}

/**
 * Create `target` from the staging table the CSV reader filled. Columns it parsed natively
 * keep their type; the others are typed here from ALL their values (so a day/month order
 * or a currency format is never decided from the first rows alone) and cast.
 */
export async function finishTyping(
	core: DuckCore,
	staging: string,
	target: string,
	names: string[],
	sample: SamplePlan[],
	readTypes: string[],
	id: number,
	options: TypeOptions
): Promise<ColumnPlan[]> {
	const pending = names.filter((_, i) => readTypes[i] === 'VARCHAR' && (sample[i].plan.type !== 'VARCHAR' || !sample[i].seen));
	const decided = new Map<string, ColumnPlan>();
	if (pending.length) {
		const [stats] = await rows(core, columnStatsSql(staging, pending), id);
		decideColumnTypes(stats, pending).forEach((plan) => decided.set(plan.name, confirmOrder(plan, options)));
	}
	const plans = names.map((name, i) => decided.get(name) ?? sample[i].plan);
	const select = names.map((name) => {
		const plan = decided.get(name);
		return plan && plan.type !== 'VARCHAR' ? `${castExpression(plan, quoteIdent(name), options)} AS ${quoteIdent(name)}` : quoteIdent(name);
	});
	if (select.every((s, i) => s === quoteIdent(names[i]))) {
		await core.step(`DROP TABLE IF EXISTS ${quoteIdent(target)}`, id);
		await core.step(`ALTER TABLE ${quoteIdent(staging)} RENAME TO ${quoteIdent(target)}`, id);
	} else {
		await core.step(`CREATE OR REPLACE TABLE ${quoteIdent(target)} AS SELECT ${select.join(', ')} FROM ${quoteIdent(staging)}`, id);
	}
	return plans;
}
