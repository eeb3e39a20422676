/**
 * Timestamp text recognition: which strptime format reads a column's samples. ISO-like text
 * (`2025-01-04 10:02:11`, `2025-01-04T10:02`, with an optional `Z` or `+08:00`) needs no format:
 * DuckDB casts it. When both day-first and month-first read every sample (all days ≤ 12),
 * month-first wins, as in the US exports this app meets most (Salesforce, Superstore, Online Retail).
 */

/** A zone after a time of day: `Z`, `UTC`, `GMT`, `+08:00`, `+0800`, `-05`. Group 1 is the zone text. */
export const ZONE_SUFFIX = /(?<=\d:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$/i;

const ISO = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** Formats tried in order, after ISO. Every one is also in SQL_FALLBACK_FORMATS order. */
export const TIMESTAMP_FORMATS = [
	'%Y/%m/%d %H:%M:%S',
	'%Y/%m/%d %H:%M',
	'%Y/%m/%d',
	'%m/%d/%Y %H:%M:%S',
	'%m/%d/%Y %H:%M',
	'%m/%d/%Y %I:%M:%S %p',
	'%m/%d/%Y %I:%M %p',
	'%m/%d/%Y',
	'%d/%m/%Y %H:%M:%S',
	'%d/%m/%Y %H:%M',
	'%d/%m/%Y',
	'%m/%d/%y %H:%M:%S',
	'%m/%d/%y %H:%M',
	'%m/%d/%y',
	'%d/%m/%y %H:%M',
	'%d/%m/%y',
	'%d.%m.%Y %H:%M:%S',
	'%d.%m.%Y %H:%M',
	'%d.%m.%Y',
	'%Y年%m月%d日 %H:%M:%S',
	'%Y年%m月%d日 %H:%M',
	'%Y年%m月%d日'
] as const;

const PARTS: Record<string, { re: string; min: number; max: number }> = {
	Y: { re: '(\\d{4})', min: 1, max: 9999 },
	y: { re: '(\\d{2})', min: 0, max: 99 },
	m: { re: '(\\d{1,2})', min: 1, max: 12 },
	d: { re: '(\\d{1,2})', min: 1, max: 31 },
	H: { re: '(\\d{1,2})', min: 0, max: 23 },
	I: { re: '(\\d{1,2})', min: 1, max: 12 },
	M: { re: '(\\d{2})', min: 0, max: 59 },
	S: { re: '(\\d{2})', min: 0, max: 60 },
	p: { re: '([AaPp][Mm])', min: 0, max: 0 }
};

interface Compiled {
	format: string;
	re: RegExp;
	parts: string[];
}

function compile(format: string): Compiled {
	const parts: string[] = [];
	let re = '';
	for (let i = 0; i < format.length; i++) {
		if (format[i] === '%') {
			const p = format[++i];
			parts.push(p);
			re += PARTS[p].re;
		} else re += format[i] === ' ' ? '\\s+' : format[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	}
	return { format, re: new RegExp(`^${re}$`), parts };
}

const COMPILED = TIMESTAMP_FORMATS.map(compile);

function reads(c: Compiled, text: string): boolean {
	const m = c.re.exec(text);
	if (!m) return false;
	return c.parts.every((p, i) => p === 'p' || (Number(m[i + 1]) >= PARTS[p].min && Number(m[i + 1]) <= PARTS[p].max));
}

/** The text without a trailing zone, trimmed. */
export function withoutZone(text: string): string {
	return text.trim().replace(ZONE_SUFFIX, '');
}

export function isIsoTimestamp(text: string): boolean {
	return ISO.test(withoutZone(text));
}

/** Does the text read as a timestamp in ISO or any known format? */
export function looksLikeTimestamp(text: string): boolean {
	const t = withoutZone(text);
	return ISO.test(t) || COMPILED.some((c) => reads(c, t));
}

/**
 * The strptime format that reads every sample, `null` when they are ISO (or there are none),
 * `undefined` when no single known format reads them all.
 */
export function timestampFormat(samples: string[]): string | null | undefined {
	const texts = samples.map(withoutZone).filter((s) => s !== '');
	if (texts.every((t) => ISO.test(t))) return null;
	return COMPILED.find((c) => texts.every((t) => reads(c, t)))?.format;
}
