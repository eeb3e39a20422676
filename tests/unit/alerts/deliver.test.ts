import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, type DeliverOptions } from '../../../src/lib/alerts/deliver';
import type { AlertEvent } from '../../../src/lib/alerts/evaluate';
import { buildPayload } from '../../../src/lib/alerts/payloads';
import type { Rule, WebhookChannel } from '../../../src/lib/alerts/rules';
import { refusingUrl, startReceiver } from './receiver';

const STARTS = '2025-01-01T00:00:00.000Z';
const ENDS = '2025-01-01T06:00:00.000Z';

function rule(over: Partial<Rule>): Rule {
	return {
		id: 'slow-tickets',
		name: 'Ticket resolution p90 above 48 h',
		enabled: true,
		metric: 'process.ticket_resolution_hours.p90',
		op: '>',
		threshold: 48,
		pendingFor: 1,
		severity: 'warning',
		onResolve: true,
		channels: [],
		...over
	};
}

function event(ruleId: string, over: Partial<AlertEvent> = {}): AlertEvent {
	return {
		type: 'firing',
		ruleId,
		fingerprint: `${ruleId}:${STARTS}`,
		key: `${ruleId}:${STARTS}/firing`,
		at: STARTS,
		startsAt: STARTS,
		value: 71.83183,
		observed: 71.83183,
		threshold: 48,
		...over
	};
}

const delays: number[] = [];
const receivers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
	delays.length = 0;
	await Promise.all(receivers.splice(0).map((r) => r.close()));
});

function options(over: Partial<DeliverOptions> = {}): DeliverOptions {
	return { fetch: globalThis.fetch, sleep: async (ms) => void delays.push(ms), baseDelayMs: 100, capMs: 1000, timeoutMs: 2000, ...over };
}

async function receiver(...args: Parameters<typeof startReceiver>) {
	const r = await startReceiver(...args);
	receivers.push(r);
	return r;
}

const webhook = (url: string, format: WebhookChannel['format'] = 'generic'): WebhookChannel => ({ type: 'webhook', url, format });

describe('payloads, as a real receiver gets them', () => {
	it('generic: the Alertmanager-style body, as JSON', async () => {
		const r = await receiver();
		const payload = buildPayload('generic', rule({}), event('slow-tickets'), {
			generatorURL: 'https://pulse.example/report?x=1',
			receiver: 'ops'
		});
		const attempts = await deliverWebhook(webhook(r.url), payload, options());
		expect(attempts).toMatchObject([{ attempt: 1, outcome: 'delivered', confirmed: true, status: 200 }]);
		expect(r.received[0].method).toBe('POST');
		expect(r.received[0].path).toBe('/hook');
		expect(r.received[0].headers['content-type']).toBe('application/json');
		expect(r.bodies()).toEqual([
			{
				receiver: 'ops',
				status: 'firing',
				alerts: [
					{
						status: 'firing',
						labels: {
							alertname: 'Ticket resolution p90 above 48 h',
							severity: 'warning',
							metric: 'process.ticket_resolution_hours.p90',
							rule_id: 'slow-tickets'
						},
						annotations: {
							summary: 'Firing: Ticket resolution p90 above 48 h — process.ticket_resolution_hours.p90 is 71.83 (condition > 48)',
							description:
								'Rule slow-tickets (warning) firing since 2025-01-01T00:00:00.000Z: process.ticket_resolution_hours.p90 is 71.83, condition > 48.'
						},
						startsAt: STARTS,
						endsAt: '0001-01-01T00:00:00Z',
						generatorURL: 'https://pulse.example/report?x=1',
						value: 71.83183,
						threshold: 48,
						fingerprint: 'slow-tickets:2025-01-01T00:00:00.000Z'
					}
				]
			}
		]);
	});

	it('generic, resolved: status and endsAt', async () => {
		const r = await receiver();
		const resolved = event('slow-tickets', {
			type: 'resolved',
			key: `slow-tickets:${STARTS}/resolved`,
			at: ENDS,
			endsAt: ENDS,
			value: 30,
			observed: 30
		});
		await deliverWebhook(webhook(r.url), buildPayload('generic', rule({}), resolved), options());
		const [body] = r.bodies() as {
			status: string;
			receiver?: string;
			alerts: { status: string; endsAt: string; generatorURL: string; value: number }[];
		}[];
		expect(body.receiver).toBeUndefined();
		expect(body.status).toBe('resolved');
		expect(body.alerts[0]).toMatchObject({ status: 'resolved', endsAt: ENDS, generatorURL: '', value: 30 });
	});

	it('Slack: text and blocks, with & < > escaped where Slack reads mrkdwn and nowhere else', async () => {
		const r = await receiver();
		const late = rule({
			id: 'late-orders',
			name: 'Orders <late> & slow',
			metric: 'process.order_processing_hours.p90',
			severity: 'critical'
		});
		const payload = buildPayload('slack', late, event('late-orders', { value: 53.166, observed: 53.166 }), {
			generatorURL: 'https://pulse.example/r'
		});
		await deliverWebhook(webhook(r.url, 'slack'), payload, options());
		expect(r.bodies()).toEqual([
			{
				text: 'Firing: Orders &lt;late&gt; &amp; slow — process.order_processing_hours.p90 is 53.17 (condition &gt; 48)',
				blocks: [
					{ type: 'header', text: { type: 'plain_text', text: 'Firing: Orders <late> & slow', emoji: false } },
					{
						type: 'section',
						fields: [
							{ type: 'mrkdwn', text: '*Metric*\nprocess.order_processing_hours.p90' },
							{ type: 'mrkdwn', text: '*Value*\n53.17' },
							{ type: 'mrkdwn', text: '*Condition*\n&gt; 48' },
							{ type: 'mrkdwn', text: '*Severity*\ncritical' }
						]
					},
					{
						type: 'context',
						elements: [
							{
								type: 'mrkdwn',
								text: 'Rule late-orders (critical) firing since 2025-01-01T00:00:00.000Z: process.order_processing_hours.p90 is 53.17, condition &gt; 48.'
							}
						]
					},
					{
						type: 'actions',
						elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open report' }, url: 'https://pulse.example/r' }]
					}
				]
			}
		]);
	});

	it('Teams: an adaptive card in a message, plain text throughout', async () => {
		const r = await receiver();
		const drop = rule({
			id: 'revenue-drop',
			name: 'Revenue down > 20 %',
			metric: 'behaviour.revenue',
			op: 'change_pct_lt',
			threshold: -20
		});
		const resolved = event('revenue-drop', {
			type: 'resolved',
			key: `revenue-drop:${STARTS}/resolved`,
			at: ENDS,
			endsAt: ENDS,
			value: 950,
			observed: -5,
			threshold: -20
		});
		await deliverWebhook(webhook(r.url, 'teams'), buildPayload('teams', drop, resolved), options());
		expect(r.bodies()).toEqual([
			{
				type: 'message',
				attachments: [
					{
						contentType: 'application/vnd.microsoft.card.adaptive',
						contentUrl: null,
						content: {
							$schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
							type: 'AdaptiveCard',
							version: '1.4',
							body: [
								{ type: 'TextBlock', text: 'Resolved: Revenue down > 20 %', weight: 'Bolder', size: 'Medium', wrap: true, color: 'Good' },
								{
									type: 'TextBlock',
									text: 'Rule revenue-drop (warning) resolved from 2025-01-01T00:00:00.000Z to 2025-01-01T06:00:00.000Z: behaviour.revenue is 950, change -5 %, condition change < -20 %.',
									wrap: true
								},
								{
									type: 'FactSet',
									facts: [
										{ title: 'Metric', value: 'behaviour.revenue' },
										{ title: 'Value', value: '950, change -5 %' },
										{ title: 'Condition', value: 'change < -20 %' },
										{ title: 'Threshold', value: '-20' },
										{ title: 'Severity', value: 'warning' },
										{ title: 'Started', value: STARTS },
										{ title: 'Ended', value: ENDS }
									]
								}
							]
						}
					}
				]
			}
		]);
	});
});

describe('deliverWebhook: retries, timeouts and configuration', () => {
	const payload = { hello: 'world' };

	it('retries after two 500s and records three attempts; backoff doubles up to the cap', async () => {
		const r = await receiver((n) => (n <= 2 ? { status: 500, body: 'down' } : { status: 200 }));
		const attempts = await deliverWebhook(webhook(r.url), payload, options({ baseDelayMs: 100, capMs: 150 }));
		expect(attempts.map((a) => [a.attempt, a.outcome, a.status, a.confirmed])).toEqual([
			[1, 'http-error', 500, false],
			[2, 'http-error', 500, false],
			[3, 'delivered', 200, true]
		]);
		expect(attempts[0].error).toBe('down');
		expect(delays).toEqual([100, 150]); // 100 × 2⁰, then 100 × 2¹ = 200 capped at 150
		expect(r.received).toHaveLength(3);
	});

	it('gives up after the retries: 1 + 3 attempts, waits 100, 200, 400', async () => {
		const r = await receiver(() => ({ status: 503 }));
		const attempts = await deliverWebhook(webhook(r.url), payload, options());
		expect(attempts.map((a) => a.outcome)).toEqual(['http-error', 'http-error', 'http-error', 'http-error']);
		expect(delays).toEqual([100, 200, 400]);
	});

	it('a receiver that never answers: each attempt recorded as a timeout', async () => {
		const r = await receiver(() => 'hang');
		const attempts = await deliverWebhook(webhook(r.url), payload, options({ timeoutMs: 150, retries: 1 }));
		expect(attempts.map((a) => [a.outcome, a.confirmed, a.error])).toEqual([
			['timeout', false, 'no answer within 150 ms'],
			['timeout', false, 'no answer within 150 ms']
		]);
		expect(attempts[0].ms).toBeGreaterThanOrEqual(140);
		expect(r.received).toHaveLength(2);
	});

	it('does not retry a 400', async () => {
		const r = await receiver(() => ({ status: 400, body: 'invalid_payload' }));
		const attempts = await deliverWebhook(webhook(r.url), payload, options());
		expect(attempts).toMatchObject([{ attempt: 1, outcome: 'http-error', status: 400, error: 'invalid_payload', confirmed: false }]);
		expect(delays).toEqual([]);
	});

	it('a 429 waits as Retry-After asks (within the cap)', async () => {
		const r = await receiver((n) => (n === 1 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 204 }));
		const attempts = await deliverWebhook(webhook(r.url), payload, options({ capMs: 5000 }));
		expect(attempts.map((a) => a.status)).toEqual([429, 204]);
		expect(delays).toEqual([2000]);
	});

	it('a refused connection is a network error, retried', async () => {
		const attempts = await deliverWebhook(webhook(await refusingUrl()), payload, options({ retries: 1 }));
		expect(attempts.map((a) => a.outcome)).toEqual(['network-error', 'network-error']);
		expect(attempts[0].error).toMatch(/ECONNREFUSED/);
	});

	it('env:NAME is read from the given environment; unset, one error attempt names the variable', async () => {
		const r = await receiver();
		const ok = await deliverWebhook(webhook('env:PULSE_HOOK'), payload, options({ env: { PULSE_HOOK: r.url } }));
		expect(ok).toMatchObject([{ outcome: 'delivered', status: 200 }]);
		expect(r.bodies()).toEqual([payload]);
		const unset = await deliverWebhook(webhook('env:PULSE_HOOK'), payload, options({ env: {} }));
		expect(unset).toMatchObject([
			{ attempt: 1, outcome: 'config-error', confirmed: false, error: 'environment variable PULSE_HOOK is not set' }
		]);
		const notUrl = await deliverWebhook(webhook('env:PULSE_HOOK'), payload, options({ env: { PULSE_HOOK: 'hooks.example' } }));
		expect(notUrl[0].error).toBe('environment variable PULSE_HOOK does not hold an http(s) URL');
		expect(r.received).toHaveLength(1);
	});

	it('no-cors: a simple text/plain request, recorded as sent but not confirmed', async () => {
		const r = await receiver();
		const attempts = await deliverWebhook(webhook(r.url, 'slack'), payload, options({ mode: 'no-cors' }));
		expect(attempts).toMatchObject([{ attempt: 1, outcome: 'unconfirmed', confirmed: false }]);
		expect(attempts[0].status).toBeUndefined();
		expect(r.received[0].headers['content-type']).toBe('text/plain;charset=UTF-8');
		expect(JSON.parse(r.received[0].body)).toEqual(payload);
	});
});
