import type { Filters } from '../metrics';
import { filtersFromQuery, filtersToQuery, sameFilters } from '../share/filters-url';

/** How the filter state reads and writes the page URL; injected so that tests need no router. */
export interface UrlPort {
	read(): URL;
	write(url: URL): void;
}

/** The global filters (date range, channel, segment), kept in the URL so a link reproduces the view. */
export class FilterState {
	current = $state.raw<Filters>({});
	private readonly url: UrlPort;

	constructor(url: UrlPort) {
		this.url = url;
		this.current = filtersFromQuery(url.read().searchParams);
	}

	/** Read the URL again (after navigation). */
	sync(): void {
		const next = filtersFromQuery(this.url.read().searchParams);
		if (!sameFilters(next, this.current)) this.current = next;
	}

	set(patch: Partial<Filters>): void {
		const next: Filters = { ...this.current, ...patch };
		for (const k of Object.keys(next) as (keyof Filters)[]) if (!next[k]) delete next[k];
		if (sameFilters(next, this.current)) return;
		this.current = next;
		const url = this.url.read();
		filtersToQuery(next, url.searchParams);
		this.url.write(url);
	}

	clear(): void {
		this.set({ from: undefined, to: undefined, channel: undefined, segment: undefined });
	}
}
