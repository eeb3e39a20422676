export interface Settings {
	/** Order statuses left out of revenue, orders and customer value (compared trimmed and lower-cased). */
	excludedStatuses: readonly string[];
	/** A ticket resolved in more hours than this breaches the SLA. */
	slaHours: number;
	/** `value.clv` = cv30 × this many months. */
	clvHorizonMonths: number;
	/**
	 * `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` (a date alone means its midnight).
	 * null: the newest main timestamp in the data that is not after the `to` filter.
	 */
	referenceDate: string | null;
	/** The current time in the data's time zone, for freshness. null: the current UTC time. */
	now: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
	excludedStatuses: ['canceled', 'cancelled', 'unavailable'],
	slaHours: 48,
	clvHorizonMonths: 12,
	referenceDate: null,
	now: null
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;

/** Whether `text` is a real calendar date `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
	const m = DATE.exec(text);
	return m !== null && validDay(+m[1], +m[2], +m[3]);
}

/** Whether `text` is `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS[.ffffff]` with real values. */
export function isDateOrTimestamp(text: string): boolean {
	if (isDate(text)) return true;
	const m = TIMESTAMP.exec(text);
	return m !== null && validDay(+m[1], +m[2], +m[3]) && +m[4] < 24 && +m[5] < 60 && +m[6] < 60;
}

function validDay(y: number, mo: number, d: number): boolean {
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Defaults filled in and every value checked; throws naming the bad value. */
export function resolveSettings(partial: Partial<Settings> = {}): Settings {
	const s: Settings = { ...DEFAULT_SETTINGS, ...partial };
	if (!Number.isFinite(s.slaHours) || s.slaHours <= 0) throw new Error(`invalid slaHours: ${s.slaHours}`);
	if (!Number.isFinite(s.clvHorizonMonths) || s.clvHorizonMonths <= 0) throw new Error(`invalid clvHorizonMonths: ${s.clvHorizonMonths}`);
	for (const status of s.excludedStatuses) if (typeof status !== 'string') throw new Error(`invalid excluded status: ${String(status)}`);
	if (s.referenceDate !== null && !isDateOrTimestamp(s.referenceDate)) throw new Error(`invalid referenceDate: ${s.referenceDate}`);
	if (s.now !== null && !isDateOrTimestamp(s.now)) throw new Error(`invalid now: ${s.now}`);
	return s;
}

/** The current UTC time as `YYYY-MM-DD HH:MM:SS`. */
export function utcNow(date = new Date()): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}
