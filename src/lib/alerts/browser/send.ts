import { deliverWebhook, type Attempt } from '../deliver';
import type { WebhookChannel } from '../rules';

/** Slack does not answer cross-origin calls: its webhooks get a simple request, unconfirmed. */
export function isNoCors(channel: WebhookChannel): boolean {
	return channel.format === 'slack' || /^https:\/\/hooks\.slack\.com\//.test(channel.url ?? '');
}

/** Sends a webhook from the page (fetch), with the retries of deliverWebhook. */
export function browserSend(
	channel: WebhookChannel,
	payload: unknown,
	options: { retries?: number; baseDelayMs?: number } = {}
): Promise<Attempt[]> {
	return deliverWebhook(channel, payload, {
		fetch: (url, init) => fetch(url, init),
		sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
		mode: isNoCors(channel) ? 'no-cors' : 'cors',
		...options
	});
}
