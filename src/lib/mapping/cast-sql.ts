import type { CanonicalType } from '../canonical/schema';
import { quoteLiteral, sqlValue } from '../sql/quote';
import { TIMESTAMP_FORMATS } from './timestamp-format';
import { isNumericType, isTemporalType, SCORE_WORDS } from './value-hints';

export interface CastOptions {
	/** strptime format of a VARCHAR timestamp column; ISO text and the known formats are tried without one. */
	format?: string;
	/** The data's time zone as minutes from UTC (time-zone.ts). */
	offsetMinutes: number;
	/** Read satisfaction words (Good, Bad, 满意, …) as scores. */
	scoreWords?: boolean;
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', '是', '已转化'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', '否', '未转化'];

const list = (values: string[]) => values.map(quoteLiteral).join(', ');

/** A time of day followed by a zone; group 1 keeps the time, group 2 is the zone. RE2 syntax. */
const ZONED = '(\\d:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*((?i:Z|UTC|GMT)|[+-]\\d{2}(?::?\\d{2})?)$';

/**
 * VARCHAR → TIMESTAMP in the data's zone. Text without a zone is wall time in that zone and is
 * kept; text with one (`Z`, `+0800`) is moved to UTC and then by the data's fixed offset.
 * Plain string arithmetic on TIMESTAMP: no TIMESTAMPTZ, which would need ICU.
 */
function textToTimestamp(x: string, options: CastOptions): string {
	const t = `trim(${x})`;
	const parse = (text: string) =>
		options.format
			? `try_strptime(${text}, ${quoteLiteral(options.format)})`
			: `coalesce(TRY_CAST(${text} AS TIMESTAMP), try_strptime(${text}, [${list([...TIMESTAMP_FORMATS])}]))`;
	const zone = `regexp_extract(${t}, ${quoteLiteral(ZONED)}, 2)`;
	const digits = `regexp_replace(${zone}, '[^0-9]', '', 'g')`;
	const zoneMinutes =
		`(CASE WHEN starts_with(${zone}, '-') THEN -1 ELSE 1 END * ` +
		`(coalesce(TRY_CAST(substr(${digits}, 1, 2) AS INTEGER), 0) * 60 + coalesce(TRY_CAST(substr(${digits}, 3, 2) AS INTEGER), 0)))`;
	const shift = `to_minutes(CAST(${sqlValue(options.offsetMinutes)} - ${zoneMinutes} AS BIGINT))`;
	const wall = `regexp_replace(${t}, ${quoteLiteral(ZONED)}, '\\1')`;
	// Most columns carry no zone: one regex test per value, then a plain cast.
	return `CASE WHEN regexp_matches(${t}, ${quoteLiteral(ZONED)}) THEN ${parse(wall)} + ${shift} ELSE ${parse(t)} END`;
}

function textToDouble(x: string, options: CastOptions): string {
	const number = `coalesce(TRY_CAST(${x} AS DOUBLE), TRY_CAST(regexp_replace(${x}, '[\\s,$€£¥￥]', '', 'g') AS DOUBLE))`;
	if (!options.scoreWords) return number;
	const words = Object.entries(SCORE_WORDS)
		.map(([w, n]) => `WHEN ${quoteLiteral(w)} THEN ${n}`)
		.join(' ');
	return `coalesce(${number}, CASE lower(trim(${x})) ${words} END)`;
}

/**
 * SQL casting a source column (already quoted) of DuckDB type `sourceType` to a canonical type.
 * Never fails on a bad value: it becomes NULL.
 */
export function castSql(x: string, sourceType: string, target: CanonicalType, options: CastOptions): string {
	const type = sourceType.toUpperCase();
	if (/WITH TIME ZONE|TIMESTAMPTZ/.test(type)) {
		throw new Error(
			`column ${x} is ${sourceType}: the loader must read it as TIMESTAMP (TIMESTAMPTZ needs ICU, which the engine does not have)`
		);
	}
	const numeric = isNumericType(type);
	const temporal = isTemporalType(type);
	switch (target) {
		case 'VARCHAR':
			if (type === 'VARCHAR') return x;
			// An id read as DOUBLE (17850.0) is the integer's text, as it was written.
			if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(type))
				return `CASE WHEN ${x} = trunc(${x}) THEN CAST(TRY_CAST(${x} AS BIGINT) AS VARCHAR) ELSE CAST(${x} AS VARCHAR) END`;
			return `CAST(${x} AS VARCHAR)`;
		case 'DOUBLE':
			if (numeric || type === 'BOOLEAN') return `CAST(${x} AS DOUBLE)`;
			if (temporal) return 'CAST(NULL AS DOUBLE)';
			return textToDouble(type === 'VARCHAR' ? x : `CAST(${x} AS VARCHAR)`, options);
		case 'BIGINT':
			if (numeric || type === 'BOOLEAN') return `TRY_CAST(${x} AS BIGINT)`;
			if (temporal) return 'CAST(NULL AS BIGINT)';
			return `TRY_CAST(TRY_CAST(${x} AS DOUBLE) AS BIGINT)`;
		case 'BOOLEAN':
			if (type === 'BOOLEAN') return x;
			if (numeric) return `(${x} <> 0)`;
			if (temporal) return 'CAST(NULL AS BOOLEAN)';
			return `(CASE WHEN lower(trim(${x})) IN (${list(TRUE_WORDS)}) THEN TRUE WHEN lower(trim(${x})) IN (${list(FALSE_WORDS)}) THEN FALSE END)`;
		case 'TIMESTAMP':
			if (temporal) return `CAST(${x} AS TIMESTAMP)`;
			if (numeric) return 'CAST(NULL AS TIMESTAMP)';
			return textToTimestamp(type === 'VARCHAR' ? x : `CAST(${x} AS VARCHAR)`, options);
	}
}
