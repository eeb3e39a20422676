import { quoteIdent, quoteLiteral } from '../../sql/quote';
import type { ColumnStats } from './plan';
import {
	compactDateSql,
	compactParts,
	matches,
	slashParts,
	slashTimestampSql,
	timeOfDaySql,
	timeParts,
	ymdParts,
	ymdTimestampSql
} from './parse-sql';
import {
	AMBIGUOUS_COMMA_RE,
	AMBIGUOUS_DOT_RE,
	BOOLEAN_RE,
	DECIMAL_COMMA_NUMBER_RE,
	INTEGER_RE,
	LEADING_ZERO_RE,
	LONG_INTEGER_RE,
	MONEY_MARK_RE,
	NULL_TOKENS,
	PLAIN_NUMBER_RE,
	THOUSANDS_NUMBER_RE,
	TRIM_CHARS
} from './patterns';

/**
 * The per-row names for column i in the inner SELECTs. Each regex runs only on the cells that
 * can match it (cheap character checks first): most cells fit one family at most.
 */
interface Cell {
	/** Trimmed value; `present` when it is not empty, a missing token or `-`. */
	v: string;
	present: string;
	/** Number matches per style; NULL for missing cells. */
	plain: string;
	thousands: string;
	comma: string;
	/** regexp_extract structs, NULL when the cell cannot match. */
	ymd: string;
	slash: string;
	compact: string;
	time: string;
	integer: string;
	leadingZero: string;
	longInteger: string;
	ambiguousComma: string;
	ambiguousDot: string;
	money: string;
	/** Candidate readings: year-first, day-first and month-first date-times, YYYYMMDD, time of day. */
	ymdTs: string;
	dmyTs: string;
	mdyTs: string;
	compactDate: string;
	timeOfDay: string;
}

const CELL_KEYS: (keyof Cell)[] = [
	'v',
	'present',
	'plain',
	'thousands',
	'comma',
	'ymd',
	'slash',
	'compact',
	'time',
	'integer',
	'leadingZero',
	'longInteger',
	'ambiguousComma',
	'ambiguousDot',
	'money',
	'ymdTs',
	'dmyTs',
	'mdyTs',
	'compactDate',
	'timeOfDay'
];

const cell = (i: number) => Object.fromEntries(CELL_KEYS.map((k, j) => [k, `x${i}_${j}`])) as unknown as Cell;

const TOKENS_SQL = `[${NULL_TOKENS.map(quoteLiteral).join(', ')}]`;
// list_contains, not IN: DuckDB rewrites each `IN (...)` into a join, slow over many columns.
const isToken = (v: string) => `list_contains(${TOKENS_SQL}, ${v})`;
const when = (gate: string, value: string) => `CASE WHEN ${gate} THEN ${value} END`;
const charIn = (v: string, at: number, chars: string) => `${v}[${at}] IN (${[...chars].map(quoteLiteral).join(', ')})`;

/** Level 2: which number styles match, and the regex parts of date-like cells. */
function partsSql(c: Cell): string[] {
	const { v, present } = c;
	return [
		v,
		`(${v} <> '' AND NOT ${isToken(v)} AND ${v} <> '-') AS ${present}`,
		`${when(present, matches(v, PLAIN_NUMBER_RE))} AS ${c.plain}`,
		// Every plain number is also a thousands-style number.
		`CASE WHEN ${c.plain} THEN true WHEN ${present} THEN ${matches(v, THOUSANDS_NUMBER_RE)} END AS ${c.thousands}`,
		`${when(present, matches(v, DECIMAL_COMMA_NUMBER_RE))} AS ${c.comma}`,
		`${when(`${present} AND ${charIn(v, 5, '-/.')}`, ymdParts(v))} AS ${c.ymd}`,
		`${when(`${present} AND (${charIn(v, 2, '-/.')} OR ${charIn(v, 3, '-/.')})`, slashParts(v))} AS ${c.slash}`,
		`${when(`${present} AND length(${v}) = 8`, compactParts(v))} AS ${c.compact}`,
		`${when(`${present} AND (${v}[2] = ':' OR ${v}[3] = ':')`, timeParts(v))} AS ${c.time}`
	];
}

/** Level 3: finer number shapes and the candidate dates, from the level-2 columns. */
function candidatesSql(c: Cell): string[] {
	const numeric = `${c.thousands} OR ${c.comma}`;
	return [
		...CELL_KEYS.slice(0, 9).map((k) => c[k]),
		`${when(c.plain, matches(c.v, INTEGER_RE))} AS ${c.integer}`,
		`${when(numeric, matches(c.v, LEADING_ZERO_RE))} AS ${c.leadingZero}`,
		`${when(c.plain, matches(c.v, LONG_INTEGER_RE))} AS ${c.longInteger}`,
		`${when(c.comma, matches(c.v, AMBIGUOUS_COMMA_RE))} AS ${c.ambiguousComma}`,
		`${when(`${c.plain} AND ${c.comma}`, matches(c.v, AMBIGUOUS_DOT_RE))} AS ${c.ambiguousDot}`,
		`${when(numeric, matches(c.v, MONEY_MARK_RE))} AS ${c.money}`,
		`${ymdTimestampSql(c.ymd)} AS ${c.ymdTs}`,
		`${slashTimestampSql(c.slash, 'dmy')} AS ${c.dmyTs}`,
		`${slashTimestampSql(c.slash, 'mdy')} AS ${c.mdyTs}`,
		`${compactDateSql(c.compact)} AS ${c.compactDate}`,
		`${timeOfDaySql(c.time)} AS ${c.timeOfDay}`
	];
}

// CASE rather than FILTER: each FILTER clause copies the whole input row set, which over
// hundreds of aggregates runs DuckDB out of memory.
const count = (where: string) => `count(${when(where, '1')})`;
const pick = (fn: 'min' | 'max', value: string, where: string) => `${fn}(${when(where, value)})`;

/** Level 4: each statistic and the aggregate that computes it, in output order. */
const METRICS: [Exclude<keyof ColumnStats, 'rows'>, (c: Cell) => string][] = [
	['empty', (c) => count(`${c.v} IS NULL OR ${c.v} = ''`)],
	['nullTokens', (c) => count(isToken(c.v))],
	['dashes', (c) => count(`${c.v} = '-'`)],
	['values', (c) => count(c.present)],
	['minLength', (c) => pick('min', `length(${c.v})`, c.present)],
	['maxLength', (c) => pick('max', `length(${c.v})`, c.present)],
	['integers', (c) => count(c.integer)],
	['leadingZeros', (c) => count(c.leadingZero)],
	['longIntegers', (c) => count(c.longInteger)],
	['plainNumbers', (c) => count(c.plain)],
	['thousandsNumbers', (c) => count(c.thousands)],
	['decimalCommaNumbers', (c) => count(c.comma)],
	['ambiguousCommas', (c) => count(c.ambiguousComma)],
	['ambiguousDots', (c) => count(c.ambiguousDot)],
	['money', (c) => count(c.money)],
	['booleans', (c) => count(when(`length(${c.v}) BETWEEN 4 AND 5`, matches(c.v, BOOLEAN_RE)))],
	['isoDates', (c) => count(`${c.ymd}.hh = '' AND ${c.ymdTs} IS NOT NULL`)],
	['isoTimestamps', (c) => count(`${c.ymd}.hh <> '' AND ${c.ymd}.tz = '' AND ${c.ymdTs} IS NOT NULL`)],
	['zonedTimestamps', (c) => count(`${c.ymd}.tz <> '' AND ${c.ymdTs} IS NOT NULL`)],
	['slashValues', (c) => count(`${c.slash}.yr <> ''`)],
	['slashWithTime', (c) => count(`${c.slash}.hh <> ''`)],
	['slashTwoDigitYears', (c) => count(`length(${c.slash}.yr) = 2`)],
	['slashFirstMax', (c) => `max(TRY_CAST(${c.slash}.p1 AS INTEGER))`],
	['slashSecondMax', (c) => `max(TRY_CAST(${c.slash}.p2 AS INTEGER))`],
	['slashDayFirstValid', (c) => count(`${c.dmyTs} IS NOT NULL`)],
	['slashMonthFirstValid', (c) => count(`${c.mdyTs} IS NOT NULL`)],
	['compactDates', (c) => count(`${c.compactDate} IS NOT NULL`)],
	['times', (c) => count(`${c.timeOfDay} IS NOT NULL`)],
	['sampleNonNumber', (c) => pick('min', c.v, `${c.present} AND NOT (${c.thousands} OR ${c.comma})`)],
	['sampleNonDate', (c) => pick('min', c.v, `${c.present} AND coalesce(${c.slash}.yr, '') = '' AND ${c.ymdTs} IS NULL`)],
	['sampleLeadingZero', (c) => pick('min', c.v, c.leadingZero)]
];

const SAMPLE_KEYS = new Set<string>(['sampleNonNumber', 'sampleNonDate', 'sampleLeadingZero']);
const NULLABLE_KEYS = new Set<string>(['minLength', 'maxLength', 'slashFirstMax', 'slashSecondMax']);

const alias = (i: number, key: string) => quoteIdent(`c${i}_${key}`);

/**
 * One aggregate SELECT over the all-VARCHAR staging table that returns, in a single row,
 * the evidence `decideColumnTypes` needs for every column. The nested SELECTs only derive
 * per-row values (trim, regex parts, candidate dates), so the table is scanned once.
 */
export function columnStatsSql(staging: string, columns: string[]): string {
	if (columns.length === 0) return `SELECT count(*) AS "rows" FROM ${quoteIdent(staging)}`;
	const cells = columns.map((_, i) => cell(i));
	const trimmed = columns.map((name, i) => `trim(${quoteIdent(name)}, ${quoteLiteral(TRIM_CHARS)}) AS ${cells[i].v}`);
	const rows = `SELECT ${trimmed.join(', ')} FROM ${quoteIdent(staging)}`;
	const parts = `SELECT ${cells.flatMap(partsSql).join(', ')} FROM (${rows})`;
	const candidates = `SELECT ${cells.flatMap(candidatesSql).join(', ')} FROM (${parts})`;
	const aggregates = cells.flatMap((c, i) => METRICS.map(([key, sql]) => `${sql(c)} AS ${alias(i, key)}`));
	return `SELECT ${['count(*) AS "rows"', ...aggregates].join(', ')} FROM (${candidates})`;
}

function toCount(value: unknown, what: string): number {
	const n = typeof value === 'bigint' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`invalid statistic ${what}: ${String(value)}`);
	return n;
}

/** The statistics of column `index` from the row `columnStatsSql` returned. */
export function readColumnStats(row: Record<string, unknown>, index: number): ColumnStats {
	const stats: Record<string, number | string | null> = { rows: toCount(row.rows, 'rows') };
	for (const [key] of METRICS) {
		const name = `c${index}_${key}`;
		if (!(name in row)) throw new Error(`missing statistic ${name} in the stats row`);
		const value = row[name];
		if (SAMPLE_KEYS.has(key)) stats[key] = value === null ? null : String(value);
		else if (value === null && NULLABLE_KEYS.has(key)) stats[key] = null;
		else stats[key] = toCount(value, name);
	}
	return stats as unknown as ColumnStats;
}
