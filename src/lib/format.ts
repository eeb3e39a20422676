/** Display formatting shared by the pages. Pure functions: no DOM, no Svelte. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatInteger(n: number): string {
	return integer.format(n);
}

export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = n / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Share 0–1 of a whole as a whole percentage, never above 100. */
export function formatPercent(part: number, whole: number): string {
	if (whole <= 0) return '0%';
	return `${Math.min(100, Math.floor((part / whole) * 100))}%`;
}

/** A cell for display: NULL is shown as an empty marker, everything else as text. */
export function formatCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export type MetricUnit = 'hours' | 'days' | 'minutes' | 'pct' | 'rate' | 'count' | 'currency' | 'ms' | 'rpm' | 'score';

const decimals = (max: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: max, minimumFractionDigits: 0 });
const two = decimals(2);
const one = decimals(1);

/** A metric value for display with its unit; null is shown as a dash (no data). */
export function formatMetric(value: number | null | undefined, unit: string): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	switch (unit) {
		case 'pct':
			return `${one.format(value)}%`;
		case 'rate':
			return `${one.format(value * 100)}%`;
		case 'hours':
			return `${one.format(value)} h`;
		case 'days':
			return `${one.format(value)} d`;
		case 'minutes':
			return `${one.format(value)} min`;
		case 'ms':
			return `${Math.round(value).toLocaleString('en-US')} ms`;
		case 'rpm':
			// Low traffic (a few requests a day) is still shown, with two significant digits.
			return `${Math.abs(value) < 1 && value !== 0 ? value.toPrecision(2) : one.format(value)}/min`;
		case 'currency':
			return two.format(value);
		case 'count':
			return Number.isInteger(value) ? formatInteger(value) : two.format(value);
		default:
			return two.format(value);
	}
}

/** Relative change from `previous` to `current` in percent, or null when there is no baseline. */
export function changePct(current: number | null | undefined, previous: number | null | undefined): number | null {
	if (current === null || current === undefined || previous === null || previous === undefined || previous === 0) return null;
	return ((current - previous) / Math.abs(previous)) * 100;
}
