const DATE_WORDS = ['date', 'day', 'time', '日期', '时间', '時間', '日付'];
const DATE_TOKENS = new Set(['dt', 'ts', 'at', 'on']);

/**
 * Whether a header names a date: `order_date`, `Birthday`, `created_at`, `createdAt`, `dt`,
 * `下单日期`. Only this lets an eight-digit column like `20240131` become a date.
 */
export function headerSuggestsDate(header: string): boolean {
	const lower = header.toLowerCase();
	if (DATE_WORDS.some((w) => lower.includes(w))) return true;
	const tokens = header
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	const last = tokens.at(-1);
	return tokens.some((t) => t === 'dt' || t === 'ts') || (tokens.length > 1 && last !== undefined && DATE_TOKENS.has(last));
}
