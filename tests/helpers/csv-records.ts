/**
 * A small RFC 4180 reader for tests (quoted fields may hold delimiters, quotes and line
 * breaks), written independently of the loading pipeline it checks.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let inQuotes = false;
	let touched = false;
	const endRecord = () => {
		if (touched || record.length) {
			record.push(field);
			records.push(record);
		}
		record = [];
		field = '';
		touched = false;
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') inQuotes = false;
			else field += ch;
		} else if (ch === '"' && field === '') {
			inQuotes = true;
			touched = true;
		} else if (ch === delimiter) {
			record.push(field);
			field = '';
			touched = true;
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			endRecord();
		} else {
			field += ch;
			touched = true;
		}
	}
	endRecord();
	return records;
}

/** Data records (without the header) of CSV text. */
export function countRecords(text: string, delimiter = ','): number {
	return parseCsv(text, delimiter).length - 1;
}
