import { describe, expect, it } from 'vitest';
import { checkWatchUrl, hasChanged } from '../../../src/lib/watch/source';

const PAGE = 'https://crm.example/app/alerts?x=1';

describe('checkWatchUrl', () => {
	it('accepts same-site paths, relative or absolute, and names the file', () => {
		expect(checkWatchUrl('data/orders.csv', PAGE)).toEqual({ url: 'https://crm.example/app/data/orders.csv', name: 'orders.csv' });
		expect(checkWatchUrl(' /exports/web%20visits.csv#x ', PAGE)).toEqual({
			url: 'https://crm.example/exports/web%20visits.csv',
			name: 'web visits.csv'
		});
	});

	it('refuses other sites, non-CSV paths and non-URLs with a message', () => {
		expect(checkWatchUrl('https://evil.example/orders.csv', PAGE)).toEqual({
			error: expect.stringContaining('https://evil.example is another site')
		});
		expect(checkWatchUrl('http://crm.example/app/orders.csv', PAGE)).toEqual({ error: expect.stringContaining('another site') });
		expect(checkWatchUrl('/data/orders.json', PAGE)).toEqual({ error: expect.stringContaining('/data/orders.json does not name a CSV') });
		expect(checkWatchUrl('', PAGE)).toEqual({ error: 'Enter a URL to watch.' });
		expect(checkWatchUrl('http://[x', PAGE)).toEqual({ error: 'http://[x is not a URL.' });
	});
});

describe('hasChanged', () => {
	it('is true the first time, then compares ETag, Last-Modified, then the hash', () => {
		expect(hasChanged(null, { hash: 'a' })).toBe(true);
		expect(hasChanged({ etag: '"1"', hash: 'a' }, { etag: '"1"', hash: 'b' })).toBe(false);
		expect(hasChanged({ etag: '"1"' }, { etag: '"2"' })).toBe(true);
		expect(hasChanged({ lastModified: 'Mon', hash: 'a' }, { lastModified: 'Tue', hash: 'a' })).toBe(true);
		expect(hasChanged({ lastModified: 'Mon', hash: 'a' }, { lastModified: 'Mon', hash: 'b' })).toBe(true);
		expect(hasChanged({ hash: 'a' }, { hash: 'a' })).toBe(false);
	});
});
