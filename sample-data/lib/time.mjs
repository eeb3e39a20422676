// Fixed reference period, timestamp formatting and a seasonal "time warp" that
// maps a uniform position in [0, 1) onto a realistic timestamp in 2025.
// Times are plain seconds since 1970 read as zone-less wall-clock time.
import { cumulative, searchCumulative } from './prng.mjs';

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;

/** Seconds for a fixed 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS' literal. */
export function at(text) {
	const [d, t = '00:00:00'] = text.split(' ');
	const [y, mo, da] = d.split('-').map(Number);
	const [h, mi, s] = t.split(':').map(Number);
	return Date.UTC(y, mo - 1, da, h, mi, s) / 1000;
}

/** Orders span the whole of 2025; the export was taken at the start of 2026. */
export const PERIOD_START = at('2025-01-01');
export const PERIOD_END = at('2026-01-01');
export const EXPORT_AT = PERIOD_END;

const PAD = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayText = new Map();

/** 'YYYY-MM-DD HH:MM:SS', or '' for a missing value. */
export function fmt(sec) {
	if (sec == null || Number.isNaN(sec)) return '';
	sec = Math.floor(sec);
	const day = Math.floor(sec / DAY);
	let d = dayText.get(day);
	if (d === undefined) {
		d = new Date(day * DAY * 1000).toISOString().slice(0, 10);
		dayText.set(day, d);
	}
	let r = sec - day * DAY;
	const h = Math.floor(r / HOUR);
	r -= h * HOUR;
	const m = Math.floor(r / MINUTE);
	return `${d} ${PAD[h]}:${PAD[m]}:${PAD[r - m * MINUTE]}`;
}

/** Hour-of-day weights (index 0 = 00:00-00:59). */
export const HOURS = {
	shopping: [2, 1, 0.6, 0.4, 0.3, 0.4, 0.8, 1.5, 2.5, 3.2, 3.6, 3.8, 4.2, 3.8, 3.6, 3.5, 3.5, 3.6, 3.9, 4.5, 5.2, 5.6, 4.8, 3.2],
	office: [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 3, 5, 5.5, 5, 3.5, 4.5, 5, 5, 4.5, 3.5, 1.5, 0.8, 0.6, 0.5, 0.3, 0.2],
	traffic: [2.2, 1.4, 0.9, 0.6, 0.5, 0.6, 1, 1.8, 2.8, 3.4, 3.7, 3.9, 4.1, 3.9, 3.8, 3.8, 3.8, 3.9, 4.2, 4.8, 5.4, 5.7, 5, 3.6]
};

/** Day-of-week weights, Monday first. */
export const WEEKDAYS = {
	shopping: [1, 0.95, 0.95, 1, 1.1, 1.3, 1.25],
	office: [1.15, 1.1, 1.05, 1, 0.95, 0.3, 0.2],
	traffic: [1, 1, 1, 1, 1.05, 1.15, 1.1]
};

const SEASON = [0.85, 0.75, 0.95, 0.95, 1, 1.15, 0.95, 0.9, 0.95, 1.05, 1.45, 1.35];

/** Shopping festivals: 618 and Double 11 peaks, Black Friday, pre-Christmas. */
function festival(month, dayOfMonth) {
	if (month === 10 && dayOfMonth === 11) return 4;
	if (month === 10 && dayOfMonth >= 1 && dayOfMonth <= 10) return 1.4;
	if (month === 5 && dayOfMonth === 18) return 2.5;
	if (month === 10 && dayOfMonth === 28) return 1.8;
	if (month === 11 && dayOfMonth >= 15 && dayOfMonth <= 22) return 1.3;
	return 1;
}

export class TimeWarp {
	/**
	 * @param {'shopping' | 'office' | 'traffic'} profile
	 * @param {number} [start]
	 * @param {number} [end]
	 */
	constructor(profile, start = PERIOD_START, end = PERIOD_END) {
		const hours = Math.round((end - start) / HOUR);
		const w = new Float64Array(hours);
		for (let k = 0; k < hours; k++) {
			const date = new Date((start + k * HOUR) * 1000);
			const dow = (date.getUTCDay() + 6) % 7;
			const seasonal = profile === 'office' ? 1 : SEASON[date.getUTCMonth()] * festival(date.getUTCMonth(), date.getUTCDate());
			w[k] = HOURS[profile][date.getUTCHours()] * WEEKDAYS[profile][dow] * seasonal;
		}
		this.start = start;
		this.cum = cumulative(w);
		this.total = this.cum[hours - 1];
	}

	/** Monotone map from u in [0, 1) to a timestamp (seconds, fractional). */
	at(u) {
		const x = Math.min(Math.max(u, 0), 0.999999999) * this.total;
		const k = searchCumulative(this.cum, x);
		const before = k > 0 ? this.cum[k - 1] : 0;
		const frac = (x - before) / (this.cum[k] - before);
		return this.start + (k + frac) * HOUR;
	}
}
