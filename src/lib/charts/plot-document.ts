/** The document charts are drawn in: the page's, or one given (tests, server-side). */
export function chartDocument(doc?: Document): Document {
	if (doc) return doc;
	if (typeof document === 'undefined') throw new Error('no document to draw charts in');
	return document;
}

/** A colour-blind-safe categorical palette (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
export const ACCENT = PALETTE[0];
