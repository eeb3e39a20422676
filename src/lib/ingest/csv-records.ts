/** One record of CSV text, with the physical line (1-based) it starts on. */
export interface CsvRecord {
	fields: string[];
	line: number;
	/** A line with nothing on it. */
	blank: boolean;
}

export interface SplitOptions {
	delimiter: string;
	quote: string;
	/** The character that escapes a quote inside a quoted field: the quote itself, or a backslash. */
	escape: string;
	maxRecords?: number;
	/** The text ends mid-file: drop the last record, which may be cut short. */
	truncated?: boolean;
}

/**
 * Split CSV text into records, respecting quotes, counting physical lines (CRLF, LF and
 * lone CR each end a line). Used for sniffing the head and tail of a file, not for loading.
 */
export function splitRecords(text: string, options: SplitOptions): CsvRecord[] {
	const { delimiter, quote, escape, maxRecords = Infinity, truncated = false } = options;
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let inQuotes = false;
	let line = 1;
	let start = 1;
	let any = false;
	const push = () => {
		fields.push(field);
		records.push({ fields, line: start, blank: !any && fields.length === 1 && field === '' });
		fields = [];
		field = '';
		any = false;
	};
	for (let i = 0; i < text.length && records.length < maxRecords; i++) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === escape && escape !== quote && text[i + 1] === quote) {
				field += quote;
				i++;
			} else if (ch === quote) {
				if (escape === quote && text[i + 1] === quote) {
					field += quote;
					i++;
				} else inQuotes = false;
			} else {
				if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
				field += ch;
			}
			continue;
		}
		if (ch === quote && field.trim() === '') {
			inQuotes = true;
			field = '';
			any = true;
		} else if (ch === delimiter) {
			fields.push(field);
			field = '';
			any = true;
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			push();
			line++;
			start = line;
		} else {
			field += ch;
			any = true;
		}
	}
	if (records.length < maxRecords && (field !== '' || fields.length) && !truncated) push();
	return records;
}
