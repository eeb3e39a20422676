import { quoteIdent, quoteLiteral } from '../../sql/quote';
import type { ColumnFormat, ColumnPlan, ColumnType } from './plan';
import {
	compactDateSql,
	compactParts,
	matches,
	numberSql,
	slashParts,
	slashTimestampSql,
	timeOfDaySql,
	timeParts,
	ymdParts,
	ymdTimestampSql,
	zoneOffsetMinutesSql
} from './parse-sql';
import { BOOLEAN_RE, DECIMAL_COMMA_NUMBER_RE, INTEGER_RE, PLAIN_NUMBER_RE, THOUSANDS_NUMBER_RE } from './patterns';

export interface CastOptions {
	/**
	 * The data's time zone as a fixed offset from UTC in minutes (+480 for UTC+08:00).
	 * Values carrying their own offset are converted to it; values without one are taken as
	 * already in it.
	 */
	timeZoneOffsetMinutes: number;
}

const MAX_OFFSET_MINUTES = 18 * 60;

/** Evaluate `body(p)` over the struct `parts`, so its regex runs once per cell however often `p` is used. */
function withParts(parts: string, param: string, body: (p: string) => string): string {
	return `list_transform([${parts}], lambda ${param}: ${body(param)})[1]`;
}

function checkOffset(minutes: number): void {
	if (!Number.isInteger(minutes) || Math.abs(minutes) > MAX_OFFSET_MINUTES) {
		throw new Error(`invalid time zone offset: ${minutes} minutes`);
	}
}

/**
 * Year-first values as TIMESTAMP in the data's zone: a value with an offset is moved to UTC
 * and then by the data's offset; a value without one is taken as already in the data's zone.
 */
function ymdSql(column: string, offset: number): string {
	return withParts(ymdParts(column), 'ymd_parts', (p) => {
		const local = ymdTimestampSql(p);
		return `CASE WHEN ${p}.tz = '' THEN ${local} ELSE ${local} - to_minutes(${zoneOffsetMinutesSql(p)}) + to_minutes(${offset}) END`;
	});
}

function temporalSql(plan: ColumnPlan, column: string, offset: number): string {
	if (plan.format === 'ymd-compact') return withParts(compactParts(column), 'compact_parts', compactDateSql);
	if (plan.format === 'time') return withParts(timeParts(column), 'time_parts', timeOfDaySql);
	const ymd = ymdSql(column, offset);
	if (plan.format !== 'dmy' && plan.format !== 'mdy') return ymd;
	const order = plan.format;
	return `coalesce(${ymd}, ${withParts(slashParts(column), 'slash_parts', (p) => slashTimestampSql(p, order))})`;
}

function valueSql(plan: ColumnPlan, column: string, offset: number): string {
	const gated = (re: string, value: string) => `CASE WHEN ${matches(column, re)} THEN ${value} END`;
	switch (plan.format) {
		case 'text':
			return column;
		case 'integer':
			return gated(INTEGER_RE, `TRY_CAST(regexp_extract(${column}, '[+-]?\\d+') AS BIGINT)`);
		case 'decimal':
			return gated(PLAIN_NUMBER_RE, numberSql(column, 'dot'));
		case 'thousands-comma':
		case 'currency':
			return gated(THOUSANDS_NUMBER_RE, numberSql(column, 'dot'));
		case 'decimal-comma':
		case 'currency-decimal-comma':
			return gated(DECIMAL_COMMA_NUMBER_RE, numberSql(column, 'comma'));
		case 'boolean':
			return gated(BOOLEAN_RE, `regexp_matches(${column}, '(?i)true')`);
		default:
			return temporalSql(plan, column, offset);
	}
}

/** The types each format can produce (any format may be kept as VARCHAR): a plan edited by hand must still make sense. */
const FORMAT_TYPES: Record<ColumnFormat, ColumnType[]> = {
	text: ['VARCHAR'],
	integer: ['BIGINT', 'DOUBLE'],
	decimal: ['DOUBLE'],
	'thousands-comma': ['DOUBLE'],
	'decimal-comma': ['DOUBLE'],
	currency: ['DOUBLE'],
	'currency-decimal-comma': ['DOUBLE'],
	boolean: ['BOOLEAN'],
	iso: ['DATE', 'TIMESTAMP'],
	dmy: ['DATE', 'TIMESTAMP'],
	mdy: ['DATE', 'TIMESTAMP'],
	'ymd-compact': ['DATE'],
	time: ['TIME']
};

/**
 * The SQL expression that turns the staging (VARCHAR) column `columnSql` into the plan's type.
 * Missing cells (blank, `N/A`, `-`, ...) become NULL; text columns are returned unchanged.
 * Only plain TIMESTAMP arithmetic is used: no TIMESTAMPTZ, no `%z`, no ICU.
 */
export function castExpression(plan: ColumnPlan, columnSql: string, opts: CastOptions): string {
	checkOffset(opts.timeZoneOffsetMinutes);
	if (plan.type !== 'VARCHAR' && !FORMAT_TYPES[plan.format]?.includes(plan.type)) {
		throw new Error(`invalid plan for column ${plan.name}: format ${plan.format} cannot make ${plan.type}`);
	}
	if (plan.type === 'VARCHAR') return columnSql;
	return `CAST(${valueSql(plan, columnSql, opts.timeZoneOffsetMinutes)} AS ${plan.type})`;
}

/** `CREATE OR REPLACE TABLE target AS SELECT <cast> AS <name>, ... FROM staging`. */
export function createTypedTableSql(target: string, staging: string, plans: ColumnPlan[], opts: CastOptions): string {
	if (plans.length === 0) throw new Error(`no columns to create table ${quoteLiteral(target)} from`);
	const select = plans.map((p) => `${castExpression(p, quoteIdent(p.name), opts)} AS ${quoteIdent(p.name)}`);
	return `CREATE OR REPLACE TABLE ${quoteIdent(target)} AS SELECT ${select.join(', ')} FROM ${quoteIdent(staging)}`;
}
