import type { Dialect } from './dialect';
import type { ColumnPlan } from './types';

/** A line of the file that could not be read as a row. */
export interface RejectedLine {
	/** Physical line in the file, 1-based. */
	line: number;
	reason: string;
	text: string;
}

/** What the loader decided and found, shown to the user next to the table. */
export interface LoadReport {
	delimiter: string;
	header: boolean;
	/** Lines skipped before the header. */
	preamble: string[];
	/** Report lines after the data, not loaded as rows. */
	footer: string[];
	/** Rows that could not be parsed: the total and the first of them. */
	rejectedCount: number;
	rejected: RejectedLine[];
	/** How each column was typed, with flags such as an ambiguous day/month order. */
	columns: ColumnPlan[];
}

export function delimiterName(d: string): string {
	return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '|' ? 'pipe' : JSON.stringify(d);
}

function normaliseLine(text: string): string {
	return text
		.replace(/^[\r\n]+|[\r\n]+$/g, '')
		.replace(/^"(.*)"$/s, '$1')
		.trim();
}

/**
 * Turn DuckDB's reject rows into rejected lines: blank lines DuckDB folded into a
 * rejected line are counted to reach the physical line, and footer lines the sniffer
 * recognised are not reported as rejected.
 */
export function classifyRejects(rows: Array<{ line: number; reason: string; text: string }>, dialect: Dialect): RejectedLine[] {
	const footer = new Set(dialect.footer.map(normaliseLine));
	const out: RejectedLine[] = [];
	for (const row of rows) {
		const leading = /^[\r\n]*/.exec(row.text)![0];
		const breaks = (leading.match(/\r\n|\r|\n/g) ?? []).length;
		const text = normaliseLine(row.text);
		if (footer.has(text)) continue;
		out.push({ line: Number(row.line) + breaks, reason: row.reason, text: text.slice(0, 200) });
	}
	return out;
}
