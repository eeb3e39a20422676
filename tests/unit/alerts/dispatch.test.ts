import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhook } from '../../../src/lib/alerts/deliver';
import { dispatch, type SendWebhook } from '../../../src/lib/alerts/dispatch';
import { evaluate } from '../../../src/lib/alerts/evaluate';
import type { Rule } from '../../../src/lib/alerts/rules';
import { addHistory, emptyState, HISTORY_LIMIT, parseState, serializeState, type HistoryEntry } from '../../../src/lib/alerts/state-file';
import { startReceiver } from './receiver';

const T0 = Date.UTC(2025, 0, 1);
let ok: Awaited<ReturnType<typeof startReceiver>>;
let flaky: Awaited<ReturnType<typeof startReceiver>>;
let flakyUp = false;
beforeAll(async () => {
	ok = await startReceiver();
	flaky = await startReceiver(() => (flakyUp ? { status: 200 } : { status: 503 }));
});
afterAll(async () => {
	await ok.close();
	await flaky.close();
});

const send: SendWebhook = (channel, payload) =>
	deliverWebhook(channel, payload, { fetch: globalThis.fetch, sleep: async () => {}, retries: 1, baseDelayMs: 1, timeoutMs: 2000 });

function rule(url: string, over: Partial<Rule> = {}): Rule {
	return {
		id: 'low-csat',
		name: 'CSAT below 80 %',
		enabled: true,
		metric: 'value.csat_pct',
		op: '<',
		threshold: 80,
		pendingFor: 1,
		severity: 'warning',
		onResolve: true,
		channels: [{ type: 'browser' }, { type: 'webhook', url, format: 'generic' }],
		...over
	};
}

describe('dispatch', () => {
	it('sends a new event once; an evaluator sharing the state skips it', async () => {
		const before = ok.received.length;
		const r = rule(ok.url);
		const doc = emptyState();
		const { state, events } = evaluate(r, { kind: 'value', value: 70 }, undefined, T0);
		doc.rules[r.id] = state;
		const first = await dispatch(doc, [r], events, { send, now: T0 });
		expect(first.map((x) => [x.outcome, x.channel, x.attempts.length])).toEqual([
			['sent', `generic webhook to ${new URL(ok.url).host}`, 1]
		]);
		expect(doc.sent).toEqual(['low-csat:2025-01-01T00:00:00.000Z/firing#1']);
		expect(doc.history).toMatchObject([
			{ type: 'firing', key: 'low-csat:2025-01-01T00:00:00.000Z/firing', value: 70, deliveries: [{ sent: true }] }
		]);
		// The history names the target by host only: the URL is a secret.
		expect(JSON.stringify(doc)).not.toContain(ok.url);

		// A second evaluator that computed the same event from the same state, after the first sent it.
		const shared = parseState(serializeState(doc));
		const second = await dispatch(shared, [r], events, { send, now: T0 });
		expect(second.map((x) => x.outcome)).toEqual(['skipped']);
		expect(ok.received.length - before).toBe(1);
		expect(shared.history).toHaveLength(1);
	});

	it('a notification no try got through waits in the outbox and goes with the next dispatch', async () => {
		flakyUp = false;
		const r = rule(flaky.url);
		const doc = emptyState();
		const { events } = evaluate(r, { kind: 'value', value: 70 }, undefined, T0);
		const first = await dispatch(doc, [r], events, { send, now: T0 });
		expect(first.map((x) => [x.outcome, x.attempts.map((a) => a.status)])).toEqual([['queued', [503, 503]]]);
		expect(doc.outbox).toMatchObject([{ key: 'low-csat:2025-01-01T00:00:00.000Z/firing#1', tries: 1 }]);
		expect(doc.sent).toEqual([]);

		flakyUp = true;
		const second = await dispatch(doc, [r], [], { send, now: T0 + 60_000 });
		expect(second.map((x) => x.outcome)).toEqual(['sent']);
		expect(doc.outbox).toEqual([]);
		expect(doc.sent).toEqual(['low-csat:2025-01-01T00:00:00.000Z/firing#1']);
		expect(doc.history[0].deliveries.map((d) => d.sent)).toEqual([false, true]);
	});

	it('gives up an outbox item after a day, or when its rule is gone', async () => {
		flakyUp = false;
		const r = rule(flaky.url);
		const doc = emptyState();
		const { events } = evaluate(r, { kind: 'value', value: 70 }, undefined, T0);
		await dispatch(doc, [r], events, { send, now: T0 });
		expect(doc.outbox).toHaveLength(1);
		const gone = structuredClone(doc);
		expect((await dispatch(gone, [], [], { send, now: T0 + 1000 })).map((x) => x.outcome)).toEqual(['dropped']);
		expect(gone.outbox).toEqual([]);
		expect((await dispatch(doc, [r], [], { send, now: T0 + 86_400_001 })).map((x) => x.outcome)).toEqual(['dropped']);
		expect(doc.outbox).toEqual([]);
	});
});

describe('the state document', () => {
	it('round-trips through JSON and refuses what is not a state, naming the field', () => {
		const doc = emptyState();
		doc.rules.r = evaluate(rule('https://x.example'), { kind: 'value', value: 70 }, undefined, T0).state;
		expect(parseState(serializeState(doc))).toEqual(doc);
		expect(() => parseState('[')).toThrow(/^not valid JSON/);
		expect(() => parseState({ version: 2 })).toThrow('version must be 1, not 2');
		expect(() => parseState({ version: 1, rules: { r: { status: 'burning', streak: 0, since: '' } } })).toThrow(
			'rules.r is not a rule state'
		);
		expect(() => parseState({ version: 1, rules: {}, sent: [1] })).toThrow('sent must be a list of strings');
		expect(() => parseState({ version: 1, rules: {}, outbox: {} })).toThrow('outbox must be a list');
	});

	it('keeps the newest history entries only', () => {
		const doc = emptyState();
		for (let i = 0; i < HISTORY_LIMIT + 3; i++) addHistory(doc, { key: `k${i}` } as HistoryEntry);
		expect(doc.history).toHaveLength(HISTORY_LIMIT);
		expect(doc.history[0].key).toBe('k3');
	});
});
