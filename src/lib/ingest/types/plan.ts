/** The DuckDB types a loaded column can get. */
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | 'TIME';

/**
 * How the values are written, which decides how they are parsed:
 * - `text`: kept exactly as in the file.
 * - `integer`: `42`, `-7`, `+3`.
 * - `decimal`: dot decimal, `1.5`, `.5`, `1e5`.
 * - `thousands-comma`: dot decimal with groups `1,234.56`, `1'234`, `1 234.5`.
 * - `decimal-comma`: comma decimal, groups by dot or space: `5,5`, `1.234,56`, `1 234,56`, `1,53e4`.
 * - `currency`: like `thousands-comma`, with `$ € £ ¥` and `-$5.00` / `($5.00)` negatives.
 * - `currency-decimal-comma`: like `decimal-comma`, with currency symbols: `1.234,56 €`.
 * - `boolean`: `true` / `false`, any case.
 * - `iso`: year first, `2024-01-31`, `2024/1/31`, with optional time and zone.
 * - `dmy` / `mdy`: day or month first (`3/1/19`, `03.01.2019 8:26 PM`); year-first values
 *   in the same column are read as `iso`.
 * - `ymd-compact`: `20240131`.
 * - `time`: `08:30`, `8:30:15 PM`.
 */
export type ColumnFormat =
	| 'text'
	| 'integer'
	| 'decimal'
	| 'thousands-comma'
	| 'decimal-comma'
	| 'currency'
	| 'currency-decimal-comma'
	| 'boolean'
	| 'iso'
	| 'dmy'
	| 'mdy'
	| 'ymd-compact'
	| 'time';

/**
 * Things the user may want to confirm:
 * - `ambiguous-date`: no day or month above 12 anywhere, month-first was assumed.
 * - `ambiguous-number`: `1,234` read as thousands (could be a decimal comma), or `1.234` read
 *   as a decimal (could be thousands), because no value tells the two apart.
 * - `leading-zeros`: numbers like `01234` kept as text.
 * - `null-tokens`: cells such as `N/A`, `unknown` or `-` read as missing (count in `nullTokens`).
 * - `zoned`: values carried a UTC offset and were converted to the data's time zone.
 * - `two-digit-year`: years like `19` were read as 2019 (00–69 → 20xx, 70–99 → 19xx).
 */
export type ColumnFlag = 'ambiguous-date' | 'ambiguous-number' | 'leading-zeros' | 'null-tokens' | 'zoned' | 'two-digit-year';

/** What the caller knows about a column beyond its values. */
export type ColumnHint = 'date' | 'text';

/** The decision for one column: its type, how its values are written, and why. */
export interface ColumnPlan {
	name: string;
	type: ColumnType;
	format: ColumnFormat;
	flags: ColumnFlag[];
	/** Cells holding a missing-value token that become NULL (0 for text columns, which keep them). */
	nullTokens: number;
	/** One short sentence for the UI. */
	reason: string;
}

/** The evidence about one column, from one scan of the staging table (see `columnStatsSql`). */
export interface ColumnStats {
	rows: number;
	/** NULL, empty or whitespace-only. */
	empty: number;
	/** `NULL`, `N/A`, `unknown`, ... (see NULL_TOKENS). */
	nullTokens: number;
	/** `-` alone: missing in a numeric or date column, text otherwise. */
	dashes: number;
	/** Everything else: the values the type must fit. */
	values: number;
	minLength: number | null;
	maxLength: number | null;
	integers: number;
	leadingZeros: number;
	longIntegers: number;
	/** Dot decimals without grouping, integers included; currency marks allowed in all three. */
	plainNumbers: number;
	thousandsNumbers: number;
	decimalCommaNumbers: number;
	/** `1,234`: thousands or a decimal comma. */
	ambiguousCommas: number;
	/** `1.234`: a decimal dot or thousands. */
	ambiguousDots: number;
	/** Numbers with a currency symbol or in parentheses. */
	money: number;
	booleans: number;
	/** Valid year-first dates without a time. */
	isoDates: number;
	isoTimestamps: number;
	zonedTimestamps: number;
	/** Values shaped like `D/M/Y` (valid or not). */
	slashValues: number;
	slashWithTime: number;
	slashTwoDigitYears: number;
	slashFirstMax: number | null;
	slashSecondMax: number | null;
	slashDayFirstValid: number;
	slashMonthFirstValid: number;
	compactDates: number;
	times: number;
	/** The smallest value that is no number in any style, if any. */
	sampleNonNumber: string | null;
	/** The smallest value that is no valid year-first date nor shaped like `D/M/Y`, if any. */
	sampleNonDate: string | null;
	sampleLeadingZero: string | null;
}
