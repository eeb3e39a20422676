import type { Filters } from '../metrics';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = ['from', 'to', 'channel', 'segment'] as const;

/**
 * The global filters in a URL's query: `?from=2025-01-01&to=2025-03-31&channel=web`.
 * Unknown or malformed values are dropped (a tampered link opens the unfiltered view).
 */
export function filtersFromQuery(params: URLSearchParams): Filters {
	const out: Filters = {};
	for (const key of KEYS) {
		const value = params.get(key)?.trim();
		if (!value) continue;
		if ((key === 'from' || key === 'to') && !DATE.test(value)) continue;
		out[key] = value.slice(0, 200);
	}
	if (out.from && out.to && out.from > out.to) delete out.to;
	return out;
}

/** Write filters into query parameters, deterministically (fixed key order, empty ones removed). */
export function filtersToQuery(filters: Filters, params = new URLSearchParams()): URLSearchParams {
	for (const key of KEYS) params.delete(key);
	for (const key of KEYS) {
		const value = filters[key];
		if (value) params.set(key, value);
	}
	return params;
}

export function sameFilters(a: Filters, b: Filters): boolean {
	return KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

/** The period of equal length just before `from`..`to` (inclusive dates), for change figures. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
	const day = 86_400_000;
	const start = Date.parse(`${from}T00:00:00Z`);
	const end = Date.parse(`${to}T00:00:00Z`);
	const days = Math.round((end - start) / day) + 1;
	const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	return { from: iso(start - days * day), to: iso(start - day) };
}
