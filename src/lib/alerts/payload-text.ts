import type { AlertEvent } from './evaluate';
import type { Rule } from './rules';

/** Plain text of a number: at most 2 decimals, `n/a` for none. */
export function formatNumber(x: number | null): string {
	if (x === null || !Number.isFinite(x)) return 'n/a';
	return String(Math.round(x * 100) / 100);
}

/** The condition as text, e.g. `> 48`, `change < -20 %`, `|z| > 3.5`. */
export function conditionText(rule: Rule): string {
	if (rule.op === 'change_pct_gt') return `change > ${formatNumber(rule.threshold)} %`;
	if (rule.op === 'change_pct_lt') return `change < ${formatNumber(rule.threshold)} %`;
	if (rule.op === 'anomaly') return `|robust z| > ${formatNumber(rule.threshold)}`;
	return `${rule.op} ${formatNumber(rule.threshold)}`;
}

/** The value and what was compared, e.g. `71.83`, `812.5, change -25.5 %`, `40, robust z 4.12`. */
export function observedText(rule: Rule, event: Pick<AlertEvent, 'value' | 'observed'>): string {
	if (rule.op === 'change_pct_gt' || rule.op === 'change_pct_lt')
		return `${formatNumber(event.value)}, change ${formatNumber(event.observed)} %`;
	if (rule.op === 'anomaly') return `${formatNumber(event.value)}, robust z ${formatNumber(event.observed)}`;
	return formatNumber(event.value);
}

export function statusOf(event: AlertEvent): 'firing' | 'resolved' {
	return event.type === 'resolved' ? 'resolved' : 'firing';
}

/** `Firing`, `Still firing` or `Resolved`. */
export function headline(event: AlertEvent): string {
	return event.type === 'firing' ? 'Firing' : event.type === 'renotify' ? 'Still firing' : 'Resolved';
}

/** One line: `Firing: <name> — <metric> is <value> (condition > 48)`. */
export function summaryText(rule: Rule, event: AlertEvent): string {
	return `${headline(event)}: ${rule.name} — ${rule.metric} is ${observedText(rule, event)} (condition ${conditionText(rule)})`;
}

export function descriptionText(rule: Rule, event: AlertEvent): string {
	const when = event.endsAt ? `from ${event.startsAt} to ${event.endsAt}` : `since ${event.startsAt}`;
	return `Rule ${rule.id} (${rule.severity}) ${statusOf(event)} ${when}: ${rule.metric} is ${observedText(rule, event)}, condition ${conditionText(rule)}.`;
}
