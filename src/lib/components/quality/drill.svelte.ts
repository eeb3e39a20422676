import type { Engine } from '$lib/engine/engine';
import { QueryCancelled } from '$lib/engine/query-error';
import type { Catalog } from '$lib/metrics';
import { DRILL_LIMIT, drillSql, type Drill } from '$lib/metrics/quality-drill';

/** One "Show rows" request: which list, for which table, under which heading. */
export interface DrillRequest {
	/** Identifies the button that asked, so it can show itself pressed. */
	id: string;
	/** Which card shows the rows. */
	section: string;
	table: string;
	drill: Drill;
	title: string;
	/** Columns to set apart in the list: the one missing, conflicting or orphaned, or the key. */
	highlight?: readonly string[];
}

/**
 * The offending rows on show. One list at a time: asking for another (or closing) cancels the
 * query still running, and its late answer is dropped.
 */
export class DrillState {
	request = $state.raw<DrillRequest | null>(null);
	rows = $state.raw<Record<string, unknown>[]>([]);
	pending = $state(false);
	error = $state('');
	readonly limit = DRILL_LIMIT;
	private controller: AbortController | null = null;
	private seq = 0;

	constructor(
		private readonly engine: Promise<Engine>,
		private readonly catalog: () => Catalog
	) {}

	isOpen(id: string): boolean {
		return this.request?.id === id;
	}

	/** Open a list, or close it when it is the one on show. */
	toggle(request: DrillRequest): Promise<void> {
		if (this.isOpen(request.id)) {
			this.close();
			return Promise.resolve();
		}
		return this.open(request);
	}

	async open(request: DrillRequest): Promise<void> {
		this.controller?.abort();
		const controller = (this.controller = new AbortController());
		const seq = ++this.seq;
		this.request = request;
		this.rows = [];
		this.error = '';
		this.pending = true;
		try {
			const sql = drillSql(this.catalog(), request.table, request.drill, this.limit);
			const rows = await (await this.engine).rows(sql, { signal: controller.signal });
			if (seq !== this.seq) return;
			this.rows = rows;
		} catch (err) {
			if (seq !== this.seq || controller.signal.aborted || err instanceof QueryCancelled) return;
			this.error = err instanceof Error ? err.message : String(err);
		} finally {
			if (seq === this.seq) this.pending = false;
		}
	}

	close(): void {
		this.controller?.abort();
		this.seq++;
		this.request = null;
		this.rows = [];
		this.error = '';
		this.pending = false;
	}
}
