import type { AlertEvent } from './evaluate';
import { conditionText, descriptionText, formatNumber, headline, observedText, statusOf, summaryText } from './payload-text';
import type { Rule, WebhookFormat } from './rules';

export interface PayloadContext {
	/** Link back to the report the alert was raised on. */
	generatorURL?: string;
	receiver?: string;
}

/** Alertmanager writes this for an alert that has not ended. */
const NOT_ENDED = '0001-01-01T00:00:00Z';

/** The Alertmanager-style webhook body. */
export function genericPayload(rule: Rule, event: AlertEvent, ctx: PayloadContext = {}) {
	const status = statusOf(event);
	return {
		...(ctx.receiver !== undefined ? { receiver: ctx.receiver } : {}),
		status,
		alerts: [
			{
				status,
				labels: { alertname: rule.name, severity: rule.severity, metric: rule.metric, rule_id: rule.id },
				annotations: { summary: summaryText(rule, event), description: descriptionText(rule, event) },
				startsAt: event.startsAt,
				endsAt: event.endsAt ?? NOT_ENDED,
				generatorURL: ctx.generatorURL ?? '',
				value: event.observed,
				threshold: rule.threshold,
				fingerprint: event.fingerprint
			}
		]
	};
}

/** Slack mrkdwn gives `&`, `<` and `>` a meaning; Slack asks for them as entities. */
export function slackEscape(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Slack `{text, blocks}`: `text` is the notification fallback, blocks the message. */
export function slackPayload(rule: Rule, event: AlertEvent, ctx: PayloadContext = {}) {
	const field = (title: string, value: string) => ({ type: 'mrkdwn', text: `*${title}*\n${slackEscape(value)}` });
	const blocks: Record<string, unknown>[] = [
		{ type: 'header', text: { type: 'plain_text', text: `${headline(event)}: ${rule.name}`.slice(0, 150), emoji: false } },
		{
			type: 'section',
			fields: [
				field('Metric', rule.metric),
				field('Value', observedText(rule, event)),
				field('Condition', conditionText(rule)),
				field('Severity', rule.severity)
			]
		},
		{ type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(descriptionText(rule, event)) }] }
	];
	if (ctx.generatorURL)
		blocks.push({
			type: 'actions',
			elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open report' }, url: ctx.generatorURL }]
		});
	return { text: slackEscape(summaryText(rule, event)), blocks };
}

/** A Microsoft Teams message holding an adaptive card (plain text in every field). */
export function teamsPayload(rule: Rule, event: AlertEvent, ctx: PayloadContext = {}) {
	const color =
		event.type === 'resolved' ? 'Good' : rule.severity === 'critical' ? 'Attention' : rule.severity === 'warning' ? 'Warning' : 'Accent';
	const facts = [
		{ title: 'Metric', value: rule.metric },
		{ title: 'Value', value: observedText(rule, event) },
		{ title: 'Condition', value: conditionText(rule) },
		{ title: 'Threshold', value: formatNumber(rule.threshold) },
		{ title: 'Severity', value: rule.severity },
		{ title: 'Started', value: event.startsAt },
		...(event.endsAt ? [{ title: 'Ended', value: event.endsAt }] : [])
	];
	return {
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
						{ type: 'TextBlock', text: `${headline(event)}: ${rule.name}`, weight: 'Bolder', size: 'Medium', wrap: true, color },
						{ type: 'TextBlock', text: descriptionText(rule, event), wrap: true },
						{ type: 'FactSet', facts }
					],
					...(ctx.generatorURL ? { actions: [{ type: 'Action.OpenUrl', title: 'Open report', url: ctx.generatorURL }] } : {})
				}
			}
		]
	};
}

/** The body for a webhook of this format. */
export function buildPayload(format: WebhookFormat, rule: Rule, event: AlertEvent, ctx: PayloadContext = {}): unknown {
	if (format === 'slack') return slackPayload(rule, event, ctx);
	if (format === 'teams') return teamsPayload(rule, event, ctx);
	return genericPayload(rule, event, ctx);
}
