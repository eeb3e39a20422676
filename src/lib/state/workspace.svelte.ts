import type { Engine, LoadPhase, TableInfo } from '../engine/engine';
import type { Encoding, EncodingGuess } from '../ingest/encoding';
import type { LoadReport } from '../ingest/load-report';
import type { DateOrder } from '../ingest/type-table';
import type { EngineStatus } from '../engine/worker-client';
import { QueryCancelled } from '../engine/query-error';
import { tableNameFromFile } from '../engine/table-name';

export interface LoadJob {
	id: number;
	fileName: string;
	table: string;
	bytesRead: number;
	bytesTotal: number;
	state: 'waiting' | LoadPhase;
	controller: AbortController;
}

/** Where a table came from: the file, the encoding it was read in and how that was decided. */
export interface TableSource {
	file: File;
	encoding: EncodingGuess;
	report: LoadReport;
	millis: number;
	/** Day/month orders the user confirmed, by column. */
	dateOrders: Record<string, DateOrder>;
}

/** What changed in the engine's tables; `restarted` means every table was loaded anew in a new engine. */
export type TablesChange = { kind: 'loaded'; table: string } | { kind: 'removed'; table: string } | { kind: 'restarted' };

export interface Notice {
	id: number;
	kind: 'error' | 'info';
	message: string;
	/** A later notice with the same key replaces this one. */
	key?: string;
}

const CSV_LIKE = /\.(csv|tsv|txt)$/i;

/**
 * What the user has loaded, is loading, and has been told. Talks to the engine;
 * components read its state and call its methods.
 */
export class Workspace {
	tables = $state<TableInfo[]>([]);
	/** The file behind each table loaded from one, by table name. */
	sources = $state<Record<string, TableSource>>({});
	jobs = $state<LoadJob[]>([]);
	notices = $state<Notice[]>([]);
	engineStatus = $state<EngineStatus>('starting');
	engineDetail = $state('');
	private seq = 0;
	private attachEngine: (engine: Engine) => void = () => {};
	/** Resolves once the engine is attached; work asked for before that waits for it. */
	readonly engine: Promise<Engine> = new Promise((resolve) => (this.attachEngine = resolve));

	// Subscribers, not state: nothing renders from this set.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly listeners = new Set<(change: TablesChange) => void>();

	/** Be told whenever a table is loaded, reloaded or removed (after the engine has it). */
	onTablesChanged(listener: (change: TablesChange) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private emit(change: TablesChange): void {
		for (const listener of this.listeners) listener(change);
	}

	attach(engine: Engine): void {
		this.attachEngine(engine);
	}

	setStatus(status: EngineStatus, detail = ''): void {
		this.engineStatus = status;
		this.engineDetail = detail;
		if (status === 'restarting')
			this.notify('info', `The data engine stopped (${detail}). Restarting it and reloading your tables…`, 'engine');
		if (status === 'failed') this.notify('error', `The data engine could not start: ${detail}`, 'engine');
		if (status === 'ready' && detail) {
			this.notify('info', `The data engine was restarted: ${detail}.`, 'engine');
			void this.refresh().then(() => this.emit({ kind: 'restarted' }));
		}
	}

	notify(kind: Notice['kind'], message: string, key?: string): void {
		const kept = key ? this.notices.filter((n) => n.key !== key) : this.notices;
		this.notices = [...kept, { id: ++this.seq, kind, message, key }];
	}

	dismiss(id: number): void {
		this.notices = this.notices.filter((n) => n.id !== id);
	}

	/** Load files one after another; each has its own progress and can be cancelled. */
	/** The data's time zone as a fixed offset: zoned timestamps are converted to it when loading. */
	timeZoneOffsetMinutes = $state(0);

	/** Load a table's file again with another encoding or confirmed date orders, replacing the table. */
	async reload(table: string, change: { encoding?: Encoding; dateOrders?: Record<string, DateOrder> }): Promise<void> {
		const source = this.sources[table];
		if (!source) return;
		const job = this.newJob(source.file, table);
		this.jobs = [...this.jobs, job];
		const encoding = change.encoding ?? (source.encoding.reason === 'user' ? source.encoding.encoding : undefined);
		const dateOrders = { ...source.dateOrders, ...change.dateOrders };
		await this.runJob(job, source.file, encoding, dateOrders);
	}

	/** Change the data's time zone; tables with zoned timestamps are loaded again in it. */
	async setTimeZoneOffset(minutes: number): Promise<void> {
		if (minutes === this.timeZoneOffsetMinutes) return;
		this.timeZoneOffsetMinutes = minutes;
		const zoned = Object.entries(this.sources).filter(([, s]) => s.report.columns.some((c) => c.flags.includes('zoned')));
		await Promise.all(zoned.map(([table]) => this.reload(table, {})));
	}

	private newJob(file: File, table = tableNameFromFile(file.name)): LoadJob {
		return {
			id: ++this.seq,
			fileName: file.name,
			table,
			bytesRead: 0,
			bytesTotal: file.size,
			state: 'waiting',
			controller: new AbortController()
		};
	}

	async addFiles(files: Iterable<File>): Promise<void> {
		const accepted: Array<{ job: LoadJob; file: File }> = [];
		for (const file of files) {
			if (!CSV_LIKE.test(file.name)) {
				this.notify('error', `${file.name}: not loaded — only CSV exports (.csv, .tsv, .txt) can be loaded.`);
				continue;
			}
			accepted.push({ job: this.newJob(file), file });
		}
		this.jobs = [...this.jobs, ...accepted.map((a) => a.job)];
		await Promise.all(accepted.map(({ job, file }) => this.runJob(job, file)));
	}

	private update(id: number, patch: Partial<LoadJob>): void {
		this.jobs = this.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j));
	}

	private async runJob(job: LoadJob, file: File, encoding?: Encoding, dateOrders: Record<string, DateOrder> = {}): Promise<void> {
		try {
			const engine = await this.engine;
			const typing = { timeZoneOffsetMinutes: this.timeZoneOffsetMinutes, dateOrders };
			const result = await engine.load(
				{ table: job.table, source: { kind: 'file', file }, encoding, typing },
				(p) => this.update(job.id, { state: p.phase, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }),
				{ signal: job.controller.signal }
			);
			this.tables = [...this.tables.filter((t) => t.name !== result.table.name), result.table].sort((a, b) => a.name.localeCompare(b.name));
			this.sources = {
				...this.sources,
				[result.table.name]: { file, encoding: result.encoding, report: result.report, millis: result.millis, dateOrders }
			};
			this.emit({ kind: 'loaded', table: result.table.name });
			const { rejectedCount } = result.report;
			if (rejectedCount > 0) {
				const first = result.report.rejected[0];
				this.notify(
					'error',
					`${file.name}: ${rejectedCount} line${rejectedCount === 1 ? '' : 's'} could not be read and ${rejectedCount === 1 ? 'was' : 'were'} left out (first: line ${first.line}, ${first.reason}); the other ${result.table.rows} rows were loaded.`
				);
			}
		} catch (err) {
			if (err instanceof QueryCancelled) this.notify('info', `${file.name}: loading cancelled; nothing was changed.`);
			else this.notify('error', `${file.name}: could not be loaded — ${err instanceof Error ? err.message : String(err)}`);
		} finally {
			this.jobs = this.jobs.filter((j) => j.id !== job.id);
		}
	}

	cancel(jobId: number): void {
		this.jobs.find((j) => j.id === jobId)?.controller.abort();
	}

	async refresh(): Promise<void> {
		this.tables = await (await this.engine).listTables();
	}

	async remove(table: string): Promise<void> {
		await (await this.engine).drop(table);
		this.tables = this.tables.filter((t) => t.name !== table);
		const { [table]: _gone, ...rest } = this.sources;
		void _gone;
		this.sources = rest;
		this.emit({ kind: 'removed', table });
	}
}
