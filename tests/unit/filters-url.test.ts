import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToQuery, previousPeriod } from '../../src/lib/share/filters-url';
import { FilterState } from '../../src/lib/state/filters.svelte';

describe('filters in the URL', () => {
	it.each([
		[{}, ''],
		[{ from: '2025-01-01' }, 'from=2025-01-01'],
		[
			{ from: '2025-01-01', to: '2025-03-31', channel: '微信', segment: 'VIP & co' },
			'from=2025-01-01&to=2025-03-31&channel=%E5%BE%AE%E4%BF%A1&segment=VIP+%26+co'
		]
	])('round-trips %j deterministically', (filters, query) => {
		const params = filtersToQuery(filters);
		expect(params.toString()).toBe(query);
		expect(filtersFromQuery(new URLSearchParams(params.toString()))).toEqual(filters);
	});

	it('keeps other query parameters and drops malformed or tampered values', () => {
		const params = filtersToQuery({ channel: 'web' }, new URLSearchParams('sample&from=yesterday'));
		expect(params.toString()).toBe('sample=&channel=web');
		expect(filtersFromQuery(new URLSearchParams('from=2025-13-99x&to=2025-02-01&channel=%20'))).toEqual({ to: '2025-02-01' });
		// A range that ends before it starts keeps only its start.
		expect(filtersFromQuery(new URLSearchParams('from=2025-03-01&to=2025-02-01'))).toEqual({ from: '2025-03-01' });
	});

	it('computes the previous period of equal length', () => {
		// 2025-03-01..2025-03-31 is 31 days; the 31 days before end on 2025-02-28 and start on 2025-01-29.
		expect(previousPeriod('2025-03-01', '2025-03-31')).toEqual({ from: '2025-01-29', to: '2025-02-28' });
		expect(previousPeriod('2025-01-01', '2025-01-01')).toEqual({ from: '2024-12-31', to: '2024-12-31' });
	});

	it('FilterState writes changes to the URL it was given and reads it back', () => {
		let url = new URL('http://host/base/overview/?sample');
		const state = new FilterState({ read: () => new URL(url), write: (next) => (url = next) });
		state.set({ from: '2025-10-01', channel: 'web' });
		expect(url.search).toBe('?sample=&from=2025-10-01&channel=web');
		state.set({ channel: undefined });
		expect(url.search).toBe('?sample=&from=2025-10-01');
		url = new URL('http://host/base/overview/?to=2025-12-31');
		state.sync();
		expect(state.current).toEqual({ to: '2025-12-31' });
	});
});
