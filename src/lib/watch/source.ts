/** What tells one version of a watched source from the next. */
export interface Signature {
	etag?: string;
	lastModified?: string;
	/** SHA-256 of the body, hex; used when the server sends neither header. */
	hash?: string;
}

/** Whether the source changed: ETag first, then Last-Modified, then the body's hash. */
export function hasChanged(before: Signature | null, after: Signature): boolean {
	if (!before) return true;
	if (before.etag && after.etag) return before.etag !== after.etag;
	if (before.lastModified && after.lastModified && before.lastModified !== after.lastModified) return true;
	if (before.hash && after.hash) return before.hash !== after.hash;
	return before.lastModified !== after.lastModified;
}

const CSV_LIKE = /\.(csv|tsv|txt)$/i;

/**
 * A URL to watch: on the page's own origin only (relative paths allowed), naming a CSV-like file.
 * Returns the absolute URL and the file name it loads as, or why it is refused.
 */
export function checkWatchUrl(raw: string, page: string): { url: string; name: string } | { error: string } {
	const text = raw.trim();
	if (!text) return { error: 'Enter a URL to watch.' };
	let url: URL;
	try {
		url = new URL(text, page);
	} catch {
		return { error: `${text} is not a URL.` };
	}
	const origin = new URL(page).origin;
	if (url.origin !== origin)
		return {
			error: `${url.origin} is another site: only URLs on this site (${origin}) can be watched, so no data leaves or enters from elsewhere.`
		};
	const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
	if (!CSV_LIKE.test(last)) return { error: `${url.pathname} does not name a CSV export (.csv, .tsv, .txt).` };
	url.hash = '';
	return { url: url.toString(), name: last };
}
