import { CANONICAL, type TableKind } from '../canonical/schema';
import { aliasHitsFor } from './aliases';
import { mappableColumns, type MappableColumn } from './auxiliary';
import { columnFit } from './column-fit';
import type { Mapping, Profile, ProfileColumn } from './types';
import type { ValueShape } from './value-hints';

export interface ColumnMatch {
	/** Canonical or auxiliary column. */
	column: string;
	source: string;
	/** 0..1: header strength × value fit, or a value-only guess. */
	score: number;
	via: 'header' | 'values';
}

export interface KindMatch {
	kind: TableKind;
	matches: ColumnMatch[];
	mapping: Mapping;
	/** Required canonical columns left unmapped. */
	missing: string[];
}

/** Below this a candidate is not worth mapping. */
const MIN_SCORE = 0.15;

/** Guesses from values alone, for columns whose header says nothing to this kind. */
function valueGuesses(kind: TableKind, shape: ValueShape): { column: string; score: number }[] {
	const out: { column: string; score: number }[] = [];
	const main = CANONICAL[kind].mainTimestamp ?? (kind === 'customers' ? 'created_at' : null);
	if (kind === 'customers' && shape.email >= 0.8) out.push({ column: 'email', score: 0.6 });
	if (main && shape.timestamp >= 0.8) out.push({ column: main, score: 0.35 });
	if (kind === 'feedback' && shape.score1to5) out.push({ column: 'score', score: 0.4 });
	if (kind === 'tickets' && shape.score1to5) out.push({ column: 'satisfaction', score: 0.35 });
	if (kind === 'visits' && shape.httpStatus) out.push({ column: 'status_code', score: 0.6 });
	return out;
}

function candidates(kind: TableKind, profile: Profile, shapes: ValueShape[]): (ColumnMatch & { order: number })[] {
	const targets = new Map<string, MappableColumn>(mappableColumns(kind).map((c) => [c.name, c]));
	const order = [...targets.keys()];
	const out: (ColumnMatch & { order: number })[] = [];
	profile.columns.forEach((source: ProfileColumn, i) => {
		const hits = aliasHitsFor(kind, source.name);
		const guesses = hits.length ? [] : valueGuesses(kind, shapes[i]);
		for (const hit of hits) {
			const score = hit.strength * columnFit(targets.get(hit.column)!, source, shapes[i]);
			out.push({ column: hit.column, source: source.name, score, via: 'header', order: i * 1000 + order.indexOf(hit.column) });
		}
		for (const g of guesses) {
			const score = g.score * columnFit(targets.get(g.column)!, source, shapes[i]);
			out.push({ column: g.column, source: source.name, score, via: 'values', order: i * 1000 + order.indexOf(g.column) });
		}
	});
	return out.filter((c) => c.score >= MIN_SCORE);
}

/**
 * The best mapping of a file's columns onto one kind: strongest candidates first, each
 * canonical column and each source column used at most once. `fixed` columns are assigned
 * first (the order id of a line-level export is the orders' one).
 */
export function matchKind(kind: TableKind, profile: Profile, shapes: ValueShape[], fixed: Mapping = {}): KindMatch {
	const all = candidates(kind, profile, shapes).sort((a, b) => b.score - a.score || a.order - b.order);
	const usedSources = new Set<string>(Object.values(fixed));
	const matches: ColumnMatch[] = Object.entries(fixed).map(([column, source]) => ({ column, source, score: 1, via: 'header' as const }));
	for (const { column, source, score, via } of all) {
		if (usedSources.has(source) || matches.some((m) => m.column === column)) continue;
		usedSources.add(source);
		matches.push({ column, source, score, via });
	}
	const mapping: Mapping = Object.fromEntries(matches.map((m) => [m.column, m.source]));
	const missing = CANONICAL[kind].columns.filter((c) => c.required && !(c.name in mapping)).map((c) => c.name);
	return { kind, matches, mapping, missing };
}
