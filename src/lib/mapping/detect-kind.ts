import { TABLE_KINDS, type TableKind } from '../canonical/schema';
import { mappableColumns } from './auxiliary';
import { fileNameHint } from './file-name-hint';
import { baseScore, identity, MISSING_FACTOR } from './kind-score';
import { matchKind, type ColumnMatch, type KindMatch } from './match-columns';
import { timestampFormat } from './timestamp-format';
import type { Detection, KindCandidate, Mapping, Profile } from './types';
import { valueShape, type ValueShape } from './value-hints';

/** A complete kind below this is too weak to name; so is an incomplete one below INCOMPLETE_MIN. */
const COMPLETE_MIN = 0.25;
const INCOMPLETE_MIN = 0.3;
/**
 * An incomplete kind beats the best complete one only when it explains the file this much
 * better (before its penalty): `order_id,status,amount,order_date,ship_date` is orders lacking
 * a customer, not payments.
 */
const INCOMPLETE_LEAD = 0.2;
const NAME_BONUS = 0.1;
const REPEAT_BONUS = 0.05;
/** Columns that only a line of an order has. */
const LINE_ONLY = ['line', 'product_id', 'product_name', 'unit_price'];

interface Scored extends KindCandidate {
	/** Score before the penalty for missing required columns and before bonuses. */
	base: number;
	match: KindMatch;
	lineMatch?: KindMatch;
}

function repeats(profile: Profile, source: string | undefined): boolean {
	const column = profile.columns.find((c) => c.name === source);
	if (!column) return false;
	if (column.distinctRatio !== undefined) return column.distinctRatio < 0.95;
	return new Set(column.sample).size < column.sample.length;
}

/**
 * A line-level orders export: orders complete, plus line columns on the same order id. Columns
 * claimed by both (Quantity, Sales) are per line, so they leave the order-level mapping and
 * the order's value becomes their sum.
 */
function lineLevel(orders: KindMatch, profile: Profile, shapes: ValueShape[]): KindMatch | null {
	if (orders.missing.length) return null;
	const lines = matchKind('order_lines', profile, shapes, { order_id: orders.mapping.order_id });
	const orderSources = new Set(Object.values(orders.mapping));
	if (!LINE_ONLY.some((c) => c in lines.mapping && !orderSources.has(lines.mapping[c]))) return null;
	return lines;
}

function splitLineLevel(orders: KindMatch, lines: KindMatch): KindMatch {
	const lineSources = new Set(
		Object.entries(lines.mapping)
			.filter(([c]) => c !== 'order_id')
			.map(([, s]) => s)
	);
	const matches = orders.matches.filter((m) => !lineSources.has(m.source));
	return { ...orders, matches, mapping: Object.fromEntries(matches.map((m) => [m.column, m.source])) };
}

function score(kind: TableKind, profile: Profile, shapes: ValueShape[], hint: TableKind | null): Scored {
	const match = matchKind(kind, profile, shapes);
	const n = profile.columns.length;
	const bonus = hint === kind ? NAME_BONUS : 0;
	const lines = kind === 'orders' ? lineLevel(match, profile, shapes) : null;
	if (lines) {
		const orders = splitLineLevel(match, lines);
		const union: ColumnMatch[] = [...orders.matches, ...lines.matches.filter((m) => !orders.matches.some((o) => o.source === m.source))];
		const base = baseScore(union, n, (identity('orders', orders.matches) + identity('order_lines', lines.matches)) / 2);
		const s = base + bonus + (repeats(profile, match.mapping.order_id) ? REPEAT_BONUS : 0);
		return { kind, base, score: Math.min(1, s), missing: [], match: orders, lineMatch: lines };
	}
	const base = baseScore(match.matches, n, identity(kind, match.matches));
	let s = (match.missing.length ? base * MISSING_FACTOR : base) + bonus;
	if (kind === 'order_lines' && repeats(profile, match.mapping.order_id)) s += REPEAT_BONUS;
	return { kind, base, score: Math.min(1, s), missing: match.missing, match };
}

/**
 * A line-level orders export reads as order lines too, but it also carries each order's
 * customer and date: it ranks at least as high as that reading.
 */
function preferLineLevel(scored: Scored[]): void {
	const orders = scored.find((s) => s.kind === 'orders' && s.lineMatch);
	const lines = scored.find((s) => s.kind === 'order_lines');
	if (orders && lines && lines.score >= orders.score) orders.score = Math.min(1, lines.score + 0.01);
}

function pickWinner(scored: Scored[]): Scored | null {
	const complete = scored.find((s) => !s.missing.length);
	const incomplete = scored.find((s) => s.missing.length > 0);
	const completeFits = complete !== undefined && complete.score >= COMPLETE_MIN;
	if (incomplete && incomplete.score >= INCOMPLETE_MIN && (!completeFits || incomplete.base - complete.score >= INCOMPLETE_LEAD))
		return incomplete;
	return completeFits ? complete : null;
}

function formatsOf(kind: TableKind, mapping: Mapping, profile: Profile): Record<string, string> {
	const out: Record<string, string> = {};
	for (const c of mappableColumns(kind)) {
		const source = profile.columns.find((p) => p.name === mapping[c.name]);
		if (c.type !== 'TIMESTAMP' || !source || source.type !== 'VARCHAR') continue;
		const format = timestampFormat(source.sample);
		if (format) out[source.name] = format;
	}
	return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Recognise what a file is from its headers, values and name. Pure: the profile comes from
 * profile.ts (or from a header line, for a file the engine cannot load).
 */
export function detectKind(profile: Profile): Detection {
	const shapes = profile.columns.map(valueShape);
	const hint = fileNameHint(profile.fileName);
	const scored = TABLE_KINDS.map((k) => score(k, profile, shapes, hint)).filter((s) => s.match.matches.length > 0);
	preferLineLevel(scored);
	scored.sort((a, b) => b.score - a.score);
	const candidates = scored.map(({ kind, score, missing }) => ({ kind, score: round(score), missing }));
	const winner = pickWinner(scored);
	const columns = profile.columns.map((c) => c.name);
	if (!winner) {
		const best = scored[0]?.score ?? 0;
		return {
			kind: 'other',
			confidence: round(0.3 * (1 - Math.min(1, best))),
			candidates,
			mapping: {},
			lineLevel: false,
			missing: [],
			unmapped: columns,
			formats: {}
		};
	}
	// The order-lines reading of a line-level export is the same answer, not a rival.
	const rivals = scored.filter((s) => s !== winner && !(winner.lineMatch && s.kind === 'order_lines'));
	const runnerUp = rivals[0]?.score ?? 0;
	const margin = Math.min(1, (2 * (winner.score - runnerUp)) / Math.max(winner.score, 0.01));
	const confidence = winner.missing.length ? Math.min(0.45, winner.score) : winner.score * (0.7 + 0.3 * Math.max(0, margin));
	const mapping = winner.match.mapping;
	const lineMapping = winner.lineMatch?.mapping;
	const used = new Set([...Object.values(mapping), ...Object.values(lineMapping ?? {})]);
	return {
		kind: winner.kind,
		confidence: round(confidence),
		candidates,
		mapping,
		lineLevel: !!lineMapping,
		...(lineMapping ? { lineMapping } : {}),
		missing: winner.missing,
		unmapped: columns.filter((c) => !used.has(c)),
		formats: formatsOf(winner.kind, mapping, profile)
	};
}
