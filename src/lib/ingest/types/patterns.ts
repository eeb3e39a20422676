/**
 * The value patterns a column's type is decided from, as RE2 regular expressions (DuckDB's
 * regex engine). Every pattern allows surrounding whitespace, so parsing ignores it while
 * text columns keep their values exactly as in the file.
 */

/** Cells read as missing in a numeric or date column ('-' is counted apart: see ColumnStats). */
export const NULL_TOKENS = ['NULL', 'null', 'N/A', 'n/a', 'NA', '#N/A', 'unknown', 'Unknown', 'none', 'None', 'NaN', 'nan'];

/** The characters trimmed before a cell is compared with the missing-value tokens. */
export const TRIM_CHARS = ' \t\n\r\u00a0\u202f\u3000\ufeff';

const WS = String.raw`[\s\x{A0}\x{202F}\x{3000}\x{FEFF}]*`;
const SYM = '[$€£¥￥]';
const PRE = String.raw`(?:[+-]\s*${SYM}?|${SYM}\s*[+-]?)?\s*`;
const POST = String.raw`(?:\s*${SYM})?`;
const EXP = String.raw`(?:[eE][+-]?\d+)?`;

/** A number core wrapped in an optional sign, currency symbol and accounting parentheses. */
function numberRe(core: string): string {
	const body = `${PRE}(?:${core})${POST}`;
	return String.raw`^${WS}(?:\(\s*${body}\s*\)|${body})${WS}$`;
}

const PLAIN_CORE = String.raw`\d+(?:\.\d*)?${EXP}|\.\d+${EXP}`;
/** The first group of a grouped number: `0,125` is a decimal, never a group. */
const HEAD = String.raw`[1-9]\d{0,2}`;
/** Dot decimal; groups of three split by comma, apostrophe or (no-break) space: 1,234.5 / 1'234 / 1 234. */
const THOUSANDS_CORE = String.raw`${HEAD}(?:[,' \x{A0}\x{202F}]\d{3})+(?:\.\d+)?|${PLAIN_CORE}`;
/** Comma decimal; groups of three split by dot or (no-break) space: 5,5 / 1.234,56 / 1 234,56 / 1,53e4. */
const DECIMAL_COMMA_CORE = String.raw`(?:${HEAD}(?:[. \x{A0}\x{202F}]\d{3})+|\d+)(?:,\d+)?${EXP}`;

export const PLAIN_NUMBER_RE = numberRe(PLAIN_CORE);
export const THOUSANDS_NUMBER_RE = numberRe(THOUSANDS_CORE);
export const DECIMAL_COMMA_NUMBER_RE = numberRe(DECIMAL_COMMA_CORE);
/** `1,234`: a thousands group or a decimal comma with three decimals. */
export const AMBIGUOUS_COMMA_RE = numberRe(String.raw`${HEAD},\d{3}`);
/** `1.234`: a decimal dot with three decimals or a thousands group. */
export const AMBIGUOUS_DOT_RE = numberRe(String.raw`${HEAD}\.\d{3}`);
export const MONEY_MARK_RE = String.raw`${SYM}|^${WS}\(`;

export const INTEGER_RE = String.raw`^${WS}[+-]?\d+${WS}$`;
/** `007`, `01234`, `020 794 609`: a zero before another digit is part of a code, not a number. */
export const LEADING_ZERO_RE = String.raw`^${WS}[+-]?0\d`;
/** 16+ digits: beyond what a DOUBLE holds exactly, and in practice an identifier. */
export const LONG_INTEGER_RE = String.raw`^${WS}[+-]?\d{16,}${WS}$`;
/** Where the digits of a number start, through its last digit or exponent. */
export const NUMBER_BODY_RE = String.raw`[\d.][\d.,' \x{A0}\x{202F}]*${EXP}`;
export const DOT_STYLE_GROUPING_RE = String.raw`[,' \x{A0}\x{202F}]`;
export const COMMA_STYLE_GROUPING_RE = String.raw`[. \x{A0}\x{202F}]`;
/** A minus before the first digit, or accounting parentheses. */
export const NEGATIVE_RE = String.raw`^${WS}\(|^[^\d.]*-`;

export const BOOLEAN_RE = String.raw`^${WS}(?i:true|false)${WS}$`;

const TIME_PART = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp][Mm]))?`;
const DATE_TIME_SEP = String.raw`(?:T|,?\s+)`;
const ZONE = String.raw`(?:\s*([Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?`;

/** Year first: 2024-01-31, 2024/1/31, 2024.01.31, with optional time and zone. */
export const YMD_RE = String.raw`^${WS}(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:${DATE_TIME_SEP}${TIME_PART}${ZONE})?${WS}$`;
export const YMD_PARTS = ['yr', 'mo', 'dy', 'hh', 'mi', 'ss', 'fr', 'ap', 'tz'];

/** Day or month first: 3/1/19, 03-01-2019, 03.01.2019, with optional time and AM/PM. */
export const SLASH_RE = String.raw`^${WS}(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:${DATE_TIME_SEP}${TIME_PART})?${WS}$`;
export const SLASH_PARTS = ['p1', 'p2', 'yr', 'hh', 'mi', 'ss', 'fr', 'ap'];

export const COMPACT_RE = String.raw`^${WS}(\d{4})(\d{2})(\d{2})${WS}$`;
export const COMPACT_PARTS = ['yr', 'mo', 'dy'];

export const TIME_RE = String.raw`^${WS}${TIME_PART}${WS}$`;
export const TIME_PARTS = ['hh', 'mi', 'ss', 'fr', 'ap'];
