import { describe, expect, it } from 'vitest';
import {
	castExpression,
	columnStatsSql,
	createTypedTableSql,
	decideColumnType,
	decideColumnTypes,
	headerSuggestsDate,
	readColumnStats,
	type ColumnPlan,
	type ColumnStats
} from '../../../src/lib/ingest/types';

/** Statistics of a column of `values` cells, all zero unless given. */
function stats(values: number, over: Partial<ColumnStats> = {}): ColumnStats {
	return {
		rows: values,
		empty: 0,
		nullTokens: 0,
		dashes: 0,
		values,
		minLength: null,
		maxLength: null,
		integers: 0,
		leadingZeros: 0,
		longIntegers: 0,
		plainNumbers: 0,
		thousandsNumbers: 0,
		decimalCommaNumbers: 0,
		ambiguousCommas: 0,
		ambiguousDots: 0,
		money: 0,
		booleans: 0,
		isoDates: 0,
		isoTimestamps: 0,
		zonedTimestamps: 0,
		slashValues: 0,
		slashWithTime: 0,
		slashTwoDigitYears: 0,
		slashFirstMax: null,
		slashSecondMax: null,
		slashDayFirstValid: 0,
		slashMonthFirstValid: 0,
		compactDates: 0,
		times: 0,
		sampleNonNumber: null,
		sampleNonDate: null,
		sampleLeadingZero: null,
		...over
	};
}

describe('decideColumnType', () => {
	const slash = (first: number, second: number) =>
		stats(10, { slashValues: 10, slashFirstMax: first, slashSecondMax: second, slashDayFirstValid: 10, slashMonthFirstValid: 10 });

	it.each([
		{ first: 31, second: 12, type: 'DATE', format: 'dmy', flags: [] },
		{ first: 12, second: 31, type: 'DATE', format: 'mdy', flags: [] },
		{ first: 12, second: 12, type: 'DATE', format: 'mdy', flags: ['ambiguous-date'] },
		{ first: 13, second: 13, type: 'VARCHAR', format: 'text', flags: [] }
	])('slash dates with first parts up to $first and second up to $second: $type $format', ({ first, second, type, format, flags }) => {
		expect(decideColumnType('d', slash(first, second))).toMatchObject({ type, format, flags });
	});

	it('needs every slash value valid in the chosen order', () => {
		const s = stats(10, { slashValues: 10, slashFirstMax: 31, slashSecondMax: 2, slashDayFirstValid: 9, slashMonthFirstValid: 0 });
		expect(decideColumnType('d', s)).toMatchObject({ type: 'VARCHAR', reason: '1 value is not a valid day/month/year date' });
	});

	it('counts missing tokens and dashes as NULLs of a typed column, never of a text column', () => {
		const numeric = stats(5, { nullTokens: 2, dashes: 1, integers: 5, plainNumbers: 5, thousandsNumbers: 5, decimalCommaNumbers: 5 });
		expect(decideColumnType('n', numeric)).toMatchObject({ type: 'BIGINT', nullTokens: 3, flags: ['null-tokens'] });
		expect(decideColumnType('n', stats(5, { nullTokens: 2, dashes: 1 }))).toMatchObject({ type: 'VARCHAR', nullTokens: 0, flags: [] });
	});

	it('keeps a column text when hinted, and lets a hint make YYYYMMDD a date', () => {
		const ints = stats(3, { integers: 3, plainNumbers: 3, thousandsNumbers: 3, decimalCommaNumbers: 3, compactDates: 3 });
		expect(decideColumnType('code', ints).type).toBe('BIGINT');
		expect(decideColumnType('code', ints, 'date')).toMatchObject({ type: 'DATE', format: 'ymd-compact' });
		expect(decideColumnType('created_at', ints, 'text')).toMatchObject({ type: 'VARCHAR', reason: 'kept as text on request' });
	});

	it('reads every column of a stats row, in order', () => {
		const row: Record<string, unknown> = { rows: 2 };
		for (const [key, value] of Object.entries(stats(2, { booleans: 2 }))) if (key !== 'rows') row[`c0_${key}`] = value;
		for (const [key, value] of Object.entries(stats(2))) if (key !== 'rows') row[`c1_${key}`] = value;
		const plans = decideColumnTypes(row, ['flag', 'note']);
		expect(plans.map((p: ColumnPlan) => [p.name, p.type])).toEqual([
			['flag', 'BOOLEAN'],
			['note', 'VARCHAR']
		]);
		expect(readColumnStats(row, 0).booleans).toBe(2);
		expect(() => readColumnStats(row, 2)).toThrow('missing statistic c2_empty in the stats row');
	});
});

describe('headerSuggestsDate', () => {
	it.each([
		['order_date', true],
		['Birthday', true],
		['created_at', true],
		['createdAt', true],
		['dt', true],
		['event ts', true],
		['下单日期', true],
		['创建时间', true],
		['amount', false],
		['zip', false],
		['customer_id', false],
		['format', false],
		['status', false]
	])('%s → %s', (header, expected) => {
		expect(headerSuggestsDate(header)).toBe(expected);
	});
});

describe('generated SQL', () => {
	const plan: ColumnPlan = { name: 'ts', type: 'TIMESTAMP', format: 'iso', flags: ['zoned'], nullTokens: 0, reason: '' };

	it('scans the staging table once and quotes every name', () => {
		const sql = columnStatsSql('my "stage"', ['a"b', 'c']);
		expect(sql.split('"my ""stage"""').length - 1).toBe(1);
		expect(sql).toContain('"a""b"');
		expect(sql.startsWith('SELECT count(*) AS "rows"')).toBe(true);
	});

	it('never produces TIMESTAMPTZ, %z or strptime', () => {
		expect(castExpression(plan, '"ts"', { timeZoneOffsetMinutes: 480 })).not.toMatch(/TIMESTAMPTZ|WITH TIME ZONE|strptime|%z/i);
	});

	it('leaves text columns untouched', () => {
		const text: ColumnPlan = { ...plan, type: 'VARCHAR', format: 'text', flags: [] };
		expect(castExpression(text, '"name"', { timeZoneOffsetMinutes: 0 })).toBe('"name"');
	});

	it('rejects offsets beyond ±18 hours or not whole minutes, and tables without columns', () => {
		expect(() => castExpression(plan, '"ts"', { timeZoneOffsetMinutes: 1100 })).toThrow('invalid time zone offset: 1100 minutes');
		expect(() => castExpression(plan, '"ts"', { timeZoneOffsetMinutes: 30.5 })).toThrow('invalid time zone offset: 30.5 minutes');
		expect(() => createTypedTableSql('t', 's', [], { timeZoneOffsetMinutes: 0 })).toThrow("no columns to create table 't' from");
	});

	it('rejects a hand-edited plan whose format cannot make its type', () => {
		const bad: ColumnPlan = { ...plan, type: 'BIGINT', format: 'iso' };
		expect(() => castExpression(bad, '"ts"', { timeZoneOffsetMinutes: 0 })).toThrow(
			'invalid plan for column ts: format iso cannot make BIGINT'
		);
		expect(castExpression({ ...plan, type: 'VARCHAR' }, '"ts"', { timeZoneOffsetMinutes: 0 })).toBe('"ts"');
	});
});
