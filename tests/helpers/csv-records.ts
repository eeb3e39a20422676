/**
 * Count the data records of RFC 4180 text (quoted fields may hold delimiters and line
 * breaks). Written for tests, independently of the loading pipeline it checks.
 */
export function countRecords(text: string): number {
	let records = 0;
	let inQuotes = false;
	let fieldStart = true;
	let lineHasContent = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') i++;
				else inQuotes = false;
			}
			continue;
		}
		if (ch === '"' && fieldStart) {
			inQuotes = true;
			lineHasContent = true;
			fieldStart = false;
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			if (lineHasContent) records++;
			lineHasContent = false;
			fieldStart = true;
		} else {
			lineHasContent = true;
			fieldStart = ch === ',';
		}
	}
	if (lineHasContent) records++;
	return records - 1; // the header
}
