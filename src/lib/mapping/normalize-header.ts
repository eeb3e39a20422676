/**
 * Header normalisation for matching against the alias dictionary. Two headers that a person
 * would read as the same name normalise to the same text: `Customer ID`, `customer_id`,
 * `CustomerID`, `"customer-id"`, `ＣｕｓｔｏｍｅｒＩＤ` → `customer id`; `客户 ID`, `客户_ID` → `客户id`.
 */

const SURROUNDING_QUOTES = /^(["'`“”‘’「『])(.*)(["'`“”‘’」』])$/su;
const HAN = '\\p{Script=Han}';
const SPACE_NEXT_TO_HAN = new RegExp(`(?<=${HAN}) +| +(?=${HAN})`, 'gu');

export function normalizeHeader(raw: string): string {
	// NFKC folds full-width letters, digits, punctuation and the ideographic space to ASCII.
	let s = raw
		.replace(/^\uFEFF/, '')
		.normalize('NFKC')
		.trim();
	for (let m = SURROUNDING_QUOTES.exec(s); m; m = SURROUNDING_QUOTES.exec(s)) s = m[2].trim();
	s = s
		.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
		.replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
		.replace(/#/g, ' no ')
		.replace(/%/g, ' pct ')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	return s.replace(SPACE_NEXT_TO_HAN, '');
}

/** The lookup key: the normalised header without spaces, so `customer id` and `customerid` meet. */
export function headerKey(raw: string): string {
	return normalizeHeader(raw).replaceAll(' ', '');
}

/** Words of a normalised header. */
export function headerWords(raw: string): string[] {
	const s = normalizeHeader(raw);
	return s ? s.split(' ') : [];
}
