import { looksLikeTimestamp } from './timestamp-format';
import type { ProfileColumn } from './types';

/** What a column's sample values look like; shares are 0..1 of the non-empty samples. */
export interface ValueShape {
	samples: number;
	email: number;
	timestamp: number;
	numeric: number;
	boolean: number;
	/** Satisfaction words with a 1–5 reading (good, bad, 满意, …; see SCORE_WORDS), ignoring `Not Offered` and the like. */
	scoreWord: number;
	/** Every value an integer from 1 to 5, with at least two different values. */
	score1to5: boolean;
	/** Every value an integer HTTP status (100–599), most of them common codes. */
	httpStatus: boolean;
}

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL)/i;
const TEMPORAL_TYPE = /^(TIMESTAMP|DATE|DATETIME)/i;

export const isNumericType = (type: string) => NUMERIC_TYPE.test(type);
export const isTemporalType = (type: string) => TEMPORAL_TYPE.test(type);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Plain numbers, thousands separators, a currency sign, a trailing space (as exports write them). */
const NUMBER = /^[-+]?[$€£¥￥]?\s*(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][-+]?\d+)?$/;
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f', '1', '0', '是', '否', '已转化', '未转化']);

/** Satisfaction words with a score on the 1–5 scale (Zendesk: Good/Bad). Lower-cased. */
export const SCORE_WORDS: Record<string, number> = {
	good: 5,
	bad: 1,
	satisfied: 5,
	unsatisfied: 1,
	dissatisfied: 1,
	非常满意: 5,
	满意: 4,
	一般: 3,
	不满意: 2,
	非常不满意: 1
};
/** Words that say no score was given (Zendesk: Offered, Not Offered, Unoffered). */
const NO_SCORE_WORDS = new Set(['offered', 'not offered', 'unoffered']);
const COMMON_HTTP = new Set([200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 405, 408, 429, 500, 502, 503, 504]);

function share(values: string[], test: (v: string) => boolean): number {
	return values.length ? values.filter(test).length / values.length : 0;
}

function integers(values: string[]): number[] | null {
	const out: number[] = [];
	for (const v of values) {
		if (!/^\d+(\.0+)?$/.test(v)) return null;
		out.push(Number(v));
	}
	return out;
}

export function valueShape(column: ProfileColumn): ValueShape {
	const values = column.sample.map((v) => v.trim()).filter((v) => v !== '');
	const numericType = isNumericType(column.type);
	const ints = integers(values);
	const distinct = new Set(ints ?? []);
	const scoreWords = values.filter((v) => !NO_SCORE_WORDS.has(v.toLowerCase()));
	return {
		samples: values.length,
		email: share(values, (v) => EMAIL.test(v)),
		timestamp: isTemporalType(column.type) ? 1 : numericType ? 0 : share(values, looksLikeTimestamp),
		numeric: numericType ? 1 : share(values, (v) => NUMBER.test(v)),
		boolean: column.type === 'BOOLEAN' ? 1 : share(values, (v) => BOOLEAN_WORDS.has(v.toLowerCase())),
		scoreWord: scoreWords.length ? share(scoreWords, (v) => v.toLowerCase() in SCORE_WORDS) : values.length ? 1 : 0,
		score1to5: ints !== null && ints.length > 0 && ints.every((n) => n >= 1 && n <= 5) && distinct.size >= 2,
		httpStatus:
			ints !== null &&
			ints.length > 0 &&
			ints.every((n) => n >= 100 && n <= 599) &&
			ints.filter((n) => COMMON_HTTP.has(n)).length >= ints.length / 2
	};
}
