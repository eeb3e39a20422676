import type { Attempt } from './deliver';
import type { DispatchResult } from './dispatch';
import type { RuleState } from './evaluate';
import { conditionText, observedText } from './payload-text';
import type { Rule } from './rules';

/** `firing    slow-tickets  process.ticket_resolution_hours.p90 = 71.83 (condition > 48)`, one line per rule. */
export function ruleLine(rule: Rule, state: RuleState | undefined, idWidth = 0): string {
	const head = `${(state?.status ?? 'disabled').padEnd(9)} ${rule.id.padEnd(idWidth)}`;
	if (!state) return `${head}  ${rule.metric} (disabled)`;
	const note = state.note ? ` — ${state.note}` : '';
	if (state.status === 'no-data' || state.status === 'error') return `${head}  ${rule.metric}${note}${state.alert ? ' (alert held)' : ''}`;
	const pending = state.status === 'pending' ? `, ${state.streak} of ${rule.pendingFor} evaluations` : '';
	return `${head}  ${rule.metric} = ${observedText(rule, state)} (condition ${conditionText(rule)}${pending})${note}`;
}

/** `  → firing slow-tickets: generic webhook to hooks.example: sent (HTTP 200, 1 attempt)`. */
export function deliveryLine(result: DispatchResult): string {
	const last = result.attempts[result.attempts.length - 1];
	const tries = `${result.attempts.length} attempt${result.attempts.length === 1 ? '' : 's'}`;
	return `  → ${result.event.type} ${result.ruleId}: ${result.channel}: ${outcomeText(result, last, tries)}`;
}

function outcomeText(result: DispatchResult, last: Attempt | undefined, tries: string): string {
	if (result.outcome === 'skipped') return 'already sent';
	if (result.outcome === 'dropped') return 'given up (rule, channel or age)';
	if (last?.outcome === 'unconfirmed') return `sent, delivery not confirmed (${tries})`;
	if (result.outcome === 'sent') return `sent (HTTP ${last?.status}, ${tries})`;
	const why = last ? `${last.outcome}${last.status ? ` ${last.status}` : ''}${last.error ? `: ${last.error}` : ''}` : 'no attempt';
	return `failed, queued for the next run (${why}, ${tries})`;
}
