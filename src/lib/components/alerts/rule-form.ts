import { OPS, parseRules, SEVERITIES, WEBHOOK_FORMATS, type Rule, type WebhookFormat } from '$lib/alerts/rules';

export { OPS, SEVERITIES, WEBHOOK_FORMATS };

/** The editor's fields, all as the inputs hold them. */
export interface RuleForm {
	id: string;
	name: string;
	enabled: boolean;
	metric: string;
	op: string;
	threshold: string;
	pendingFor: string;
	keepFiringFor: string;
	cooldown: string;
	severity: string;
	onResolve: boolean;
	browser: boolean;
	webhookUrl: string;
	webhookFormat: WebhookFormat;
}

export function emptyForm(metric = ''): RuleForm {
	return {
		id: '',
		name: '',
		enabled: true,
		metric,
		op: '>',
		threshold: '',
		pendingFor: '1',
		keepFiringFor: '',
		cooldown: '',
		severity: 'warning',
		onResolve: true,
		browser: true,
		webhookUrl: '',
		webhookFormat: 'generic'
	};
}

export function formOf(rule: Rule): RuleForm {
	const hook = rule.channels.find((c) => c.type === 'webhook');
	return {
		id: rule.id,
		name: rule.name,
		enabled: rule.enabled,
		metric: rule.metric,
		op: rule.op,
		threshold: String(rule.threshold),
		pendingFor: String(rule.pendingFor),
		keepFiringFor: rule.keepFiringFor ?? '',
		cooldown: rule.cooldown ?? '',
		severity: rule.severity,
		onResolve: rule.onResolve,
		browser: rule.channels.some((c) => c.type === 'browser'),
		webhookUrl: hook?.url ?? '',
		webhookFormat: hook?.format ?? 'generic'
	};
}

/** A number when the text is one; the text itself otherwise, so parseRules names it. */
function num(text: string): unknown {
	const t = text.trim();
	if (t === '') return undefined;
	return Number.isFinite(Number(t)) ? Number(t) : t;
}

function slug(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** The rule as rules-file data, keeping what the form does not edit (filters, extras) from `base`. */
export function rawOf(form: RuleForm, base?: Record<string, unknown>): Record<string, unknown> {
	const channels: Record<string, unknown>[] = [];
	if (form.browser) channels.push({ type: 'browser' });
	if (form.webhookUrl.trim()) channels.push({ type: 'webhook', url: form.webhookUrl.trim(), format: form.webhookFormat });
	const raw: Record<string, unknown> = {
		...base,
		id: form.id.trim() || slug(form.name) || undefined,
		name: form.name.trim() || undefined,
		enabled: form.enabled,
		metric: form.metric,
		op: form.op,
		threshold: num(form.threshold),
		pendingFor: num(form.pendingFor),
		keepFiringFor: form.keepFiringFor.trim() || undefined,
		cooldown: form.cooldown.trim() || undefined,
		severity: form.severity,
		onResolve: form.onResolve,
		channels
	};
	return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
}

/** The rule the form describes, or the problem (naming the field). */
export function checkForm(form: RuleForm, base?: Record<string, unknown>): { rule: Rule } | { error: string } {
	try {
		return { rule: parseRules({ version: 1, rules: [rawOf(form, base)] })[0] };
	} catch (err) {
		return { error: err instanceof Error ? err.message : String(err) };
	}
}
