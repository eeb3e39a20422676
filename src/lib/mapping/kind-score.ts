import { CANONICAL, TABLE_KINDS, type TableKind } from '../canonical/schema';
import type { ColumnMatch } from './match-columns';

/** A column found in n kinds says 1/n about which kind a file is (customer_id: 1/7, priority: 1). */
const KINDS_WITH = new Map<string, number>();
for (const kind of TABLE_KINDS) for (const c of CANONICAL[kind].columns) KINDS_WITH.set(c.name, (KINDS_WITH.get(c.name) ?? 0) + 1);

function weight(column: string): number {
	return 1 / (KINDS_WITH.get(column) ?? 2);
}

/** Share of the kind's identity (its columns weighted by how telling they are) that the matches cover. */
export function identity(kind: TableKind, matches: ColumnMatch[]): number {
	const columns = CANONICAL[kind].columns.map((c) => c.name);
	const total = columns.reduce((s, c) => s + weight(c), 0);
	const got = matches.filter((m) => columns.includes(m.column)).reduce((s, m) => s + m.score * weight(m.column), 0);
	return got / total;
}

/**
 * How well a kind explains a file, 0..1, before any penalty: how much of the file it maps
 * (square root, so that wide exports such as Zendesk's 32 columns are not punished for their
 * extras) and how much of the kind the file has.
 */
export function baseScore(matches: ColumnMatch[], fileColumns: number, identityShare: number): number {
	const covered = fileColumns ? matches.reduce((s, m) => s + m.score, 0) / fileColumns : 0;
	return 0.55 * Math.sqrt(Math.min(1, covered)) + 0.45 * identityShare;
}

/** Score factor for a kind that lacks required columns. */
export const MISSING_FACTOR = 0.45;
