/**
 * The data's time zone as a fixed offset from UTC, in minutes. Without ICU (an extension the
 * engine cannot load) DuckDB knows no zone rules, so only fixed offsets are possible: `UTC`,
 * `+08:00`, `UTC-5`, … and zones that have kept one offset since before the data this app
 * reads (listed below). Zones with daylight saving are refused.
 */
const FIXED_ZONES: Record<string, number> = {
	'asia/shanghai': 480,
	'asia/chongqing': 480,
	'asia/hong_kong': 480,
	'asia/macau': 480,
	'asia/taipei': 480,
	'asia/singapore': 480,
	'asia/kuala_lumpur': 480,
	'asia/manila': 480,
	'asia/tokyo': 540,
	'asia/seoul': 540,
	'asia/kolkata': 330,
	'asia/calcutta': 330,
	'asia/dubai': 240,
	'asia/jakarta': 420,
	'asia/bangkok': 420,
	'asia/ho_chi_minh': 420,
	'etc/utc': 0
};

const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

export function timeZoneOffsetMinutes(timeZone: string): number {
	const tz = timeZone.trim();
	if (/^(UTC|GMT|Z)$/i.test(tz)) return 0;
	const m = OFFSET.exec(tz);
	if (m) {
		const hours = Number(m[2]);
		const minutes = Number(m[3] ?? 0);
		if (hours <= 14 && minutes < 60) return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
	}
	const fixed = FIXED_ZONES[tz.toLowerCase()];
	if (fixed !== undefined) return fixed;
	throw new Error(
		`unsupported time zone: ${timeZone} (use UTC or a fixed offset such as +08:00; zones with daylight saving need ICU, which the engine does not have)`
	);
}
