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
