import { describe, expect, it } from 'vitest';
import { evaluate, type AlertEventType, type MetricResult, type RuleState, type RuleStatus } from '../../../src/lib/alerts/evaluate';
import type { Rule } from '../../../src/lib/alerts/rules';

const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
const MIN = 60_000;

function rule(over: Partial<Rule> = {}): Rule {
	return {
		id: 'r',
		name: 'R',
		enabled: true,
		metric: 'value.csat_pct',
		op: '<',
		threshold: 80,
		pendingFor: 1,
		severity: 'warning',
		onResolve: true,
		channels: [],
		...over
	};
}

const v = (value: number | null, extra: { previous?: number | null; history?: number[] } = {}): MetricResult => ({
	kind: 'value',
	value,
	...extra
});
const noData: MetricResult = { kind: 'no-data', reason: 'orders.shipped_at is missing' };
const error: MetricResult = { kind: 'error', message: 'query failed' };

interface Step {
	/** Minutes after T0. */
	t: number;
	result: MetricResult;
	status: RuleStatus;
	events?: AlertEventType[];
}

function deepFreeze<T>(x: T): T {
	if (typeof x === 'object' && x !== null) {
		for (const value of Object.values(x)) deepFreeze(value);
		Object.freeze(x);
	}
	return x;
}

/** Runs the steps in order, checking each status and event list; the previous state is frozen to prove evaluate() does not change it. */
function run(r: Rule, steps: Step[]) {
	let state: RuleState | undefined;
	const all = [];
	for (const [i, step] of steps.entries()) {
		const out = evaluate(r, step.result, state === undefined ? undefined : deepFreeze(state), T0 + step.t * MIN);
		expect(out.state.status, `step ${i} (t=${step.t})`).toBe(step.status);
		expect(
			out.events.map((e) => e.type),
			`events of step ${i} (t=${step.t})`
		).toEqual(step.events ?? []);
		all.push(out);
		state = out.state;
	}
	return all;
}

const cases: { name: string; rule: Partial<Rule>; steps: Step[] }[] = [
	{
		name: 'ok stays ok without events',
		rule: {},
		steps: [
			{ t: 0, result: v(85), status: 'ok' },
			{ t: 5, result: v(80), status: 'ok' } // 80 < 80 is false
		]
	},
	{
		name: 'ok → firing at once with pendingFor 1',
		rule: {},
		steps: [
			{ t: 0, result: v(85), status: 'ok' },
			{ t: 5, result: v(70), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: 'ok → pending → pending → firing with pendingFor 3',
		rule: { pendingFor: 3 },
		steps: [
			{ t: 0, result: v(70), status: 'pending' },
			{ t: 5, result: v(70), status: 'pending' },
			{ t: 10, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 15, result: v(70), status: 'firing' }
		]
	},
	{
		name: 'pending back to ok restarts the count',
		rule: { pendingFor: 2 },
		steps: [
			{ t: 0, result: v(70), status: 'pending' },
			{ t: 5, result: v(85), status: 'ok' },
			{ t: 10, result: v(70), status: 'pending' },
			{ t: 15, result: v(70), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: 'firing → resolved (onResolve) → ok',
		rule: { onResolve: true },
		steps: [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 5, result: v(85), status: 'resolved', events: ['resolved'] },
			{ t: 10, result: v(85), status: 'ok' }
		]
	},
	{
		name: 'firing → resolved without onResolve sends nothing',
		rule: { onResolve: false },
		steps: [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 5, result: v(85), status: 'resolved' },
			{ t: 10, result: v(70), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: 'still firing without a cooldown never re-notifies',
		rule: {},
		steps: [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 600, result: v(70), status: 'firing' },
			{ t: 6000, result: v(70), status: 'firing' }
		]
	},
	{
		name: 'cooldown 1h suppresses, then allows a renotify, counted from the last notification',
		rule: { cooldown: '1h' },
		steps: [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 30, result: v(70), status: 'firing' },
			{ t: 59, result: v(70), status: 'firing' },
			{ t: 60, result: v(70), status: 'firing', events: ['renotify'] }, // 60 − 0 ≥ 60 min
			{ t: 90, result: v(70), status: 'firing' }, // 90 − 60 < 60
			{ t: 120, result: v(70), status: 'firing', events: ['renotify'] }
		]
	},
	{
		name: 'keepFiringFor 30m holds the alert after the condition clears',
		rule: { keepFiringFor: '30m' },
		steps: [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 10, result: v(85), status: 'firing' }, // 10 − 0 < 30
			{ t: 20, result: v(70), status: 'firing' }, // holds again: counted from t=20 now
			{ t: 45, result: v(85), status: 'firing' }, // 45 − 20 = 25 < 30
			{ t: 50, result: v(85), status: 'resolved', events: ['resolved'] } // 50 − 20 = 30, not < 30
		]
	},
	{
		name: 'no-data from ok, then data that breaks the threshold',
		rule: {},
		steps: [
			{ t: 0, result: noData, status: 'no-data' },
			{ t: 5, result: v(null), status: 'no-data' },
			{ t: 10, result: v(70), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: 'no-data while firing holds the alert: no re-fire, later resolve',
		rule: {},
		steps: [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 5, result: noData, status: 'no-data' },
			{ t: 10, result: v(70), status: 'firing' },
			{ t: 15, result: v(85), status: 'resolved', events: ['resolved'] }
		]
	},
	{
		name: 'error, then recovery to ok',
		rule: {},
		steps: [
			{ t: 0, result: error, status: 'error' },
			{ t: 5, result: error, status: 'error' },
			{ t: 10, result: v(85), status: 'ok' }
		]
	},
	{
		name: 'an error breaks a pending streak',
		rule: { pendingFor: 2 },
		steps: [
			{ t: 0, result: v(70), status: 'pending' },
			{ t: 5, result: error, status: 'error' },
			{ t: 10, result: v(70), status: 'pending' },
			{ t: 15, result: v(70), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: 'an error while firing holds the alert until data says it is over',
		rule: {},
		steps: [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 5, result: error, status: 'error' },
			{ t: 10, result: v(90), status: 'resolved', events: ['resolved'] }
		]
	},
	{
		name: 'change_pct_lt -20 with minBaseline 100',
		rule: { op: 'change_pct_lt', threshold: -20, minBaseline: 100 },
		steps: [
			{ t: 0, result: v(70, { previous: 100 }), status: 'firing', events: ['firing'] }, // (70 − 100) / 100 = −30 %
			{ t: 5, result: v(75, { previous: 100 }), status: 'firing' }, // −25 %
			{ t: 10, result: v(85, { previous: 100 }), status: 'resolved', events: ['resolved'] }, // −15 %
			{ t: 15, result: v(8, { previous: 50 }), status: 'ok' }, // −84 %, but 50 < baseline 100
			{ t: 20, result: v(8, { previous: null }), status: 'no-data' },
			{ t: 25, result: v(8), status: 'no-data' }
		]
	},
	{
		name: 'change_pct_gt 50, with a negative previous value',
		rule: { op: 'change_pct_gt', threshold: 50 },
		steps: [
			{ t: 0, result: v(160, { previous: 100 }), status: 'firing', events: ['firing'] }, // +60 %
			{ t: 5, result: v(-5, { previous: -10 }), status: 'resolved', events: ['resolved'] }, // (−5 + 10) / |−10| = +50 %, not > 50
			{ t: 10, result: v(5, { previous: 0 }), status: 'ok' } // no change % from 0
		]
	},
	{
		name: 'anomaly: robust z over the history',
		// history 10 12 11 13 9 10 12: median 11; |x − 11| = 1 1 0 2 2 1 1 → MAD 1.
		rule: { op: 'anomaly', threshold: 3.5 },
		steps: [
			{ t: 0, result: v(20, { history: [10, 12, 11, 13, 9, 10, 12] }), status: 'firing', events: ['firing'] }, // z = 9 / 1.4826 = 6.07
			{ t: 5, result: v(15, { history: [10, 12, 11, 13, 9, 10, 12] }), status: 'resolved', events: ['resolved'] }, // z = 4 / 1.4826 = 2.70
			{ t: 10, result: v(5, { history: [10, 12, 11, 13, 9, 10, 12] }), status: 'firing', events: ['firing'] }, // z = −6 / 1.4826 = −4.05
			{ t: 15, result: v(5, { history: [10, 12, 11, 13] }), status: 'no-data' }, // 4 earlier values < 5
			{ t: 20, result: v(50, { history: [5, 5, 5, 5, 5] }), status: 'resolved', events: ['resolved'] } // MAD 0: no z, not compared
		]
	},
	{
		name: '>= 10',
		rule: { op: '>=', threshold: 10 },
		steps: [
			{ t: 0, result: v(9.99), status: 'ok' },
			{ t: 5, result: v(10), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: '<= 10',
		rule: { op: '<=', threshold: 10 },
		steps: [
			{ t: 0, result: v(10.01), status: 'ok' },
			{ t: 5, result: v(10), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: '== 0 and != 0',
		rule: { op: '==', threshold: 0 },
		steps: [
			{ t: 0, result: v(1), status: 'ok' },
			{ t: 5, result: v(0), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: '!= 0',
		rule: { op: '!=', threshold: 0 },
		steps: [
			{ t: 0, result: v(0), status: 'ok' },
			{ t: 5, result: v(-1), status: 'firing', events: ['firing'] }
		]
	},
	{
		name: '> 48',
		rule: { op: '>', threshold: 48 },
		steps: [
			{ t: 0, result: v(48), status: 'ok' },
			{ t: 5, result: v(48.01), status: 'firing', events: ['firing'] }
		]
	}
];

describe('evaluate: every state change', () => {
	it.each(cases)('$name', ({ rule: over, steps }) => {
		run(rule(over), steps);
	});
});

describe('evaluate: events and state', () => {
	it('firing, renotify and resolved events of one alert share its fingerprint; keys differ', () => {
		const [fire, , again, done] = run(rule({ cooldown: '30m' }), [
			{ t: 0, result: v(70), status: 'firing', events: ['firing'] },
			{ t: 10, result: v(72), status: 'firing' },
			{ t: 30, result: v(71), status: 'firing', events: ['renotify'] },
			{ t: 40, result: v(90), status: 'resolved', events: ['resolved'] }
		]);
		const fingerprint = 'r:2025-01-01T00:00:00.000Z';
		expect(fire.events[0]).toEqual({
			type: 'firing',
			ruleId: 'r',
			fingerprint,
			key: `${fingerprint}/firing`,
			at: '2025-01-01T00:00:00.000Z',
			startsAt: '2025-01-01T00:00:00.000Z',
			value: 70,
			observed: 70,
			threshold: 80
		});
		expect(again.events[0]).toMatchObject({ fingerprint, key: `${fingerprint}/renotify@2025-01-01T00:30:00.000Z`, value: 71 });
		expect(done.events[0]).toMatchObject({
			fingerprint,
			key: `${fingerprint}/resolved`,
			startsAt: '2025-01-01T00:00:00.000Z',
			endsAt: '2025-01-01T00:40:00.000Z',
			value: 90
		});
	});

	it('the same state, input and time give the same events: two evaluators sharing state agree on the keys', () => {
		const r = rule();
		const a = evaluate(r, v(70), undefined, T0);
		const b = evaluate(r, v(70), undefined, T0);
		expect(b).toEqual(a);
		// Whoever reads the state after the first evaluator finds it firing and sends nothing.
		expect(evaluate(r, v(70), a.state, T0 + MIN).events).toEqual([]);
	});

	it('keeps what was compared, the time the status began, and why there is no data', () => {
		const r = rule({ op: 'change_pct_lt', threshold: -20 });
		const first = evaluate(r, v(70, { previous: 100 }), undefined, T0).state;
		expect(first).toMatchObject({ status: 'firing', value: 70, observed: -30, since: '2025-01-01T00:00:00.000Z', streak: 1 });
		const second = evaluate(r, v(60, { previous: 100 }), first, T0 + 5 * MIN).state;
		expect(second).toMatchObject({ since: '2025-01-01T00:00:00.000Z', evaluatedAt: '2025-01-01T00:05:00.000Z', observed: -40 });
		const gap = evaluate(r, noData, second, T0 + 10 * MIN).state;
		expect(gap).toMatchObject({ status: 'no-data', note: 'orders.shipped_at is missing', value: null, since: '2025-01-01T00:10:00.000Z' });
		expect(gap.alert?.fingerprint).toBe('r:2025-01-01T00:00:00.000Z');
	});
});
