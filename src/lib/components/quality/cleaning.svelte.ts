import { untrack } from 'svelte';
import type { TableKind } from '$lib/canonical/schema';
import { applyCleaning, type CleaningConfig, type StepCounts, type TableCleaning } from '$lib/cleaning';
import type { Engine } from '$lib/engine/engine';
import { QueryCancelled } from '$lib/engine/query-error';
import type { CrmModel } from '$lib/state/model.svelte';
import type { Workspace } from '$lib/state/workspace.svelte';

/**
 * The cleaning steps switched on, and what they did. Applying rewrites the `clean.<kind>` views
 * every metric reads, then asks for the metrics again. A rebuild of the canonical views puts
 * the pass-through views back, so the steps are applied again after every build.
 *
 * One per workspace, so the steps outlive a visit to the page (the views do too).
 */
export class CleaningState {
	config = $state.raw<CleaningConfig>({});
	counts = $state.raw<StepCounts[]>([]);
	pending = $state(false);
	error = $state('');
	private controller: AbortController | null = null;
	private seq = 0;
	private applied = -1;

	constructor(
		private readonly engine: Promise<Engine>,
		private readonly model: CrmModel,
		/** Called after each apply; the page that shows the steps sets it. */
		public onApplied: () => void
	) {
		$effect.root(() => {
			$effect(() => {
				const version = this.model.version;
				if (this.model.busy || version === this.applied) return;
				if (untrack(() => Object.keys(this.config).length)) void this.apply();
			});
		});
	}

	of(kind: TableKind): TableCleaning {
		return this.config[kind] ?? {};
	}

	countsOf(kind: TableKind): StepCounts[] {
		return this.counts.filter((c) => c.kind === kind);
	}

	/** Change some steps of one table and apply the whole configuration. */
	set(kind: TableKind, change: Partial<TableCleaning>): Promise<void> {
		const merged: TableCleaning = { ...this.of(kind), ...change };
		const on = Object.entries(merged).filter(
			([, v]) => v !== undefined && v !== false && !(typeof v === 'object' && !Object.keys(v).length)
		);
		const { [kind]: _old, ...rest } = this.config;
		void _old;
		this.config = on.length ? { ...rest, [kind]: Object.fromEntries(on) } : rest;
		return this.apply();
	}

	async apply(): Promise<void> {
		this.controller?.abort();
		const controller = (this.controller = new AbortController());
		const seq = ++this.seq;
		const version = this.model.version;
		this.pending = true;
		try {
			const counts = await applyCleaning(await this.engine, { tables: this.model.catalog.tables }, this.config, {
				signal: controller.signal
			});
			if (seq !== this.seq) return;
			this.counts = counts;
			this.error = '';
			this.applied = version;
			this.onApplied();
		} catch (err) {
			if (seq !== this.seq || controller.signal.aborted || err instanceof QueryCancelled) return;
			this.error = err instanceof Error ? err.message : String(err);
		} finally {
			if (seq === this.seq) this.pending = false;
		}
	}
}

const states = new WeakMap<Workspace, CleaningState>();

/** The cleaning state of a workspace, made on first use; `onApplied` replaces the one given before. */
export function cleaningFor(workspace: Workspace, model: CrmModel, onApplied: () => void): CleaningState {
	let state = states.get(workspace);
	if (!state) states.set(workspace, (state = new CleaningState(workspace.engine, model, onApplied)));
	state.onApplied = onApplied;
	return state;
}
