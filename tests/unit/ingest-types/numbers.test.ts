import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../../src/lib/engine/node-engine';
import { createTypedTableSql, type ColumnPlan } from '../../../src/lib/ingest/types';
import { columnTypes, planOf, stage, startEngine, typeTable, values } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
	engine = await startEngine();
});
afterAll(() => engine.close());

describe('numeric columns typed from all values', () => {
	it('keeps zip codes and phone numbers with leading zeros as text, unchanged', async () => {
		const cols = await stage(engine, 's_zip', {
			zip: ['01234', '90210', '00501', null],
			phone: ['0612345678', '0798765432', ' ', '0612345678'],
			grouped: ['020 794 609', '1 234', '5', '6']
		});
		const plans = await typeTable(engine, 's_zip', 't_zip', cols);
		expect(await columnTypes(engine, 't_zip')).toEqual({ zip: 'VARCHAR', phone: 'VARCHAR', grouped: 'VARCHAR' });
		expect(planOf(plans, 'zip').flags).toEqual(['leading-zeros']);
		expect(planOf(plans, 'zip').reason).toContain('00501');
		// A thousands group never starts with 0, so 020 794 609 is no number at all.
		expect(await values(engine, 't_zip', 'grouped')).toEqual(['020 794 609', '1 234', '5', '6']);
		expect(await values(engine, 't_zip', 'zip')).toEqual(['01234', '90210', '00501', null]);
		// Text stays exactly as in the file, the whitespace-only cell included.
		expect(await values(engine, 't_zip', 'phone')).toEqual(['0612345678', '0798765432', ' ', '0612345678']);
	});

	it('reads blank, whitespace and missing-value tokens in a numeric column as NULL', async () => {
		const cols = await stage(engine, 's_qty', {
			qty: ['12', ' ', 'NULL', 'N/A', 'unknown', '-', '', null, '\t7 ', 'None', '#N/A', 'n/a']
		});
		const [plan] = await typeTable(engine, 's_qty', 't_qty', cols);
		expect(plan.type).toBe('BIGINT');
		// Tokens: NULL, N/A, unknown, None, #N/A, n/a = 6, plus one '-' = 7.
		expect(plan.nullTokens).toBe(7);
		expect(plan.flags).toEqual(['null-tokens']);
		expect(await values(engine, 't_qty', 'qty')).toEqual([12, null, null, null, null, null, null, null, 7, null, null, null]);
	});

	it('reads currency amounts with symbols, spaces and accounting negatives', async () => {
		const cols = await stage(engine, 's_money', {
			amount: ['$84,835.00 ', '-$5.00', '($5.00)', '€1,000', ' £3.5', '¥200', '$0.99', '1,234.5 $']
		});
		const [plan] = await typeTable(engine, 's_money', 't_money', cols);
		expect(plan).toMatchObject({ type: 'DOUBLE', format: 'currency', flags: [] });
		expect(await values(engine, 't_money', 'amount')).toEqual([84835, -5, -5, 1000, 3.5, 200, 0.99, 1234.5]);
	});

	it('reads thousands separators with a decimal dot', async () => {
		const cols = await stage(engine, 's_thou', { n: ['100,000.00', '1,234,567', '12.5', '999', "1'000"] });
		const [plan] = await typeTable(engine, 's_thou', 't_thou', cols);
		// 1,234,567 has two groups, so it cannot be a decimal comma: no ambiguity.
		expect(plan).toMatchObject({ type: 'DOUBLE', format: 'thousands-comma', flags: [] });
		expect(await values(engine, 't_thou', 'n')).toEqual([100000, 1234567, 12.5, 999, 1000]);
	});

	it('reads decimal commas, with dot or space thousands and exponents', async () => {
		const cols = await stage(engine, 's_dc', { n: ['5,5', '1.234,56', '1 234,56', '1,53e4', '-0,25', '7', '€ 2,50'] });
		const [plan] = await typeTable(engine, 's_dc', 't_dc', cols);
		expect(plan).toMatchObject({ type: 'DOUBLE', format: 'currency-decimal-comma' });
		// 1,53e4 = 1.53 × 10⁴ = 15300.
		expect(await values(engine, 't_dc', 'n')).toEqual([5.5, 1234.56, 1234.56, 15300, -0.25, 7, 2.5]);
	});

	it('reads 5,5 with 5.555 as a decimal comma with a thousands dot; 5,5 with 5.55 stays text', async () => {
		// `5,5` can only be a decimal comma; in that notation `5.555` is five thousand five hundred fifty-five.
		// `5.55` is not a thousands group, so no single notation reads both: text.
		const cols = await stage(engine, 's_mix', { a: ['5,5', '5.555', '10'], b: ['5,5', '5.55', '10'] });
		const plans = await typeTable(engine, 's_mix', 't_mix', cols);
		expect(planOf(plans, 'a')).toMatchObject({ type: 'DOUBLE', format: 'decimal-comma' });
		expect(await values(engine, 't_mix', 'a')).toEqual([5.5, 5555, 10]);
		expect(planOf(plans, 'b')).toMatchObject({ type: 'VARCHAR', reason: 'numbers written with both a decimal dot and a decimal comma' });
		expect(await values(engine, 't_mix', 'b')).toEqual(['5,5', '5.55', '10']);
	});

	it('reads 1,234-only columns as thousands and flags the ambiguity', async () => {
		const cols = await stage(engine, 's_amb', { n: ['1,234', ' 5,678 ', '12'] });
		const [plan] = await typeTable(engine, 's_amb', 't_amb', cols);
		expect(plan).toMatchObject({ type: 'DOUBLE', format: 'thousands-comma', flags: ['ambiguous-number'] });
		expect(await values(engine, 't_amb', 'n')).toEqual([1234, 5678, 12]);
	});

	it('reads 1.234-only columns as decimals and flags the ambiguity; 0,125 is a decimal comma', async () => {
		const cols = await stage(engine, 's_dot', { dot: ['1.234', '5.678', '12'], zero: ['0,125', '0,5', '3'] });
		const plans = await typeTable(engine, 's_dot', 't_dot', cols);
		expect(planOf(plans, 'dot')).toMatchObject({ type: 'DOUBLE', format: 'decimal', flags: ['ambiguous-number'] });
		expect(await values(engine, 't_dot', 'dot')).toEqual([1.234, 5.678, 12]);
		// A group never starts with 0, so 0,125 cannot be thousands: no ambiguity.
		expect(planOf(plans, 'zero')).toMatchObject({ type: 'DOUBLE', format: 'decimal-comma', flags: [] });
		expect(await values(engine, 't_dot', 'zero')).toEqual([0.125, 0.5, 3]);
	});

	it('reads plain decimals and keeps integers BIGINT', async () => {
		const cols = await stage(engine, 's_dec', { d: ['1.5', '.5', '-2', '1e3', '+4.25'], i: ['1', '-2', '+3', '0', '42'] });
		const plans = await typeTable(engine, 's_dec', 't_dec', cols);
		expect(await columnTypes(engine, 't_dec')).toEqual({ d: 'DOUBLE', i: 'BIGINT' });
		expect(planOf(plans, 'd').format).toBe('decimal');
		expect(await values(engine, 't_dec', 'd')).toEqual([1.5, 0.5, -2, 1000, 4.25]);
		expect(await values(engine, 't_dec', 'i')).toEqual([1, -2, 3, 0, 42]);
	});

	it('keeps a column with one non-number as text and names the value', async () => {
		const cols = await stage(engine, 's_abc', { n: ['1', '2', 'abc', '4'] });
		const [plan] = await typeTable(engine, 's_abc', 't_abc', cols);
		expect(plan.type).toBe('VARCHAR');
		expect(plan.reason).toBe("1 value is not a number (e.g. 'abc')");
		expect(await values(engine, 't_abc', 'n')).toEqual(['1', '2', 'abc', '4']);
	});

	it('keeps integers of 16 or more digits as text (identifiers, beyond BIGINT)', async () => {
		const cols = await stage(engine, 's_big', {
			huge: ['12345678901234567890', '1'],
			id16: ['1234567890123456', '2'],
			id15: ['123456789012345', '3']
		});
		await typeTable(engine, 's_big', 't_big', cols);
		expect(await columnTypes(engine, 't_big')).toEqual({ huge: 'VARCHAR', id16: 'VARCHAR', id15: 'BIGINT' });
		expect(await values(engine, 't_big', 'huge')).toEqual(['12345678901234567890', '1']);
		expect(await values(engine, 't_big', 'id15')).toEqual([123456789012345, 3]);
	});

	it('reads true/false in any case as BOOLEAN', async () => {
		const cols = await stage(engine, 's_bool', { b: ['true', 'FALSE', ' True ', null, 'N/A'], t: ['true', 'yes', 'false', 'no', null] });
		const plans = await typeTable(engine, 's_bool', 't_bool', cols);
		expect(await columnTypes(engine, 't_bool')).toEqual({ b: 'BOOLEAN', t: 'VARCHAR' });
		expect(planOf(plans, 'b').nullTokens).toBe(1);
		expect(await values(engine, 't_bool', 'b')).toEqual([true, false, true, null, null]);
	});

	it('keeps an empty column VARCHAR and a text column with tokens exactly as it was', async () => {
		const cols = await stage(engine, 's_empty', { e: [null, ' ', ''], name: ['  Alice ', 'N/A', '-'] });
		const plans = await typeTable(engine, 's_empty', 't_empty', cols);
		expect(await columnTypes(engine, 't_empty')).toEqual({ e: 'VARCHAR', name: 'VARCHAR' });
		expect(planOf(plans, 'e')).toMatchObject({ reason: 'no values', nullTokens: 0, flags: [] });
		expect(planOf(plans, 'name')).toMatchObject({ nullTokens: 0, flags: [] });
		expect(await values(engine, 't_empty', 'e')).toEqual([null, ' ', '']);
		expect(await values(engine, 't_empty', 'name')).toEqual(['  Alice ', 'N/A', '-']);
	});

	it('turns cells that do not fit a hand-edited plan into NULL, never into a wrong number', async () => {
		const cols = await stage(engine, 's_forced', { n: ['abc123', '12.5', '1,5'] });
		const plan: ColumnPlan = { name: 'n', type: 'DOUBLE', format: 'decimal', flags: [], nullTokens: 0, reason: 'set by the user' };
		await engine.rows(createTypedTableSql('t_forced', 's_forced', [plan], { timeZoneOffsetMinutes: 0 }));
		expect(await values(engine, 't_forced', 'n')).toEqual([null, 12.5, null]);
		expect(cols).toEqual(['n']);
	});

	it('ignores full-width and no-break spaces around numbers', async () => {
		const cols = await stage(engine, 's_ws', { n: ['\u3000 42\u3000', '\u00a07\u00a0', '\u3000'] });
		const [plan] = await typeTable(engine, 's_ws', 't_ws', cols);
		expect(plan.type).toBe('BIGINT');
		expect(await values(engine, 't_ws', 'n')).toEqual([42, 7, null]);
	});

	it('quotes every name: odd column and table names survive the round trip', async () => {
		const cols = await stage(engine, 'stage "odd"', { 'amount ($)': ['$1.50', '2'], 'a"b': ['x', 'y'] });
		await typeTable(engine, 'stage "odd"', 'typed "odd"', cols);
		expect(await columnTypes(engine, 'typed "odd"')).toEqual({ 'amount ($)': 'DOUBLE', 'a"b': 'VARCHAR' });
		expect(await values(engine, 'typed "odd"', 'amount ($)')).toEqual([1.5, 2]);
	});
});
