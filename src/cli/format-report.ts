import type { MetricsReport } from '../lib/metrics';

function formatValue(value: number | null): string {
	if (value === null) return '—';
	if (Number.isInteger(value)) return value.toLocaleString('en-US');
	return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** The report as a readable table: one line per metric, then what could not be computed and why. */
export function formatReport(report: MetricsReport): string {
	const ids = Object.keys(report.metrics).sort();
	const width = Math.max(10, ...ids.map((id) => id.length));
	const lines = [`CRM Pulse report — reference date ${report.referenceDate ?? 'none'}, generated ${report.generatedAt}`];
	const f = report.filters;
	const active = Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== null);
	if (active.length) lines.push(`filters: ${active.map(([k, v]) => `${k}=${v}`).join(', ')}`);
	lines.push('');
	let family = '';
	for (const id of ids) {
		const head = id.split('.')[0];
		if (head !== family) {
			if (family) lines.push('');
			family = head;
		}
		lines.push(`${id.padEnd(width)}  ${formatValue(report.metrics[id])}`);
	}
	const unavailable = Object.entries(report.unavailable).sort(([a], [b]) => a.localeCompare(b));
	if (unavailable.length) {
		lines.push('', 'unavailable:');
		for (const [id, reason] of unavailable) lines.push(`  ${id.padEnd(width)}  ${reason}`);
	}
	return lines.join('\n') + '\n';
}
