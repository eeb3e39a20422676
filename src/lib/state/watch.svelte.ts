import { checkWatchUrl, hasChanged, type Signature } from '../watch/source';

/** The part of the Workspace a watcher needs: loading a file replaces its table and re-evaluates. */
export interface WatchTarget {
	addFiles(files: Iterable<File>): Promise<void>;
}

export interface WatchedSource {
	kind: 'url' | 'opfs';
	/** The URL, or the name of the copy in OPFS. */
	id: string;
	name: string;
	checkedAt: string | null;
	loadedAt: string | null;
	error: string;
}

const STORE_KEY = 'crm-pulse-watch';
const OPFS_DIR = 'watched';
/** The shortest time between checks (seconds). */
export const MIN_WATCH_SECONDS = 1;
export const DEFAULT_WATCH_SECONDS = 30;

async function sha256(buffer: ArrayBuffer): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
	return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isoNow(): string {
	return new Date().toISOString();
}

async function opfsDir(): Promise<FileSystemDirectoryHandle> {
	if (!navigator.storage?.getDirectory) throw new Error('this browser has no origin private file system');
	return (await navigator.storage.getDirectory()).getDirectoryHandle(OPFS_DIR, { create: true });
}

/**
 * Sources re-read on a schedule while the tab is open: URLs on this site (fetched without cache,
 * reloaded when ETag, Last-Modified or the body's hash changes) and file copies kept in OPFS
 * (reloaded when their lastModified changes). The list is kept in localStorage.
 */
export class Watcher {
	sources = $state.raw<WatchedSource[]>([]);
	seconds = $state(DEFAULT_WATCH_SECONDS);
	private readonly target: WatchTarget;
	// Not rendered: what each source last looked like.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly seen = new Map<string, Signature>();
	private timer: ReturnType<typeof setInterval> | null = null;
	private checking: Promise<void> | null = null;

	constructor(target: WatchTarget) {
		this.target = target;
	}

	/** Restore the stored list and check every source now and on the schedule. */
	start(): void {
		try {
			const stored = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as { seconds?: number; sources?: WatchedSource[] };
			if (Number.isInteger(stored.seconds) && stored.seconds! >= MIN_WATCH_SECONDS) this.seconds = stored.seconds!;
			this.sources = (stored.sources ?? []).map((s) => ({ ...s, checkedAt: null, error: '' }));
		} catch {
			this.sources = [];
		}
		this.schedule();
		void this.checkAll();
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}

	setSeconds(seconds: number): boolean {
		if (!Number.isInteger(seconds) || seconds < MIN_WATCH_SECONDS) return false;
		this.seconds = seconds;
		this.save();
		this.schedule();
		return true;
	}

	/** Watch a URL on this site; returns why it was refused, or '' when it is watched. */
	async watchUrl(raw: string): Promise<string> {
		const checked = checkWatchUrl(raw, location.href);
		if ('error' in checked) return checked.error;
		if (!this.sources.some((s) => s.id === checked.url)) this.add({ kind: 'url', id: checked.url, name: checked.name });
		await this.checkAll();
		return this.sources.find((s) => s.id === checked.url)?.error ?? '';
	}

	/** Keep a copy of the file in OPFS and watch the copy (replaced by "Watch a file" again). */
	async watchFile(file: File): Promise<string> {
		try {
			const handle = await (await opfsDir()).getFileHandle(file.name, { create: true });
			const writable = await handle.createWritable();
			await writable.write(file);
			await writable.close();
		} catch (err) {
			return `${file.name}: could not be kept in the browser's storage — ${err instanceof Error ? err.message : String(err)}`;
		}
		if (!this.sources.some((s) => s.kind === 'opfs' && s.id === file.name)) this.add({ kind: 'opfs', id: file.name, name: file.name });
		await this.checkAll();
		return '';
	}

	unwatch(id: string): void {
		this.sources = this.sources.filter((s) => s.id !== id);
		this.seen.delete(id);
		this.save();
	}

	/** Check every source once (a check still running is awaited, not doubled). */
	checkAll(): Promise<void> {
		const run = async () => {
			for (const source of this.sources) await this.check(source);
		};
		this.checking = (this.checking ?? Promise.resolve()).then(run, run);
		return this.checking;
	}

	private add(source: Omit<WatchedSource, 'checkedAt' | 'loadedAt' | 'error'>): void {
		this.sources = [...this.sources, { ...source, checkedAt: null, loadedAt: null, error: '' }];
		this.save();
	}

	private schedule(): void {
		this.stop();
		this.timer = setInterval(() => void this.checkAll(), this.seconds * 1000);
	}

	private save(): void {
		const sources = this.sources.map(({ kind, id, name }) => ({ kind, id, name }));
		localStorage.setItem(STORE_KEY, JSON.stringify({ seconds: this.seconds, sources }));
	}

	private patch(id: string, change: Partial<WatchedSource>): void {
		this.sources = this.sources.map((s) => (s.id === id ? { ...s, ...change } : s));
	}

	private async check(source: WatchedSource): Promise<void> {
		const checkedAt = isoNow();
		try {
			const read = source.kind === 'url' ? await this.readUrl(source.id) : await this.readOpfs(source.id);
			if (hasChanged(this.seen.get(source.id) ?? null, read.signature)) {
				this.seen.set(source.id, read.signature);
				await this.target.addFiles([new File([read.blob], source.name)]);
				this.patch(source.id, { checkedAt, loadedAt: checkedAt, error: '' });
			} else this.patch(source.id, { checkedAt, error: '' });
		} catch (err) {
			this.patch(source.id, { checkedAt, error: err instanceof Error ? err.message : String(err) });
		}
	}

	private async readUrl(url: string): Promise<{ blob: Blob; signature: Signature }> {
		const res = await fetch(url, { cache: 'no-store' });
		if (!res.ok) throw new Error(`${url} answered ${res.status} ${res.statusText}`);
		const blob = await res.blob();
		const etag = res.headers.get('etag');
		const lastModified = res.headers.get('last-modified');
		return {
			blob,
			signature: {
				...(etag ? { etag } : {}),
				...(lastModified ? { lastModified } : {}),
				hash: await sha256(await blob.arrayBuffer())
			}
		};
	}

	private async readOpfs(name: string): Promise<{ blob: Blob; signature: Signature }> {
		const file = await (await (await opfsDir()).getFileHandle(name)).getFile();
		return { blob: file, signature: { lastModified: String(file.lastModified) } };
	}
}
