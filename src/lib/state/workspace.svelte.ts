import type { Engine, TableInfo } from '../engine/engine';
import type { EngineStatus } from '../engine/worker-client';
import { QueryCancelled } from '../engine/query-error';
import { tableNameFromFile } from '../engine/table-name';

export interface LoadJob {
	id: number;
	fileName: string;
	table: string;
	bytesRead: number;
	bytesTotal: number;
	state: 'waiting' | 'loading';
	controller: AbortController;
}

export interface Notice {
	id: number;
	kind: 'error' | 'info';
	message: string;
}

const CSV_LIKE = /\.(csv|tsv|txt)$/i;

/**
 * What the user has loaded, is loading, and has been told. Talks to the engine;
 * components read its state and call its methods.
 */
export class Workspace {
	tables = $state<TableInfo[]>([]);
	jobs = $state<LoadJob[]>([]);
	notices = $state<Notice[]>([]);
	engineStatus = $state<EngineStatus>('starting');
	engineDetail = $state('');
	private seq = 0;
	private attachEngine: (engine: Engine) => void = () => {};
	/** Resolves once the engine is attached; work asked for before that waits for it. */
	readonly engine: Promise<Engine> = new Promise((resolve) => (this.attachEngine = resolve));

	attach(engine: Engine): void {
		this.attachEngine(engine);
	}

	setStatus(status: EngineStatus, detail = ''): void {
		this.engineStatus = status;
		this.engineDetail = detail;
		if (status === 'restarting') this.notify('info', `The data engine stopped (${detail}). Restarting it and reloading your tables…`);
		if (status === 'failed') this.notify('error', `The data engine could not start: ${detail}`);
		if (status === 'ready' && detail) {
			this.notify('info', `The data engine was restarted: ${detail}.`);
			void this.refresh();
		}
	}

	notify(kind: Notice['kind'], message: string): void {
		this.notices = [...this.notices, { id: ++this.seq, kind, message }];
	}

	dismiss(id: number): void {
		this.notices = this.notices.filter((n) => n.id !== id);
	}

	/** Load files one after another; each has its own progress and can be cancelled. */
	async addFiles(files: Iterable<File>): Promise<void> {
		const accepted: Array<{ job: LoadJob; file: File }> = [];
		for (const file of files) {
			if (!CSV_LIKE.test(file.name)) {
				this.notify('error', `${file.name}: not loaded — only CSV exports (.csv, .tsv, .txt) can be loaded.`);
				continue;
			}
			const job: LoadJob = {
				id: ++this.seq,
				fileName: file.name,
				table: tableNameFromFile(file.name),
				bytesRead: 0,
				bytesTotal: file.size,
				state: 'waiting',
				controller: new AbortController()
			};
			accepted.push({ job, file });
		}
		this.jobs = [...this.jobs, ...accepted.map((a) => a.job)];
		await Promise.all(accepted.map(({ job, file }) => this.runJob(job, file)));
	}

	private update(id: number, patch: Partial<LoadJob>): void {
		this.jobs = this.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j));
	}

	private async runJob(job: LoadJob, file: File): Promise<void> {
		try {
			const engine = await this.engine;
			const result = await engine.load(
				{ table: job.table, source: { kind: 'file', file } },
				(p) => this.update(job.id, { state: 'loading', bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }),
				{ signal: job.controller.signal }
			);
			this.tables = [...this.tables.filter((t) => t.name !== result.table.name), result.table].sort((a, b) => a.name.localeCompare(b.name));
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
	}
}
