import { describeWebhook, wasSent, type Attempt } from './deliver';
import type { AlertEvent } from './evaluate';
import { buildPayload, type PayloadContext } from './payloads';
import type { Rule, WebhookChannel } from './rules';
import { addHistory, hasSent, historyEntry, markSent, OUTBOX_MAX_AGE_MS, type AlertStateDoc } from './state-file';

export type SendWebhook = (channel: WebhookChannel, payload: unknown) => Promise<Attempt[]>;

/** What happened to one notification on one channel during this dispatch. */
export interface DispatchResult {
	ruleId: string;
	event: AlertEvent;
	channel: string;
	/** `sent`: handed over now; `queued`: failed, kept in the outbox; `dropped`: given up; `skipped`: sent before. */
	outcome: 'sent' | 'queued' | 'dropped' | 'skipped';
	attempts: Attempt[];
}

async function send(
	doc: AlertStateDoc,
	rule: Rule,
	event: AlertEvent,
	index: number,
	channel: WebhookChannel,
	sendWebhook: SendWebhook,
	ctx: PayloadContext
): Promise<{ sent: boolean; attempts: Attempt[] }> {
	const attempts = await sendWebhook(channel, buildPayload(channel.format, rule, event, ctx));
	const sent = wasSent(attempts);
	if (sent) markSent(doc, `${event.key}#${index}`);
	historyEntry(doc, event.key)?.deliveries.push({ channel: describeWebhook(channel), attempts, sent });
	return { sent, attempts };
}

/**
 * Send new events to their rules' webhooks and retry the outbox, recording every try in the
 * history. A notification whose key is in `doc.sent` is skipped, so evaluators sharing the
 * state never send it twice; one that fails every try waits in the outbox for the next call.
 */
export async function dispatch(
	doc: AlertStateDoc,
	rules: readonly Rule[],
	events: readonly AlertEvent[],
	options: { send: SendWebhook; now: number; payload?: PayloadContext }
): Promise<DispatchResult[]> {
	const results: DispatchResult[] = [];
	const ctx = options.payload ?? {};
	const byId = new Map(rules.map((r) => [r.id, r]));

	const waiting = doc.outbox;
	doc.outbox = [];
	for (const item of waiting) {
		const rule = byId.get(item.ruleId);
		const channel = rule?.channels[item.channel];
		if (hasSent(doc, item.key)) continue;
		if (!rule || channel?.type !== 'webhook' || options.now - Date.parse(item.firstTriedAt) > OUTBOX_MAX_AGE_MS) {
			results.push({
				ruleId: item.ruleId,
				event: item.event,
				channel: channel?.type === 'webhook' ? describeWebhook(channel) : 'gone',
				outcome: 'dropped',
				attempts: []
			});
			continue;
		}
		const { sent, attempts } = await send(doc, rule, item.event, item.channel, channel, options.send, ctx);
		if (!sent) doc.outbox.push({ ...item, tries: item.tries + 1 });
		results.push({ ruleId: rule.id, event: item.event, channel: describeWebhook(channel), outcome: sent ? 'sent' : 'queued', attempts });
	}

	for (const event of events) {
		const rule = byId.get(event.ruleId);
		if (!rule) continue;
		if (!historyEntry(doc, event.key))
			addHistory(doc, {
				at: event.at,
				ruleId: rule.id,
				type: event.type,
				fingerprint: event.fingerprint,
				key: event.key,
				value: event.value,
				observed: event.observed,
				threshold: event.threshold,
				deliveries: []
			});
		for (const [index, channel] of rule.channels.entries()) {
			if (channel.type !== 'webhook') continue;
			const key = `${event.key}#${index}`;
			if (hasSent(doc, key) || doc.outbox.some((o) => o.key === key)) {
				results.push({ ruleId: rule.id, event, channel: describeWebhook(channel), outcome: 'skipped', attempts: [] });
				continue;
			}
			const { sent, attempts } = await send(doc, rule, event, index, channel, options.send, ctx);
			if (!sent) doc.outbox.push({ key, ruleId: rule.id, channel: index, event, firstTriedAt: event.at, tries: 1 });
			results.push({ ruleId: rule.id, event, channel: describeWebhook(channel), outcome: sent ? 'sent' : 'queued', attempts });
		}
	}
	return results;
}
