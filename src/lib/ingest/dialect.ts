import { splitRecords, type CsvRecord } from './csv-records';
import { uniqueNames } from './header-names';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How a CSV file is written, decided from its head and tail before DuckDB reads it. */
export interface Dialect {
	delimiter: string;
	quote: string;
	escape: string;
	/** Physical lines before the header (notes, comments, blank lines). */
	skip: number;
	header: boolean;
	/** Column names: the header's, made unique, or column1…N. */
	names: string[];
	/** The lines skipped before the header, for the user to see. */
	preamble: string[];
	/** Report lines after the data (totals, confidentiality notes), recognised from the tail. */
	footer: string[];
}

const SAMPLE_RECORDS = 500;

function looksTyped(value: string): boolean {
	const v = value.trim();
	if (!v) return false;
	return /^[+-]?(\d+([.,]\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(v) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(v) || /^(true|false)$/i.test(v);
}

/** The most common field count among records, and how many records have it. */
function modeCount(records: CsvRecord[]): { count: number; support: number } {
	const tally = new Map<number, number>();
	for (const r of records) if (!r.blank) tally.set(r.fields.length, (tally.get(r.fields.length) ?? 0) + 1);
	let count = 1;
	let support = 0;
	// On a tie the smaller count wins: a stray row with extra fields should not widen the table.
	for (const [c, n] of tally) if (n > support || (n === support && c < count)) [count, support] = [c, n];
	return { count, support };
}

function chooseEscape(head: string, quote: string): string {
	const backslashed = head.split(`\\${quote}`).length - 1;
	// A doubled quote right after a backslash (`\""`) is an escaped quote then a closing one.
	const doubled = head.replaceAll(`\\${quote}`, '').split(`${quote}${quote}`).length - 1;
	return backslashed > 0 && doubled === 0 ? '\\' : quote;
}

/**
 * Index of the header (or first data row): leading records that are blank, or that have
 * far fewer fields than the body (notes, titles, comments), are a preamble.
 */
function firstTableRecord(records: CsvRecord[], count: number): number {
	if (count < 2) return records.findIndex((r) => !r.blank) === -1 ? 0 : records.findIndex((r) => !r.blank);
	const limit = Math.max(1, Math.floor(count / 2));
	for (let i = 0; i < Math.min(records.length, 50); i++) {
		if (records[i].blank || records[i].fields.length <= limit) continue;
		return i;
	}
	return 0;
}

/**
 * The body's field count. Single-field lines (notes, totals, footers) do not count against
 * a table: if at least two records after the first share a field count above one, or the
 * first record has that count too, that is the table's width.
 */
function bodyCount(records: CsvRecord[]): { count: number; support: number } {
	const filled = records.filter((r) => !r.blank);
	if (filled.length < 2) return modeCount(filled);
	const rest = filled.slice(1);
	const multi = modeCount(rest.filter((r) => r.fields.length > 1));
	if (multi.support >= 2 || (multi.support === 1 && filled[0].fields.length === multi.count)) return multi;
	return modeCount(rest);
}

const FOOTER_PATTERNS = [/^grand totals?\b/i, /^confidential information/i, /^copyright\b/i, /^total\b/i, /^generated\b/i, /^\(c\)/i, /^©/];

/** Trailing lines of the tail that are not data: blank, or single-field report notes. */
function footerLines(tail: string, d: Omit<Dialect, 'skip' | 'header' | 'names' | 'preamble' | 'footer'>, columns: number): string[] {
	if (columns < 2) return [];
	const records = splitRecords(tail, { ...d });
	const out: string[] = [];
	for (let i = records.length - 1; i >= 0; i--) {
		const r = records[i];
		if (r.blank) continue;
		const text = r.fields.join(d.delimiter).trim();
		if (r.fields.length === 1 && (FOOTER_PATTERNS.some((p) => p.test(text)) || out.length > 0 || records[i + 1]?.blank)) out.unshift(text);
		else break;
	}
	return out.filter((t) => FOOTER_PATTERNS.some((p) => p.test(t)) || out.length > 1);
}

/**
 * Decide delimiter, quoting, preamble, header and footer from the head (and tail) of the
 * decoded text. The delimiter is the one that gives the most records with one consistent
 * field count above one; the header is the first consistent record unless it looks like data.
 */
export function sniffDialect(head: string, tail: string, complete: boolean): Dialect {
	const quote = '"';
	const escape = chooseEscape(head, quote);
	let best = { delimiter: ',', count: 1, support: -1, records: [] as CsvRecord[] };
	for (const delimiter of DELIMITERS) {
		const records = splitRecords(head, { delimiter, quote, escape, maxRecords: SAMPLE_RECORDS, truncated: !complete });
		const { count } = bodyCount(records);
		const support = records.filter((r) => !r.blank && r.fields.length === count).length;
		const score = count > 1 ? support : 0;
		const bestScore = best.count > 1 ? best.support : 0;
		if (score > bestScore) best = { delimiter, count, support, records };
		else if (best.support < 0) best = { delimiter, count, support: score, records };
	}
	const { delimiter, count, records } = best;
	const start = firstTableRecord(records, count);
	const first = records[start];
	const skip = first ? first.line - 1 : 0;
	const preamble = records
		.slice(0, start)
		.filter((r) => !r.blank)
		.map((r) => r.fields.join(delimiter));
	let firstFields = first ? first.fields : [];
	// A header with one trailing empty field (`id,name,`) has that field dropped.
	if (firstFields.length === count + 1 && firstFields[count].trim() === '') firstFields = firstFields.slice(0, count);
	const body = records.slice(start + 1, start + 50).filter((r) => !r.blank && r.fields.length === firstFields.length);
	// The first record is data, not a header, when it holds a number or date where the body
	// does too, or when it is the only record and all of it looks like data.
	const header =
		!first ||
		(body.length === 0
			? !firstFields.every(looksTyped)
			: !firstFields.some((v, c) => looksTyped(v) && body.some((r) => looksTyped(r.fields[c]))));
	const names = header ? uniqueNames(firstFields) : firstFields.map((_, i) => `column${i + 1}`);
	const footer = footerLines(tail, { delimiter, quote, escape }, count);
	return { delimiter, quote, escape, skip, header, names, preamble, footer };
}
