import type { WebhookChannel } from './rules';

export type AttemptOutcome = 'delivered' | 'unconfirmed' | 'http-error' | 'network-error' | 'timeout' | 'config-error';

/** One try at sending a notification, as the history keeps it (never the URL: it is a secret). */
export interface Attempt {
	/** 1 for the first try. */
	attempt: number;
	at: string;
	outcome: AttemptOutcome;
	/** The receiver said it took it (2xx); false when it could not say (no-cors) or did not. */
	confirmed: boolean;
	status?: number;
	error?: string;
	ms?: number;
}

export interface DeliverOptions {
	fetch: (url: string, init: RequestInit) => Promise<Response>;
	sleep: (ms: number) => Promise<void>;
	/** Tries after the first (default 3). */
	retries?: number;
	/** The first retry waits this long, each next one twice as long (default 1000). */
	baseDelayMs?: number;
	/** No wait is longer than this, Retry-After included (default 30000). */
	capMs?: number;
	/** Each try is abandoned after this long (default 10000). */
	timeoutMs?: number;
	/** Where `env:NAME` URLs are read (the command line passes process.env). */
	env?: Record<string, string | undefined>;
	/**
	 * `no-cors`: for targets that refuse cross-origin calls from a page (Slack): a simple
	 * request (text/plain body) whose answer the page cannot read, so delivery is unconfirmed.
	 */
	mode?: 'cors' | 'no-cors';
	now?: () => number;
}

/** The URL a webhook posts to, or why there is none (naming the variable, never its value). */
export function resolveWebhookUrl(
	channel: WebhookChannel,
	env: Record<string, string | undefined> = {}
): { url: string } | { error: string } {
	if (channel.url === undefined) return { error: 'the webhook has no url (rules exported without secrets?)' };
	if (!channel.url.startsWith('env:')) return { url: channel.url };
	const name = channel.url.slice(4);
	const value = env[name]?.trim();
	if (!value) return { error: `environment variable ${name} is not set` };
	if (!/^https?:\/\/\S+$/.test(value)) return { error: `environment variable ${name} does not hold an http(s) URL` };
	return { url: value };
}

/** `slack webhook to hooks.slack.com` or `generic webhook from env:ALERT_URL`: names the target without its secret path. */
export function describeWebhook(channel: WebhookChannel): string {
	if (channel.url === undefined) return `${channel.format} webhook without url`;
	if (channel.url.startsWith('env:')) return `${channel.format} webhook from ${channel.url}`;
	try {
		return `${channel.format} webhook to ${new URL(channel.url).host}`;
	} catch {
		return `${channel.format} webhook`;
	}
}

function retryable(status: number): boolean {
	return status === 429 || status >= 500;
}

function retryAfterMs(res: Response): number | null {
	const header = res.headers.get('retry-after');
	if (header === null || !/^\d+$/.test(header.trim())) return null;
	return Number(header) * 1000;
}

/**
 * POST a payload to a webhook, retrying network errors, timeouts, 429 and 5xx with
 * exponential backoff (capped); other 4xx are not retried. Every try is returned.
 */
export async function deliverWebhook(channel: WebhookChannel, payload: unknown, options: DeliverOptions): Promise<Attempt[]> {
	const { retries = 3, baseDelayMs = 1000, capMs = 30_000, timeoutMs = 10_000, mode = 'cors', now = Date.now } = options;
	const attempts: Attempt[] = [];
	const target = resolveWebhookUrl(channel, options.env);
	if ('error' in target)
		return [{ attempt: 1, at: new Date(now()).toISOString(), outcome: 'config-error', confirmed: false, error: target.error }];
	const body = JSON.stringify(payload);
	const init: RequestInit =
		mode === 'no-cors'
			? { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body }
			: { method: 'POST', headers: { 'content-type': 'application/json' }, body };

	for (let n = 1; ; n++) {
		const started = now();
		const base = { attempt: n, at: new Date(started).toISOString() };
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		let wait: number | null = null;
		let attempt: Attempt;
		try {
			const res = await options.fetch(target.url, { ...init, signal: controller.signal });
			const text = mode === 'no-cors' ? '' : await res.text().catch(() => '');
			const ms = now() - started;
			if (mode === 'no-cors') attempt = { ...base, outcome: 'unconfirmed', confirmed: false, ms };
			else if (res.ok) attempt = { ...base, outcome: 'delivered', confirmed: true, status: res.status, ms };
			else {
				attempt = { ...base, outcome: 'http-error', confirmed: false, status: res.status, error: text.slice(0, 200) || res.statusText, ms };
				wait = retryable(res.status) ? (retryAfterMs(res) ?? -1) : null;
			}
		} catch (err) {
			const ms = now() - started;
			attempt = controller.signal.aborted
				? { ...base, outcome: 'timeout', confirmed: false, error: `no answer within ${timeoutMs} ms`, ms }
				: { ...base, outcome: 'network-error', confirmed: false, error: errorText(err), ms };
			wait = -1;
		} finally {
			clearTimeout(timer);
		}
		attempts.push(attempt);
		if (wait === null || n > retries) return attempts;
		const backoff = baseDelayMs * 2 ** (n - 1);
		await options.sleep(Math.min(capMs, wait >= 0 ? Math.max(wait, backoff) : backoff));
	}
}

function errorText(err: unknown): string {
	if (!(err instanceof Error)) return String(err);
	const cause = (err as Error & { cause?: unknown }).cause;
	return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
}

/** Whether the tries ended with the notification handed over (confirmed or not). */
export function wasSent(attempts: readonly Attempt[]): boolean {
	const last = attempts[attempts.length - 1];
	return last !== undefined && (last.outcome === 'delivered' || last.outcome === 'unconfirmed');
}
