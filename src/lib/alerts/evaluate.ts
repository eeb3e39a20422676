import { breaks, changePct, MIN_ANOMALY_HISTORY, robustZ } from './condition';
import { parseDuration } from './duration';
import type { Rule } from './rules';

/** What a rule's metric gave at one evaluation. */
export type MetricResult =
	| { kind: 'value'; value: number | null; previous?: number | null; history?: readonly number[] }
	| { kind: 'no-data'; reason: string }
	| { kind: 'error'; message: string };

/** `resolved` lasts one evaluation: the next one is `ok` (or `pending`/`firing` again). */
export type RuleStatus = 'ok' | 'pending' | 'firing' | 'resolved' | 'no-data' | 'error';

/** The alert a rule has raised; kept through no-data and error so a gap neither resolves nor re-fires it. */
export interface ActiveAlert {
	startsAt: string;
	/** `${rule.id}:${startsAt}`: the same for every evaluator that shares this state. */
	fingerprint: string;
	/** The last evaluation at which the condition held (keepFiringFor counts from here). */
	lastTrueAt: string;
	/** The last notification (cooldown counts from here). */
	notifiedAt: string;
}

export interface RuleState {
	status: RuleStatus;
	/** When the status last changed. */
	since: string;
	evaluatedAt: string;
	/** Consecutive evaluations the condition held (pendingFor counts these). */
	streak: number;
	alert?: ActiveAlert;
	/** The metric's value. */
	value: number | null;
	/** What was compared with the threshold: the value, the change in %, or the robust z. */
	observed: number | null;
	/** Why there is no data, the error, or why a value was not compared. */
	note?: string;
}

export type AlertEventType = 'firing' | 'resolved' | 'renotify';

export interface AlertEvent {
	type: AlertEventType;
	ruleId: string;
	/** The alert's fingerprint (the same for its firing, renotify and resolved events). */
	fingerprint: string;
	/** This notification's key: a sender that has it in its history has sent it already. */
	key: string;
	at: string;
	startsAt: string;
	/** Set on `resolved`. */
	endsAt?: string;
	value: number | null;
	observed: number | null;
	threshold: number;
}

interface Check {
	holds: boolean;
	observed: number | null;
	note?: string;
	noData?: string;
}

function check(rule: Rule, result: Extract<MetricResult, { kind: 'value' }>, value: number): Check {
	if (rule.op === 'change_pct_gt' || rule.op === 'change_pct_lt') {
		const previous = result.previous;
		if (previous === undefined || previous === null) return { holds: false, observed: null, noData: 'no value for the previous period' };
		const baseline = rule.minBaseline ?? 0;
		const change = changePct(value, previous);
		if (change === null || Math.abs(previous) < baseline)
			return { holds: false, observed: null, note: `previous value ${previous} is below the minimum baseline ${baseline}: not compared` };
		return { holds: breaks(rule.op, change, rule.threshold), observed: change };
	}
	if (rule.op === 'anomaly') {
		const history = result.history ?? [];
		if (history.length < MIN_ANOMALY_HISTORY)
			return { holds: false, observed: null, noData: `anomaly needs ${MIN_ANOMALY_HISTORY} earlier values, has ${history.length}` };
		const z = robustZ(value, history);
		if (z === null) return { holds: false, observed: null, note: 'the earlier values do not vary (MAD 0): no z-score' };
		return { holds: breaks('anomaly', z, rule.threshold), observed: z };
	}
	return { holds: breaks(rule.op, value, rule.threshold), observed: value };
}

function elapsed(fromIso: string, now: number): number {
	return now - Date.parse(fromIso);
}

/**
 * One evaluation of a rule: its new state and the notifications it calls for. Pure: the
 * time comes in as `now` (ms since the epoch) and nothing is sent from here.
 */
export function evaluate(
	rule: Rule,
	result: MetricResult,
	previousState: RuleState | undefined,
	now: number
): { state: RuleState; events: AlertEvent[] } {
	const at = new Date(now).toISOString();
	const prev = previousState;
	const events: AlertEvent[] = [];
	const next = (fields: Omit<RuleState, 'since' | 'evaluatedAt'>): { state: RuleState; events: AlertEvent[] } => ({
		state: { ...fields, since: prev && prev.status === fields.status ? prev.since : at, evaluatedAt: at },
		events
	});
	const event = (type: AlertEventType, alert: ActiveAlert, value: number | null, observed: number | null): AlertEvent => ({
		type,
		ruleId: rule.id,
		fingerprint: alert.fingerprint,
		key: type === 'renotify' ? `${alert.fingerprint}/renotify@${at}` : `${alert.fingerprint}/${type}`,
		at,
		startsAt: alert.startsAt,
		...(type === 'resolved' ? { endsAt: at } : {}),
		value,
		observed,
		threshold: rule.threshold
	});
	// A still-firing alert is notified again once the cooldown has passed since the last notification.
	const renotify = (alert: ActiveAlert, value: number, observed: number | null): ActiveAlert => {
		if (rule.cooldown === undefined || elapsed(alert.notifiedAt, now) < parseDuration(rule.cooldown)) return alert;
		const again = { ...alert, notifiedAt: at };
		events.push(event('renotify', again, value, observed));
		return again;
	};
	const gap = (status: 'no-data' | 'error', note: string) =>
		next({ status, streak: 0, ...(prev?.alert ? { alert: prev.alert } : {}), value: null, observed: null, note });

	if (result.kind === 'no-data') return gap('no-data', result.reason);
	if (result.kind === 'error') return gap('error', result.message);
	if (result.value === null || !Number.isFinite(result.value)) return gap('no-data', 'the metric has no value');
	const value = result.value;
	const c = check(rule, result, value);
	if (c.noData) return gap('no-data', c.noData);
	const note = c.note ? { note: c.note } : {};

	if (c.holds) {
		const streak = (prev?.streak ?? 0) + 1;
		if (prev?.alert) {
			const alert = renotify({ ...prev.alert, lastTrueAt: at }, value, c.observed);
			return next({ status: 'firing', streak, alert, value, observed: c.observed, ...note });
		}
		if (streak < rule.pendingFor) return next({ status: 'pending', streak, value, observed: c.observed, ...note });
		const alert: ActiveAlert = { startsAt: at, fingerprint: `${rule.id}:${at}`, lastTrueAt: at, notifiedAt: at };
		events.push(event('firing', alert, value, c.observed));
		return next({ status: 'firing', streak, alert, value, observed: c.observed, ...note });
	}

	if (!prev?.alert) return next({ status: 'ok', streak: 0, value, observed: c.observed, ...note });
	if (rule.keepFiringFor !== undefined && elapsed(prev.alert.lastTrueAt, now) < parseDuration(rule.keepFiringFor)) {
		const alert = renotify(prev.alert, value, c.observed);
		return next({ status: 'firing', streak: 0, alert, value, observed: c.observed, ...note });
	}
	if (rule.onResolve) events.push(event('resolved', prev.alert, value, c.observed));
	return next({ status: 'resolved', streak: 0, value, observed: c.observed, ...note });
}
