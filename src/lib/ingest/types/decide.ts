import { headerSuggestsDate } from './header-hints';
import type { ColumnFlag, ColumnHint, ColumnPlan, ColumnStats } from './plan';
import { readColumnStats } from './stats-sql';

type Decision = Omit<ColumnPlan, 'name' | 'nullTokens'>;

const text = (reason: string, flags: ColumnFlag[] = []): Decision => ({ type: 'VARCHAR', format: 'text', flags, reason });

function shown(value: string | null): string {
	if (value === null) return '';
	return ` (e.g. '${value.length > 40 ? `${value.slice(0, 40)}…` : value}')`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function numberDecision(s: ColumnStats): Decision | null {
	const n = s.values;
	const plain = s.plainNumbers === n;
	const thousands = s.thousandsNumbers === n;
	const comma = s.decimalCommaNumbers === n;
	if (!plain && !thousands && !comma) return null;
	if (s.longIntegers > 0) return text(`${plural(s.longIntegers, 'value has', 'values have')} 16+ digits: kept as text (identifiers)`);
	if (s.leadingZeros > 0) {
		return text(`${plural(s.leadingZeros, 'value has', 'values have')} leading zeros${shown(s.sampleLeadingZero)}: kept as text`, [
			'leading-zeros'
		]);
	}
	if (s.integers === n) return { type: 'BIGINT', format: 'integer', flags: [], reason: 'whole numbers' };
	const money = s.money > 0;
	// When a decimal-comma reading fits too, every dot or comma value looks like `1.234` / `1,234`:
	// the dot-decimal reading is the common one, and the user is asked to confirm.
	if (plain || thousands) {
		const what = money ? 'currency amounts' : plain ? 'decimal numbers' : 'numbers with thousands separators';
		const format = money ? 'currency' : plain ? 'decimal' : 'thousands-comma';
		const unsure = comma && (plain ? s.ambiguousDots : s.ambiguousCommas) > 0;
		if (!unsure) return { type: 'DOUBLE', format, flags: [], reason: what };
		const read = plain ? '1.234 read as a decimal dot, not a thousands group' : '1,234 read as a thousands group, not a decimal comma';
		return { type: 'DOUBLE', format, flags: ['ambiguous-number'], reason: `${what}; ${read}: confirm` };
	}
	return {
		type: 'DOUBLE',
		format: money ? 'currency-decimal-comma' : 'decimal-comma',
		flags: [],
		reason: money ? 'currency amounts with a decimal comma' : 'numbers with a decimal comma'
	};
}

function temporalDecision(s: ColumnStats): Decision | null {
	const n = s.values;
	const ymd = s.isoDates + s.isoTimestamps + s.zonedTimestamps;
	if (ymd + s.slashValues !== n) return null;
	const flags: ColumnFlag[] = [];
	let reason = 'year-first dates';
	let format: Decision['format'] = 'iso';
	if (s.slashValues > 0) {
		const firstOver = (s.slashFirstMax ?? 0) > 12;
		const secondOver = (s.slashSecondMax ?? 0) > 12;
		if (firstOver && secondOver) {
			return text(`dates with first parts up to ${s.slashFirstMax} and second parts up to ${s.slashSecondMax}: no day/month order fits`);
		}
		format = firstOver ? 'dmy' : 'mdy';
		const valid = format === 'dmy' ? s.slashDayFirstValid : s.slashMonthFirstValid;
		const order = format === 'dmy' ? 'day/month/year' : 'month/day/year';
		if (valid !== s.slashValues) return text(`${plural(s.slashValues - valid, 'value is', 'values are')} not a valid ${order} date`);
		if (firstOver) reason = `day first: a first part reaches ${s.slashFirstMax}`;
		else if (secondOver) reason = `month first: a second part reaches ${s.slashSecondMax}`;
		else {
			reason = 'month first assumed: no part above 12, confirm';
			flags.push('ambiguous-date');
		}
		if (s.slashTwoDigitYears > 0) flags.push('two-digit-year');
	}
	if (s.zonedTimestamps > 0) {
		flags.push('zoned');
		reason += `; ${plural(s.zonedTimestamps, 'value')} with a UTC offset`;
	}
	const timed = s.isoTimestamps + s.zonedTimestamps + s.slashWithTime > 0;
	return { type: timed ? 'TIMESTAMP' : 'DATE', format, flags, reason };
}

/** Why a column that is none of the typed kinds stays text. */
function textReason(s: ColumnStats): Decision {
	const n = s.values;
	const numbers = Math.max(s.plainNumbers, s.thousandsNumbers, s.decimalCommaNumbers);
	const dates = s.isoDates + s.isoTimestamps + s.zonedTimestamps + s.slashValues;
	if (numbers === 0 && dates === 0) return text('text values');
	if (numbers >= dates && s.sampleNonNumber === null) return text('numbers written with both a decimal dot and a decimal comma');
	if (numbers >= dates) return text(`${plural(n - numbers, 'value is', 'values are')} not a number${shown(s.sampleNonNumber)}`);
	return text(`${plural(n - dates, 'value is', 'values are')} not a date${shown(s.sampleNonDate)}`);
}

/** The type of one column from its statistics; pure. */
export function decideColumnType(name: string, s: ColumnStats, hint?: ColumnHint): ColumnPlan {
	const missing = s.nullTokens + s.dashes;
	const plan = (d: Decision): ColumnPlan => {
		const nullTokens = d.type === 'VARCHAR' ? 0 : missing;
		const flags: ColumnFlag[] = nullTokens > 0 ? [...d.flags, 'null-tokens'] : d.flags;
		return { name, ...d, flags, nullTokens };
	};
	if (hint === 'text') return plan(text('kept as text on request'));
	if (s.values === 0) return plan(text('no values'));
	const n = s.values;
	if (s.booleans === n) return plan({ type: 'BOOLEAN', format: 'boolean', flags: [], reason: 'true/false values' });
	const dateHeader = hint === 'date' || headerSuggestsDate(name);
	if (dateHeader && s.compactDates === n) {
		return plan({ type: 'DATE', format: 'ymd-compact', flags: [], reason: 'YYYYMMDD dates under a date header' });
	}
	const decided = numberDecision(s) ?? temporalDecision(s);
	if (decided) return plan(decided);
	if (s.times === n) return plan({ type: 'TIME', format: 'time', flags: [], reason: 'times of day' });
	return plan(textReason(s));
}

/**
 * Decide every column's type from the row `columnStatsSql(staging, columns)` returned.
 * `headerHints` overrides what a column's header suggests: `date` lets `YYYYMMDD` values
 * become dates, `text` keeps a column as text.
 */
export function decideColumnTypes(
	stats: Record<string, unknown>,
	columns: string[],
	headerHints: Record<string, ColumnHint> = {}
): ColumnPlan[] {
	return columns.map((name, i) =>
		decideColumnType(name, readColumnStats(stats, i), Object.hasOwn(headerHints, name) ? headerHints[name] : undefined)
	);
}
