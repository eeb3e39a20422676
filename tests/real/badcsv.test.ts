import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { sharedDir } from '../helpers/shared';

/**
 * Every file of the bad-CSV corpus ends in one of three outcomes, decided by reading the
 * file: loaded correctly, loaded with its unreadable lines reported (physical line
 * numbers), or refused with a message. None may hang, crash the engine or disturb a
 * table already loaded.
 */
type Outcome =
	| { kind: 'loaded'; rows: number; columns: string[] }
	| { kind: 'rejected'; rows: number; lines: number[] }
	| { kind: 'refused'; message: RegExp };
const loaded = (rows: number, columns: string[]): Outcome => ({ kind: 'loaded', rows, columns });
const rejected = (rows: number, lines: number[]): Outcome => ({ kind: 'rejected', rows, lines });
const refused = (message: RegExp): Outcome => ({ kind: 'refused', message });

const DUCKDB: Record<string, Outcome> = {
	'duckdb/auto/backslash_escape.csv': loaded(3, ['column1', 'column2', 'column3']),
	'duckdb/auto/duplicate_header_columns.csv': loaded(2, [
		'a',
		'a_2',
		'a_3',
		'a_4',
		'a_5',
		'a_6',
		'a_7',
		'a_8',
		'a_9',
		'a_10',
		'a_11',
		'a_12',
		'column13'
	]),
	'duckdb/auto/empty_header.csv': loaded(2, ['column1', 'column2', 'column3']),
	'duckdb/auto/issue_1254_rn.csv': loaded(2, ['a', 'b']),
	'duckdb/auto/missing_header_col.csv': loaded(2, ['a', 'column2', 'c']),
	'duckdb/auto/missing_many_col.csv': loaded(2, [
		'a',
		'column2',
		'column3',
		'column4',
		'column5',
		'column6',
		'column7',
		'column8',
		'column9',
		'column10',
		'column11',
		'column12',
		'column13'
	]),
	'duckdb/auto/multi_column_string_mix_r_n.csv': loaded(9, ['column1', 'column2', 'column3', 'column4']),
	'duckdb/auto/multi_column_string_r.csv': loaded(9, ['column1', 'column2', 'column3', 'column4']),
	'duckdb/auto/no_header.csv': loaded(2, ['column1', 'column2', 'column3']),
	'duckdb/auto/pipe_delim_quote.csv': loaded(3, ['column1', 'column2', 'column3']),
	'duckdb/auto/semicolon_quote.csv': loaded(3, ['column1', 'column2', 'column3']),
	'duckdb/auto/skip_row.csv': loaded(1, ['number', 'text', 'date']),
	'duckdb/auto/tab.csv': loaded(3, ['column1', 'column2', 'column3']),
	'duckdb/auto/time_date_timestamp_dd-mm-yyyy.csv': loaded(3, ['a', 'b', 't', 'd', 'ts']),
	'duckdb/auto/time_date_timestamp_mm-dd-yyyy.csv': loaded(3, ['a', 'b', 't', 'd', 'ts']),
	'duckdb/auto/utf8bom.csv': loaded(2, ['id', 'name']),
	'duckdb/auto/varchar_multi_line.csv': loaded(1, ['Alice', 'StreetA', 'TEST5']),
	'duckdb/bad_date_timestamp_mix.csv': loaded(1, ['date', 'eventID', 'subplotID', 'ts', 't2_2']),
	'duckdb/blank_line.csv': loaded(11, ['col']),
	'duckdb/comma_decimal_null.csv': loaded(8, [
		'COD_LOCALE_PROGETTO',
		'CUP',
		'COD_OB_TEMATICO',
		'OC_COD_SUBARTICOLAZ_PROGRAMMA',
		'OC_MACROAREA',
		'OC_COD_SLL',
		'FINANZ_UE',
		'FINANZ_UE_FSE',
		'FINANZ_STATO_FSC',
		'OC_FINANZ_STATO_PAC_NETTO',
		'IMPEGNI',
		'OC_IMPEGNI_GIURID_VINCOLANTI',
		'OC_IMPEGNI_COESIONE',
		'TOT_PAGAMENTI',
		'OC_TOT_PAGAMENTI_BENEFICIARI',
		'OC_TOT_PAGAMENTI_TRASFERIMENTI',
		'COSTO_REALIZZATO',
		'COSTO_RENDICONTABILE_UE',
		'OC_TOT_PAGAMENTI_RENDICONTAB_UE',
		'OC_TOT_PAGAMENTI_FSC',
		'OC_TOT_PAGAMENTI_PAC',
		'OC_PAGAMENTI_COESIONE',
		'OC_DATA_INIZIO_PROGETTO',
		'OC_DATA_FINE_PROGETTO_PREVISTA',
		'OC_DATA_FINE_PROGETTO_EFFETTIVA',
		'DATA_INIZIO_PREV_STUDIO_FATT',
		'PROGRAMMATO_INDICATORE_1',
		'REALIZZATO_INDICATORE_1'
	]),
	'duckdb/comments/mid_line_quote.csv': rejected(1, [3]),
	'duckdb/csv_quoted_newline_odd.csv': rejected(1, [3]),
	'duckdb/decimal_separators/decimal_separators.csv': loaded(5, ['commas', 'periods']),
	'duckdb/double_quoted_header.csv': loaded(2, ['foo "bar', 'name']),
	'duckdb/empty.csv': refused(/^the file is empty \(0 bytes\)/),
	'duckdb/empty_first_line.csv': loaded(2, ['a 1']),
	'duckdb/empty_space_start_value.csv': loaded(4, ['Year', 'Score', 'Title']),
	'duckdb/encodings/all_latin1.csv': loaded(189, ['!']),
	'duckdb/encodings/latin1.csv': loaded(12, ['name', 'age']),
	'duckdb/encodings/shift_jis.csv': loaded(20, ['名前', '年齢']),
	'duckdb/encodings/utf16.csv': loaded(20, ['name', 'age']),
	'duckdb/evil_nullpadding.csv': refused(/^no row could be read: line 2: Expected Number of Columns: \d+ Found: \d+/),
	'duckdb/extra_delimiters.csv': rejected(3, [4]),
	'duckdb/header_left_space.csv': loaded(3, ['bla']),
	'duckdb/header_only.csv': loaded(0, ['abs_file_name']),
	'duckdb/inconsistencies/inconsistent_columns_3.csv': refused(/^no row could be read: line 2: Expected Number of Columns: \d+ Found: \d+/),
	'duckdb/inconsistencies/line_with_spaces.csv': loaded(4, ['a', 'b', 'c', 'd']),
	'duckdb/invalid_utf8.csv': loaded(2, ['bla']),
	'duckdb/locations_header_trailing_comma.csv': loaded(1, ['id', 'name', 'lat', 'lon']),
	'duckdb/locations_row_trailing_comma.csv': refused(/^no row could be read: line 2: Expected Number of Columns: \d+ Found: \d+/),
	'duckdb/missing_column.csv': rejected(19, [7, 10, 17]),
	'duckdb/mixed_dates.csv': loaded(5, ['A', 'B']),
	'duckdb/mixed_decimal.csv': loaded(5, ['A', 'B']),
	'duckdb/mixed_new_line.csv': loaded(3, ['column1', 'column2', 'column3']),
	'duckdb/mixed_timestamps.csv': loaded(5, ['A', 'B']),
	'duckdb/multi_quote.csv': loaded(7, ['datecol', 'textcol']),
	'duckdb/null/multiple_quoted_nulls.csv': loaded(3, ['name', 'age', 'height']),
	'duckdb/nullbyte.csv': loaded(1, ['col1', 'col2', 'col3']),
	'duckdb/quoted_newline.csv': loaded(1, ['col1']),
	'duckdb/real/greek_utf8.csv': loaded(8, ['column1', 'column2', 'column3']),
	'duckdb/rejects/frankstein/nightmare.csv': rejected(44, [10, 14, 22]),
	'duckdb/single_quote.csv': loaded(1, ['movie_title']),
	'duckdb/test/invalid_utf_quoted_nl.csv': loaded(20, ['valid', 'valid_2', 'valid_3']),
	'duckdb/test/no_newline.csv': loaded(1024, ['column1', 'column2', 'column3']),
	'duckdb/test/too_many_values.csv': loaded(1, ['column1', 'column2', 'column3', 'column4']),
	'duckdb/test/unterminated.csv': refused(/^line 1: a quoted field starts here and is never closed$/),
	'duckdb/thousands_separator/multi_column_quote.csv': loaded(5, ['name', 'money', 'city']),
	'duckdb/unescaped_quotes/some_escaped_some_not.csv': refused(
		/^2 of 3 rows could not be read \(first at line 2: Value with unterminated quote found/
	),
	'duckdb/unescaped_quotes/unescaped_quote.csv': refused(/^no row could be read: line 1: Value with unterminated quote found/),
	'duckdb/unescaped_quotes/unescaped_quote_new_line_rn.csv': refused(
		/^11 of 12 rows could not be read \(first at line 1: Value with unterminated quote found/
	)
};

const root = sharedDir('badcsv');
const engine = new NodeEngine();

function allCsv(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const path = join(dir, f);
		return statSync(path).isDirectory() ? allCsv(path) : f.endsWith('.csv') ? [relative(root, path)] : [];
	});
}

beforeAll(async () => {
	await engine.ready();
	await engine.rows(`CREATE TABLE sentinel AS SELECT range AS i FROM range(1000)`);
});
afterAll(() => engine.close());

async function expectUndisturbed() {
	const [row] = await engine.rows('SELECT count(*) AS n, sum(i) AS s FROM sentinel');
	// 0 + 1 + … + 999 = 999 × 1000 / 2 = 499500
	expect(row).toEqual({ n: 1000, s: 499500 });
}

describe('the bad-CSV corpus', () => {
	const files = allCsv(root).sort();

	it('has 71 files, each with an expected outcome', () => {
		expect(files.length).toBe(71);
		const spectrum = files.filter((f) => f.startsWith('csv-spectrum/'));
		expect(spectrum.length).toBe(11);
		expect(files.filter((f) => f.startsWith('duckdb/')).sort()).toEqual(Object.keys(DUCKDB).sort());
	});

	it.each(readdirSync(join(root, 'csv-spectrum', 'csvs')).sort())('csv-spectrum/%s loads as its JSON says', async (file) => {
		const expected = JSON.parse(readFileSync(join(root, 'csv-spectrum', 'json', file.replace(/\.csv$/, '.json')), 'utf8')) as Record<
			string,
			string
		>[];
		const result = await engine.load({
			table: 'spectrum',
			source: { kind: 'path', path: join(root, 'csv-spectrum', 'csvs', file), name: file }
		});
		expect(result.report.rejectedCount).toBe(0);
		expect(result.table.columns.map((c) => c.name)).toEqual(Object.keys(expected[0]));
		const rows = await engine.rows('SELECT * FROM spectrum');
		// Values compare as text; an empty quoted field may load as NULL where the JSON has "".
		const asText = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])));
		expect(asText).toEqual(expected);
		await expectUndisturbed();
	});

	it.each(Object.entries(DUCKDB))('%s', async (file, outcome) => {
		const load = engine.load({ table: 'candidate', source: { kind: 'path', path: join(root, file), name: file } });
		if (outcome.kind === 'refused') {
			await expect(load).rejects.toThrow(outcome.message);
			expect((await engine.listTables()).map((t) => t.name)).not.toContain('candidate');
		} else {
			const result = await load;
			expect(result.table.rows).toBe(outcome.rows);
			if (outcome.kind === 'loaded') {
				expect(result.table.columns.map((c) => c.name)).toEqual(outcome.columns);
				expect(result.report.rejectedCount).toBe(0);
			} else {
				expect(result.report.rejected.map((r) => r.line)).toEqual(outcome.lines);
				expect(result.report.rejectedCount).toBe(outcome.lines.length);
				for (const r of result.report.rejected) expect(r.reason).not.toBe('');
			}
			await engine.drop('candidate');
		}
		await expectUndisturbed();
	});
});
