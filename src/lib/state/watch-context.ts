import { getContext, setContext } from 'svelte';
import type { Watcher } from './watch.svelte';

const KEY = Symbol('watch');

export function setWatcher(watcher: Watcher): void {
	setContext(KEY, watcher);
}

/** The layout's watcher of sources; absent when a page is mounted alone. */
export function findWatcher(): Watcher | undefined {
	return getContext<Watcher | undefined>(KEY);
}
