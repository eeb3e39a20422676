import { dispatch, type SendWebhook } from '../alerts/dispatch';
import { evaluate, type AlertEvent } from '../alerts/evaluate';
import { metricInput } from '../alerts/metric-input';
import { summaryText } from '../alerts/payload-text';
import { reportsForRules, type ComputeReport } from '../alerts/rule-reports';
import { parseRules, serializeRules, type Rule } from '../alerts/rules';
import { emptyState, hasSent, markSent, parseState, serializeState, type AlertStateDoc } from '../alerts/state-file';
import { QueryCancelled } from '../engine/query-error';
import type { AlertStore } from '../alerts/browser/idb-store';
import type { Filters, MetricsReport } from '../metrics';

export interface AlertsOptions {
	store: AlertStore;
	send: SendWebhook;
	/** Shows a system notification; false when the browser would not. */
	notify: (title: string, body: string, tag: string) => Promise<boolean>;
	now?: () => number;
	/** Runs `fn` alone across the tabs of the site (navigator.locks); at once when absent. */
	lock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/**
 * The Alerts page's rules and their state, kept in the store. Each evaluation reads the stored
 * state inside the lock, so two tabs never notify the same event twice (the keys in `sent`).
 */
export class AlertsState {
	rules = $state.raw<Rule[]>([]);
	doc = $state.raw<AlertStateDoc>(emptyState());
	loaded = $state(false);
	error = $state('');
	evaluating = $state(false);
	/** Set when the layout evaluates the rules on every page; the Alerts page then leaves it to it. */
	background = false;
	/** Enabled rules whose alert is firing now. */
	readonly firing = $derived(this.rules.filter((r) => r.enabled && this.doc.rules[r.id]?.status === 'firing').length);
	private readonly options: AlertsOptions;

	constructor(options: AlertsOptions) {
		this.options = options;
	}

	private get now(): number {
		return (this.options.now ?? Date.now)();
	}

	private queue: Promise<unknown> = Promise.resolve();

	/** One evaluation at a time in this tab (a newer report waits for the last), then across tabs. */
	private lock<T>(fn: () => Promise<T>): Promise<T> {
		const run = () => (this.options.lock ? this.options.lock(fn) : fn());
		const next = this.queue.then(run, run);
		this.queue = next.catch(() => undefined);
		return next;
	}

	private async readDoc(): Promise<AlertStateDoc> {
		const text = await this.options.store.read('state');
		return text ? parseState(text) : emptyState();
	}

	private loading: Promise<void> | null = null;

	/** Read the stored rules and state (once: the layout and the page may both ask). */
	load(): Promise<void> {
		return (this.loading ??= this.read());
	}

	private async read(): Promise<void> {
		try {
			const text = await this.options.store.read('rules');
			this.rules = text ? parseRules(text) : [];
			this.doc = await this.readDoc();
		} catch (err) {
			this.error = `Stored alert rules could not be read: ${err instanceof Error ? err.message : String(err)}`;
		}
		this.loaded = true;
	}

	/** Replace every rule; refused whole (naming rule and field) when one is invalid. */
	async setRules(rules: readonly unknown[]): Promise<void> {
		const checked = parseRules({ version: 1, rules });
		this.rules = checked;
		await this.options.store.write('rules', serializeRules(checked, { includeSecrets: true }));
	}

	/** A copy of a rule that can hold only rule data (ids and extras included). */
	static raw(rule: Rule): Record<string, unknown> {
		return (JSON.parse(serializeRules([rule], { includeSecrets: true })) as { rules: Record<string, unknown>[] }).rules[0];
	}

	async upsert(raw: Record<string, unknown>, replacing?: string): Promise<void> {
		const others = this.rules.filter((r) => r.id !== replacing).map(AlertsState.raw);
		const at = this.rules.findIndex((r) => r.id === replacing);
		if (at >= 0) others.splice(at, 0, raw);
		else others.push(raw);
		await this.setRules(others);
	}

	async remove(id: string): Promise<void> {
		await this.setRules(this.rules.filter((r) => r.id !== id).map(AlertsState.raw));
	}

	/**
	 * Judge every enabled rule on this report (rules with filters of their own, and change
	 * rules, get theirs computed), record the events, send webhooks and browser notifications.
	 */
	async evaluate(report: MetricsReport, filters: Filters, compute: ComputeReport): Promise<AlertEvent[]> {
		const enabled = this.rules.filter((r) => r.enabled);
		if (!enabled.length) return [];
		this.evaluating = true;
		try {
			const inputs = await reportsForRules(enabled, { report, filters }, compute);
			return await this.lock(async () => {
				const doc = await this.readDoc();
				const now = this.now;
				const events: AlertEvent[] = [];
				for (const rule of enabled) {
					const input = inputs.get(rule.id)!;
					const out = evaluate(rule, metricInput(rule, input.current, input.previous), doc.rules[rule.id], now);
					doc.rules[rule.id] = out.state;
					events.push(...out.events);
				}
				await dispatch(doc, enabled, events, { now, send: this.options.send, payload: { generatorURL: location.href } });
				await this.notifyBrowser(doc, enabled, events);
				await this.options.store.write('state', serializeState(doc));
				this.doc = doc;
				this.error = '';
				return events;
			});
		} catch (err) {
			// A newer evaluation cancelled this one's queries: not a failure.
			if (err instanceof QueryCancelled || (err instanceof DOMException && err.name === 'AbortError')) return [];
			this.error = `Alert evaluation failed: ${err instanceof Error ? err.message : String(err)}`;
			return [];
		} finally {
			this.evaluating = false;
		}
	}

	/** Try the webhooks that failed before again (no evaluation: pendingFor counts evaluations of new data). */
	async retryOutbox(): Promise<void> {
		await this.lock(async () => {
			const doc = await this.readDoc();
			if (!doc.outbox.length) return void (this.doc = doc);
			await dispatch(doc, this.rules, [], { now: this.now, send: this.options.send });
			await this.options.store.write('state', serializeState(doc));
			this.doc = doc;
		});
	}

	private async notifyBrowser(doc: AlertStateDoc, rules: readonly Rule[], events: readonly AlertEvent[]): Promise<void> {
		for (const event of events) {
			const rule = rules.find((r) => r.id === event.ruleId);
			const key = `${event.key}#browser`;
			if (!rule?.channels.some((c) => c.type === 'browser') || hasSent(doc, key)) continue;
			if (await this.options.notify(`CRM Pulse: ${rule.name}`, summaryText(rule, event), event.fingerprint)) markSent(doc, key);
		}
	}
}
