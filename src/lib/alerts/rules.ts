import { isDate } from '../metrics/settings';
import type { Filters } from '../metrics/types';
import { parseDuration } from './duration';

export { parseDuration } from './duration';

export const OPS = ['>', '>=', '<', '<=', '==', '!=', 'change_pct_gt', 'change_pct_lt', 'anomaly'] as const;
export type Op = (typeof OPS)[number];
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const WEBHOOK_FORMATS = ['generic', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** |z| above this is an anomaly when an `anomaly` rule gives no threshold (DESIGN.md §3). */
export const DEFAULT_ANOMALY_Z = 3.5;

export interface BrowserChannel {
	type: 'browser';
	/** Fields this version does not know, kept for the next export. */
	extra?: Record<string, unknown>;
}

export interface WebhookChannel {
	type: 'webhook';
	/** `https://…`, or `env:NAME` (read from the environment). Absent when exported without secrets. */
	url?: string;
	format: WebhookFormat;
	extra?: Record<string, unknown>;
}

export type Channel = BrowserChannel | WebhookChannel;

/** A rule of DESIGN.md §4. */
export interface Rule {
	id: string;
	name: string;
	enabled: boolean;
	/** A full metric id (DESIGN.md §3). */
	metric: string;
	/** Narrow the metric beyond the report's filters (these win key by key). */
	filters?: Filters;
	op: Op;
	/** Compared with the value; a percentage for `change_pct_*`; |z| for `anomaly`. */
	threshold: number;
	/** Consecutive evaluations the condition must hold before the rule fires (1: at once). */
	pendingFor: number;
	/** Stay firing this long after the condition clears ("30m", "4h"). */
	keepFiringFor?: string;
	/** Re-notify a still-firing alert once this long has passed since the last notification. */
	cooldown?: string;
	severity: Severity;
	/** Notify when the alert resolves. */
	onResolve: boolean;
	channels: Channel[];
	/** `change_pct_*`: a previous value smaller than this (in absolute value) is not compared. */
	minBaseline?: number;
	/** Fields this version does not know, kept for the next export. */
	extra?: Record<string, unknown>;
}

export interface RulesFile {
	version: 1;
	rules: Rule[];
}

const RULE_FIELDS = [
	'id',
	'name',
	'enabled',
	'metric',
	'filters',
	'op',
	'threshold',
	'pendingFor',
	'keepFiringFor',
	'cooldown',
	'severity',
	'onResolve',
	'channels',
	'minBaseline'
] as const;
const FILTER_FIELDS = ['from', 'to', 'channel', 'segment'] as const;

type Fail = (field: string, problem: string, value: unknown) => never;

function show(value: unknown): string {
	return value === undefined ? 'missing' : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function extraFields(raw: Record<string, unknown>, known: readonly string[]): Record<string, unknown> | undefined {
	const extra = Object.fromEntries(Object.entries(raw).filter(([k]) => !known.includes(k)));
	return Object.keys(extra).length ? extra : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fail: Fail): T {
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
		fail(field, `must be one of ${allowed.join(' ')}`, value);
	return value as T;
}

function finite(value: unknown, field: string, fail: Fail): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, 'must be a number', value);
	return value as number;
}

function duration(value: unknown, field: string, fail: Fail): string | undefined {
	if (value === undefined) return undefined;
	try {
		parseDuration(value as string);
	} catch {
		fail(field, 'must be a duration such as "30m", "4h" or "1d"', value);
	}
	return value as string;
}

function parseFilters(value: unknown, fail: Fail): Filters | undefined {
	if (value === undefined) return undefined;
	if (!isObject(value)) fail('filters', 'must be an object', value);
	const raw = value as Record<string, unknown>;
	const filters: Filters = {};
	for (const [key, v] of Object.entries(raw)) {
		if (!(FILTER_FIELDS as readonly string[]).includes(key)) fail(`filters.${key}`, `is not a filter (use ${FILTER_FIELDS.join(', ')})`, v);
		if (typeof v !== 'string') fail(`filters.${key}`, 'must be a string', v);
		if ((key === 'from' || key === 'to') && !isDate(v as string)) fail(`filters.${key}`, 'must be a date YYYY-MM-DD', v);
		filters[key as keyof Filters] = v as string;
	}
	if (filters.from && filters.to && filters.from > filters.to)
		fail('filters.from', `is after filters.to ${show(filters.to)}`, filters.from);
	return filters;
}

function parseChannel(value: unknown, field: string, fail: Fail): Channel {
	if (!isObject(value)) fail(field, 'must be an object', value);
	const raw = value as Record<string, unknown>;
	const type = oneOf(raw.type, ['browser', 'webhook'] as const, `${field}.type`, fail);
	if (type === 'browser') {
		const extra = extraFields(raw, ['type']);
		return { type, ...(extra ? { extra } : {}) };
	}
	const url = raw.url;
	if (url !== undefined && (typeof url !== 'string' || !/^(https?:\/\/\S+|env:[A-Za-z_][A-Za-z0-9_]*)$/.test(url)))
		fail(`${field}.url`, 'must be an http(s) URL or env:NAME', url);
	const format = raw.format === undefined ? 'generic' : oneOf(raw.format, WEBHOOK_FORMATS, `${field}.format`, fail);
	const extra = extraFields(raw, ['type', 'url', 'format']);
	return { type, ...(url !== undefined ? { url: url as string } : {}), format, ...(extra ? { extra } : {}) };
}

function parseRule(value: unknown, index: number): Rule {
	const label = isObject(value) && typeof value.id === 'string' && value.id ? `rule ${JSON.stringify(value.id)}` : `rule #${index + 1}`;
	const fail: Fail = (field, problem, bad) => {
		throw new Error(`${label}: ${field} ${problem}, not ${show(bad)}`);
	};
	if (!isObject(value)) throw new Error(`${label}: must be an object, not ${show(value)}`);
	const raw = value;
	if (typeof raw.id !== 'string' || !/^\S+$/.test(raw.id)) fail('id', 'must be a non-empty string without spaces', raw.id);
	if (raw.name !== undefined && typeof raw.name !== 'string') fail('name', 'must be a string', raw.name);
	if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean') fail('enabled', 'must be true or false', raw.enabled);
	if (typeof raw.metric !== 'string' || !/^[a-z]+\.\S+$/.test(raw.metric))
		fail('metric', 'must be a full metric id such as "value.csat_pct"', raw.metric);
	const op = oneOf(raw.op, OPS, 'op', fail);
	const threshold = op === 'anomaly' && raw.threshold === undefined ? DEFAULT_ANOMALY_Z : finite(raw.threshold, 'threshold', fail);
	if (op === 'anomaly' && threshold <= 0) fail('threshold', 'must be above 0 for anomaly (a robust z-score)', threshold);
	const pendingFor = raw.pendingFor === undefined ? 1 : raw.pendingFor;
	if (typeof pendingFor !== 'number' || !Number.isInteger(pendingFor) || pendingFor < 1)
		fail('pendingFor', 'must be a whole number of evaluations, 1 or more', pendingFor);
	const severity = raw.severity === undefined ? 'warning' : oneOf(raw.severity, SEVERITIES, 'severity', fail);
	if (raw.onResolve !== undefined && typeof raw.onResolve !== 'boolean') fail('onResolve', 'must be true or false', raw.onResolve);
	if (raw.channels !== undefined && !Array.isArray(raw.channels)) fail('channels', 'must be a list', raw.channels);
	const channels = ((raw.channels ?? []) as unknown[]).map((c, i) => parseChannel(c, `channels[${i}]`, fail));
	let minBaseline: number | undefined;
	if (raw.minBaseline !== undefined) {
		minBaseline = finite(raw.minBaseline, 'minBaseline', fail);
		if (minBaseline < 0) fail('minBaseline', 'must be 0 or more', minBaseline);
		if (!op.startsWith('change_pct_')) fail('minBaseline', `applies only to change_pct_gt and change_pct_lt (op is ${op})`, minBaseline);
	}
	const filters = parseFilters(raw.filters, fail);
	const keepFiringFor = duration(raw.keepFiringFor, 'keepFiringFor', fail);
	const cooldown = duration(raw.cooldown, 'cooldown', fail);
	const extra = extraFields(raw, RULE_FIELDS);
	return {
		id: raw.id as string,
		name: (raw.name as string | undefined) || (raw.id as string),
		enabled: (raw.enabled as boolean | undefined) ?? true,
		metric: raw.metric as string,
		...(filters ? { filters } : {}),
		op,
		threshold,
		pendingFor,
		...(keepFiringFor !== undefined ? { keepFiringFor } : {}),
		...(cooldown !== undefined ? { cooldown } : {}),
		severity,
		onResolve: (raw.onResolve as boolean | undefined) ?? true,
		channels,
		...(minBaseline !== undefined ? { minBaseline } : {}),
		...(extra ? { extra } : {})
	};
}

/**
 * The rules of a rules file (DESIGN.md §4), as JSON text or already parsed. Every rule is
 * checked; the first problem is thrown, naming the rule, the field and the bad value.
 */
export function parseRules(json: unknown): Rule[] {
	let doc = json;
	if (typeof json === 'string') {
		try {
			doc = JSON.parse(json);
		} catch (err) {
			throw new Error(`not valid JSON — ${err instanceof Error ? err.message : String(err)}`, { cause: err });
		}
	}
	if (!isObject(doc)) throw new Error(`must be an object {"version": 1, "rules": [...]}, not ${show(doc)}`);
	if (doc.version !== 1) throw new Error(`version must be 1, not ${show(doc.version)}`);
	if (!Array.isArray(doc.rules)) throw new Error(`rules must be a list, not ${show(doc.rules)}`);
	const rules = doc.rules.map(parseRule);
	const seen = new Set<string>();
	for (const rule of rules) {
		if (seen.has(rule.id)) throw new Error(`rule ${JSON.stringify(rule.id)}: id is used by two rules`);
		seen.add(rule.id);
	}
	return rules;
}

function serializeChannel(channel: Channel, includeSecrets: boolean): Record<string, unknown> {
	if (channel.type === 'browser') return { type: 'browser', ...channel.extra };
	// env:NAME only names where the secret lives, so it is kept.
	const keepUrl = channel.url !== undefined && (includeSecrets || channel.url.startsWith('env:'));
	return { type: 'webhook', ...(keepUrl ? { url: channel.url } : {}), format: channel.format, ...channel.extra };
}

/** The rules file for these rules; webhook URLs are left out unless `includeSecrets` (env:NAME stays). */
export function serializeRules(rules: readonly Rule[], options: { includeSecrets?: boolean } = {}): string {
	const out = rules.map((rule) => {
		const { extra, channels, ...known } = rule;
		return { ...known, channels: channels.map((c) => serializeChannel(c, options.includeSecrets === true)), ...extra };
	});
	return JSON.stringify({ version: 1, rules: out }, null, 2) + '\n';
}
