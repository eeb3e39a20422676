import { quoteLiteral } from '../../sql/quote';
import {
	COMPACT_PARTS,
	COMMA_STYLE_GROUPING_RE,
	COMPACT_RE,
	DOT_STYLE_GROUPING_RE,
	NEGATIVE_RE,
	NUMBER_BODY_RE,
	SLASH_PARTS,
	SLASH_RE,
	TIME_PARTS,
	TIME_RE,
	YMD_PARTS,
	YMD_RE
} from './patterns';

/**
 * SQL expressions that parse one VARCHAR value. The statistics count how many values each
 * of them accepts and the cast uses the very same expressions, so a column is typed only
 * when its cast is known to keep every value. Each yields NULL for a value it cannot read.
 */

export type SlashOrder = 'dmy' | 'mdy';

export function matches(value: string, re: string): string {
	return `regexp_matches(${value}, ${quoteLiteral(re)})`;
}

function extract(value: string, re: string, parts: string[]): string {
	return `regexp_extract(${value}, ${quoteLiteral(re)}, [${parts.map(quoteLiteral).join(', ')}])`;
}

export const ymdParts = (value: string) => extract(value, YMD_RE, YMD_PARTS);
export const slashParts = (value: string) => extract(value, SLASH_RE, SLASH_PARTS);
export const compactParts = (value: string) => extract(value, COMPACT_RE, COMPACT_PARTS);
export const timeParts = (value: string) => extract(value, TIME_RE, TIME_PARTS);

/** 24-hour clock hour from `hh` and an optional AM/PM; NULL for 0 or 13+ with AM/PM. */
function hourSql(p: string): string {
	const h = `TRY_CAST(${p}.hh AS INTEGER)`;
	return (
		`CASE WHEN ${p}.ap = '' THEN ${p}.hh ` +
		`WHEN ${h} BETWEEN 1 AND 12 THEN CAST(${h} % 12 + CASE WHEN upper(${p}.ap) = 'PM' THEN 12 ELSE 0 END AS VARCHAR) END`
	);
}

/** `H:MM:SS[.ffffff]` from struct `p` with fields hh, mi, ss, fr, ap; midnight when hh is empty. */
function clockSql(p: string): string {
	const seconds = `CASE WHEN ${p}.ss = '' THEN '00' ELSE ${p}.ss END || left(${p}.fr, 7)`;
	return `CASE WHEN ${p}.hh = '' THEN '0:00:00' ELSE ${hourSql(p)} || ':' || ${p}.mi || ':' || ${seconds} END`;
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999. */
function yearSql(yr: string): string {
	return `CASE WHEN length(${yr}) = 2 THEN CASE WHEN ${yr} < '70' THEN '20' ELSE '19' END || ${yr} ELSE ${yr} END`;
}

function timestampSql(yr: string, mo: string, dy: string, p: string): string {
	return `TRY_CAST(${yr} || '-' || ${mo} || '-' || ${dy} || ' ' || ${clockSql(p)} AS TIMESTAMP)`;
}

/** Local date-time of a year-first value held in struct `p` (from `ymdParts`); the zone is ignored. */
export function ymdTimestampSql(p: string): string {
	return `CASE WHEN ${p}.yr <> '' THEN ${timestampSql(`${p}.yr`, `${p}.mo`, `${p}.dy`, p)} END`;
}

/** Date-time of a day/month-first value held in struct `p` (from `slashParts`). */
export function slashTimestampSql(p: string, order: SlashOrder): string {
	const [mo, dy] = order === 'dmy' ? [`${p}.p2`, `${p}.p1`] : [`${p}.p1`, `${p}.p2`];
	return `CASE WHEN ${p}.yr <> '' THEN ${timestampSql(yearSql(`${p}.yr`), mo, dy, p)} END`;
}

/** YYYYMMDD held in struct `p` (from `compactParts`), for years 1900–2099 only. */
export function compactDateSql(p: string): string {
	return `CASE WHEN ${p}.yr BETWEEN '1900' AND '2099' THEN TRY_CAST(${p}.yr || '-' || ${p}.mo || '-' || ${p}.dy AS DATE) END`;
}

/** Time of day held in struct `p` (from `timeParts`). */
export function timeOfDaySql(p: string): string {
	return `CASE WHEN ${p}.hh <> '' THEN TRY_CAST(${clockSql(p)} AS TIME) END`;
}

/** The UTC offset in minutes of the zone suffix in struct `p` (`Z`, `+08:00`, `+0800`, `-05`). */
export function zoneOffsetMinutesSql(p: string): string {
	const digits = `replace(${p}.tz, ':', '')`;
	const sign = `CASE WHEN left(${p}.tz, 1) = '-' THEN -1 ELSE 1 END`;
	const minutes = `CAST(substr(${digits}, 2, 2) AS INTEGER) * 60 + CASE WHEN length(${digits}) = 5 THEN CAST(substr(${digits}, 4, 2) AS INTEGER) ELSE 0 END`;
	return `CASE WHEN ${p}.tz IN ('Z', 'z', 'UTC', 'GMT') THEN 0 ELSE ${sign} * (${minutes}) END`;
}

export type NumberStyle = 'dot' | 'comma';

/**
 * A number written with grouping, currency symbols or accounting parentheses, as DOUBLE.
 * `dot`: the dot is the decimal mark and `, ' space` group; `comma`: the comma is the decimal mark.
 */
export function numberSql(value: string, style: NumberStyle): string {
	const body = `regexp_extract(${value}, ${quoteLiteral(NUMBER_BODY_RE)})`;
	const digits =
		style === 'dot'
			? `regexp_replace(${body}, ${quoteLiteral(DOT_STYLE_GROUPING_RE)}, '', 'g')`
			: `replace(regexp_replace(${body}, ${quoteLiteral(COMMA_STYLE_GROUPING_RE)}, '', 'g'), ',', '.')`;
	const magnitude = `TRY_CAST(${digits} AS DOUBLE)`;
	return `CASE WHEN ${matches(value, NEGATIVE_RE)} THEN 0 - ${magnitude} ELSE ${magnitude} END`;
}
