import type { Engine } from '../engine/engine';
import { runMetrics, type Catalog, type Filters, type MetricsReport, type Settings } from '../metrics';
import { QueryCancelled } from '../engine/query-error';

export interface MetricsRequest {
	catalog: Catalog;
	filters: Filters;
	settings: Partial<Settings>;
	/** Only these metric ids (`process.*` prefixes allowed); all when absent. */
	only?: readonly string[];
}

/**
 * The metric report the pages show, recomputed when the data, filters or settings change.
 * A newer request cancels the one still running, so a filter change never waits for a
 * stale answer; the last complete report stays on screen meanwhile.
 */
export class MetricsState {
	report = $state.raw<MetricsReport | null>(null);
	/**
	 * The metrics the page on screen shows: each page sets it, so a filter change computes
	 * what is visible rather than the whole catalogue. Null means everything.
	 */
	scope = $state.raw<readonly string[] | null>(null);
	pending = $state(false);
	error = $state('');
	private controller: AbortController | null = null;
	private readonly engine: Promise<Engine>;
	private seq = 0;

	constructor(engine: Promise<Engine>) {
		this.engine = engine;
	}

	/** Forget the report (no data, or no period to compare with). */
	clear(): void {
		this.controller?.abort();
		this.seq++;
		this.report = null;
		this.pending = false;
		this.error = '';
	}

	async refresh(request: MetricsRequest): Promise<void> {
		this.controller?.abort();
		const controller = (this.controller = new AbortController());
		const seq = ++this.seq;
		this.pending = true;
		try {
			const engine = await this.engine;
			const report = await runMetrics(engine, request.catalog, request.filters, request.settings, {
				signal: controller.signal,
				...(request.only ? { only: request.only } : {})
			});
			if (seq !== this.seq) return;
			this.report = report;
			this.error = '';
		} catch (err) {
			if (seq !== this.seq || controller.signal.aborted || err instanceof QueryCancelled) return;
			this.error = err instanceof Error ? err.message : String(err);
		} finally {
			if (seq === this.seq) this.pending = false;
		}
	}
}
