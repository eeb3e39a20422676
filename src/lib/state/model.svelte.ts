import { CANONICAL, type FileKind, type TableKind } from '../canonical/schema';
import { detectKind } from '../mapping/detect-kind';
import { profileTable } from '../mapping/profile';
import { headerSignature } from '../mapping/remember';
import { timeZoneOffsetMinutes } from '../mapping/time-zone';
import type { DataSettings, Detection, Profile } from '../mapping/types';
import type { Catalog, RawTable } from '../metrics/catalog';
import { buildViews, errorMessage, viewPreviewSql, type BuildSource, type CanonicalView } from './model-build';
import { adaptChoice, assignColumn, choiceForKind, choiceFromDetection, withLineLevel, type MappingChoice } from './model-mapping';
import {
	browserStorage,
	loadMappings,
	loadSettings,
	normalizeStatuses,
	saveMappings,
	saveSettings,
	type KeyValueStorage
} from './model-store';
import type { TablesChange, Workspace } from './workspace.svelte';

export type { CanonicalView } from './model-build';

/** A loaded raw table as the model knows it: profiled, recognised, perhaps corrected. */
export interface RawTableModel {
	table: string;
	fileName: string;
	status: 'pending' | 'ready' | 'error';
	error?: string;
	profile?: Profile;
	/** Header signature (remember.ts): files with the same headers share a remembered choice. */
	signature?: string;
	detection?: Detection;
	/** The user's choice, or one remembered for these headers; null means detection's answer. */
	choice: MappingChoice | null;
	choiceSource?: 'user' | 'remembered';
}

export interface CrmModelOptions {
	/** Where remembered mappings and settings are kept; localStorage by default, null for none. */
	storage?: KeyValueStorage | null;
}

const OTHER: MappingChoice = { kind: 'other', mapping: {}, lineLevel: false };

/**
 * The CRM reading of what is loaded: what each raw table is, how its columns map onto the
 * canonical tables, and the `crm` / `clean` views built from that. Follows the workspace's
 * tables; user corrections are remembered per header signature.
 */
export class CrmModel {
	tables = $state.raw<RawTableModel[]>([]);
	settings = $state.raw<DataSettings>({ timeZone: 'UTC', excludedStatuses: [] });
	views = $state.raw<CanonicalView[]>([]);
	/** Tables left out of the views because their mapping cannot be built, with the reason. */
	fileErrors = $state.raw<Record<string, string>>({});
	/** Views the engine refused in the last build. */
	buildErrors = $state.raw<string[]>([]);
	building = $state(false);
	/** Counts finished builds, so that previews know to read again. */
	version = $state(0);

	private remembered: Record<string, MappingChoice>;
	private readonly storage: KeyValueStorage | null;
	private readonly unsubscribe: () => void;
	// Bookkeeping only, nothing renders from these.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly seq = new Map<string, number>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly pending = new Set<Promise<void>>();
	private queue: Promise<void> = Promise.resolve();
	private requested = 0;

	constructor(
		private readonly workspace: Workspace,
		options: CrmModelOptions = {}
	) {
		this.storage = options.storage === undefined ? browserStorage() : options.storage;
		this.remembered = loadMappings(this.storage);
		this.settings = loadSettings(this.storage);
		// The loader converts zoned timestamps to the data's zone as it reads them.
		void workspace.setTimeZoneOffset(timeZoneOffsetMinutes(this.settings.timeZone));
		this.unsubscribe = workspace.onTablesChanged((change) => this.changed(change));
		if (workspace.tables.length) this.track(this.sync());
	}

	destroy(): void {
		this.unsubscribe();
	}

	/** Which canonical tables and columns exist, and the raw tables with their kinds (for the metrics). */
	get catalog(): Catalog {
		const raw: RawTable[] = this.tables.flatMap((t) => {
			if (t.status !== 'ready' || !t.profile) return [];
			const { kind, mapping } = this.choiceOf(t);
			const key = kind === 'other' ? [] : CANONICAL[kind].key.map((k) => mapping[k]);
			const columns = t.profile.columns.map(({ name, type }) => ({ name, type }));
			return [{ name: t.table, columns, kind, ...(key.length && key.every(Boolean) ? { key } : {}) }];
		});
		return { tables: Object.fromEntries(this.views.map((v) => [v.kind, v.columns])), raw };
	}

	/** Whether profiling or a build is still under way. */
	get busy(): boolean {
		return this.building || this.tables.some((t) => t.status === 'pending');
	}

	entry(table: string): RawTableModel | undefined {
		return this.tables.find((t) => t.table === table);
	}

	choiceOf(entry: RawTableModel): MappingChoice {
		if (entry.choice) return entry.choice;
		return entry.detection ? choiceFromDetection(entry.detection) : OTHER;
	}

	/** The kind a table is taken as; null while it is being recognised. */
	kindOf(table: string): FileKind | null {
		const entry = this.entry(table);
		if (!entry || entry.status === 'pending') return null;
		return this.choiceOf(entry).kind;
	}

	setKind(table: string, kind: FileKind): Promise<void> {
		return this.commit(table, (_, e) => choiceForKind(kind, e.profile!, e.detection!));
	}

	/** Map a source column to a canonical column (`line:<column>` for a line of a line-level export), or to nothing. */
	setColumn(table: string, source: string, target: string | null): Promise<void> {
		return this.commit(table, (choice) => assignColumn(choice, source, target));
	}

	setLineLevel(table: string, on: boolean): Promise<void> {
		return this.commit(table, (choice, e) => withLineLevel(choice, e.profile!, on));
	}

	/** Back to what detection found, for this table and every file with its headers. */
	reset(table: string): Promise<void> {
		const signature = this.entry(table)?.signature;
		if (!signature) return Promise.resolve();
		const { [signature]: _gone, ...rest } = this.remembered;
		void _gone;
		this.remember(rest);
		this.tables = this.tables.map((t) => (t.signature === signature ? { ...t, choice: null, choiceSource: undefined } : t));
		return this.rebuild();
	}

	/**
	 * Throws, naming the zone, when it is not one the engine can use. Tables with zoned
	 * timestamps are loaded again in the new zone; the views read text timestamps in it.
	 */
	setTimeZone(timeZone: string): Promise<void> {
		const tz = timeZone.trim();
		const offset = timeZoneOffsetMinutes(tz);
		if (tz === this.settings.timeZone) return Promise.resolve();
		this.settings = { ...this.settings, timeZone: tz };
		saveSettings(this.storage, this.settings);
		return this.applyTimeZone(offset);
	}

	private async applyTimeZone(offset: number): Promise<void> {
		await Promise.all([this.workspace.setTimeZoneOffset(offset), this.rebuild()]);
		await this.idle();
	}

	/** Views keep every order; the metrics leave these statuses out of revenue. */
	setExcludedStatuses(statuses: readonly string[]): void {
		this.settings = { ...this.settings, excludedStatuses: normalizeStatuses(statuses) };
		saveSettings(this.storage, this.settings);
	}

	/** The first rows of a canonical view, or of the rows one file gives it. */
	async previewRows(kind: TableKind, limit = 5, sourceFile?: string): Promise<Record<string, unknown>[]> {
		const sql = viewPreviewSql(kind, limit, sourceFile);
		return (await this.workspace.engine).rows(sql);
	}

	/** The canonical views a table's rows go into. */
	feeds(entry: RawTableModel): TableKind[] {
		if (entry.status !== 'ready' || this.fileErrors[entry.table]) return [];
		const choice = this.choiceOf(entry);
		if (choice.kind === 'other') return [];
		return choice.lineLevel ? ['orders', 'order_lines'] : [choice.kind];
	}

	/**
	 * Rebuild the canonical views from the current choices. Builds never interleave; requests
	 * made while one runs are served by a single build after it.
	 */
	async rebuild(): Promise<void> {
		const ticket = ++this.requested;
		this.queue = this.queue
			.then(() => (ticket === this.requested ? this.build() : undefined))
			.catch((err) => {
				// build() reports its own failures; this keeps the queue alive should anything else throw.
				this.buildErrors = [errorMessage(err)];
				this.building = false;
			});
		await this.settled();
	}

	/** Resolves once every table is recognised and the views are built from the latest choices. */
	async idle(): Promise<void> {
		while (this.pending.size) await Promise.all(this.pending);
		await this.settled();
		if (this.pending.size) await this.idle();
	}

	private async settled(): Promise<void> {
		let tail: Promise<void>;
		do {
			tail = this.queue;
			await tail;
		} while (tail !== this.queue);
	}

	private track(work: Promise<void>): void {
		this.pending.add(work);
		void work.finally(() => this.pending.delete(work));
	}

	private changed(change: TablesChange): void {
		if (change.kind === 'loaded') this.track(this.profile(change.table).then(() => this.rebuild()));
		else if (change.kind === 'removed') {
			this.seq.set(change.table, (this.seq.get(change.table) ?? 0) + 1);
			this.tables = this.tables.filter((t) => t.table !== change.table);
			this.track(this.rebuild());
		} else this.track(this.sync());
	}

	/** Follow the workspace's tables after a restart (or at creation): profile new ones, forget gone ones, rebuild. */
	private async sync(): Promise<void> {
		const names = this.workspace.tables.map((t) => t.name);
		this.tables = this.tables.filter((t) => names.includes(t.table));
		const known = this.tables.filter((t) => t.status === 'ready').map((t) => t.table);
		await Promise.all(names.filter((n) => !known.includes(n)).map((n) => this.profile(n)));
		await this.rebuild();
	}

	private put(entry: RawTableModel): void {
		const others = this.tables.filter((t) => t.table !== entry.table);
		this.tables = [...others, entry].sort((a, b) => a.table.localeCompare(b.table));
	}

	private async profile(table: string): Promise<void> {
		const seq = (this.seq.get(table) ?? 0) + 1;
		this.seq.set(table, seq);
		const fileName = this.workspace.sources[table]?.file.name ?? table;
		this.put({ table, fileName, status: 'pending', choice: null });
		try {
			const profile = await profileTable(await this.workspace.engine, table, fileName);
			if (this.seq.get(table) !== seq) return;
			const signature = headerSignature(profile.columns);
			const remembered = this.remembered[signature];
			const choice = remembered
				? adaptChoice(
						remembered,
						profile.columns.map((c) => c.name)
					)
				: null;
			const detection = detectKind(profile);
			this.put({
				table,
				fileName,
				status: 'ready',
				profile,
				signature,
				detection,
				choice,
				...(choice ? { choiceSource: 'remembered' } : {})
			});
		} catch (err) {
			if (this.seq.get(table) === seq) this.put({ table, fileName, status: 'error', error: errorMessage(err), choice: null });
		}
	}

	private remember(mappings: Record<string, MappingChoice>): void {
		this.remembered = mappings;
		saveMappings(this.storage, mappings);
	}

	/** Apply a user's change to a table, remember it for its headers, and pass it on to loaded files with the same headers. */
	private async commit(table: string, change: (choice: MappingChoice, entry: RawTableModel) => MappingChoice): Promise<void> {
		const entry = this.entry(table);
		if (!entry || entry.status !== 'ready' || !entry.profile || !entry.detection || !entry.signature)
			throw new Error(`table ${table} is not ready to be mapped`);
		const choice = change(this.choiceOf(entry), entry);
		const signature = entry.signature;
		this.remember({ ...this.remembered, [signature]: choice });
		this.tables = this.tables.map((t) => {
			if (t.signature !== signature || !t.profile) return t;
			const own =
				t.table === table
					? choice
					: adaptChoice(
							choice,
							t.profile.columns.map((c) => c.name)
						);
			return { ...t, choice: own, choiceSource: 'user' };
		});
		await this.rebuild();
	}

	private async build(): Promise<void> {
		this.building = true;
		const sources: BuildSource[] = this.tables.flatMap((t) =>
			t.status === 'ready' && t.profile ? [{ table: t.table, fileName: t.fileName, profile: t.profile, choice: this.choiceOf(t) }] : []
		);
		try {
			const result = await buildViews(await this.workspace.engine, sources, this.settings);
			this.views = result.views;
			this.fileErrors = result.fileErrors;
			this.buildErrors = result.errors;
		} catch (err) {
			this.buildErrors = [errorMessage(err)];
		} finally {
			this.version++;
			this.building = false;
		}
	}
}
