import type { Engine } from '../engine/engine';
import { QueryCancelled } from '../engine/query-error';
import { findMetric, runMetrics, type Catalog, type Settings } from '../metrics';
import type { ComputeReport } from '../alerts/rule-reports';
import type { AlertsState } from './alerts.svelte';

export interface AlertsRunRequest {
	catalog: Catalog;
	settings: Partial<Settings>;
}

/** Default time between evaluations without new data (cooldown re-notification, keepFiringFor). */
export const DEFAULT_INTERVAL_SECONDS = 60;

/**
 * Evaluates the enabled rules on every page: computes only the metrics they need, whatever page
 * is on screen. Rules are judged on their own filters (as `crm-pulse check` does), not on the
 * filters of the page. A newer run cancels the one still computing; evaluations never overlap
 * (AlertsState queues them).
 */
const INTERVAL_KEY = 'crm-pulse-alerts-interval';

function storedInterval(): number {
	const n = Number(globalThis.localStorage?.getItem(INTERVAL_KEY));
	return Number.isInteger(n) && n >= 10 ? n : DEFAULT_INTERVAL_SECONDS;
}

export class AlertsRunner {
	running = $state(false);
	/** Seconds between evaluations while the tab is open (a setting, kept in localStorage). */
	intervalSeconds = $state(storedInterval());
	private controller: AbortController | null = null;
	private seq = 0;
	private last: AlertsRunRequest | null = null;
	private readonly alerts: AlertsState;
	private readonly engine: Promise<Engine>;

	constructor(alerts: AlertsState, engine: Promise<Engine>) {
		this.alerts = alerts;
		this.engine = engine;
	}

	/** Change the interval; refused (false) below 10 s or when not a whole number. */
	setInterval(seconds: number): boolean {
		if (!Number.isInteger(seconds) || seconds < 10) return false;
		this.intervalSeconds = seconds;
		globalThis.localStorage?.setItem(INTERVAL_KEY, String(seconds));
		return true;
	}

	/** Evaluate again with the last request (the interval); nothing before data was loaded. */
	again(): Promise<void> {
		return this.last ? this.run(this.last) : Promise.resolve();
	}

	async run(request: AlertsRunRequest): Promise<void> {
		this.last = request;
		this.controller?.abort();
		const controller = (this.controller = new AbortController());
		const seq = ++this.seq;
		const enabled = this.alerts.rules.filter((r) => r.enabled);
		if (!enabled.length || !this.alerts.loaded) return;
		const idsOf = (fullIds: readonly string[]) =>
			fullIds
				.map((id) => findMetric(request.catalog, id)?.def.id)
				.filter((id, i, all): id is string => id !== undefined && all.indexOf(id) === i);
		this.running = true;
		try {
			const engine = await this.engine;
			const compute: ComputeReport = (filters, fullIds, options) =>
				runMetrics(engine, request.catalog, filters, request.settings, {
					only: idsOf(fullIds),
					breakdowns: options.breakdowns,
					signal: controller.signal
				});
			const report = await compute(
				{},
				enabled.map((r) => r.metric),
				{ breakdowns: enabled.some((r) => r.op === 'anomaly') }
			);
			if (seq !== this.seq) return;
			await this.alerts.evaluate(report, {}, compute);
		} catch (err) {
			if (seq !== this.seq || controller.signal.aborted || err instanceof QueryCancelled) return;
			this.alerts.error = `Alert evaluation failed: ${err instanceof Error ? err.message : String(err)}`;
		} finally {
			if (seq === this.seq) this.running = false;
		}
	}
}
