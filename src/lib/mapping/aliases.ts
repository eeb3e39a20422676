import { TABLE_KINDS, type TableKind } from '../canonical/schema';
import type { AliasTable } from './alias-table';
import { ALIASES_EN_SALES } from './aliases-en-sales';
import { ALIASES_EN_SERVICE } from './aliases-en-service';
import { VENDOR_ALIASES } from './aliases-vendors';
import { WEAK_ALIASES } from './aliases-weak';
import { ALIASES_ZH } from './aliases-zh';
import { mappableColumns } from './auxiliary';
import { headerKey, headerWords } from './normalize-header';

/** How much a header says about a column: 1 for a plain alias, less for a weak or partial one. */
export const STRENGTH = { alias: 1, weak: 0.6, prefixed: 0.85 } as const;

export interface AliasHit {
	kind: TableKind;
	column: string;
	strength: number;
}

/**
 * Words a header may start with that only repeat what the table is about (`customer_city` in a
 * customers file, `review_score` in reviews): stripped once, the rest is looked up again.
 */
export const KIND_PREFIXES: Record<TableKind, string[]> = {
	customers: ['customer', 'client', 'contact', 'member', 'user', 'account'],
	orders: ['order', 'purchase', 'sale', 'sales'],
	payments: ['payment', 'pay', 'transaction'],
	order_lines: ['order', 'item', 'line', 'lineitem', 'product'],
	communications: ['contact', 'call', 'interaction', 'communication', 'activity'],
	tickets: ['ticket', 'case', 'issue', 'request'],
	feedback: ['review', 'feedback', 'survey', 'response'],
	campaigns: ['campaign', 'activity', 'send', 'message'],
	visits: ['visit', 'session', 'request', 'http', 'page', 'hit']
};

function add(index: Map<string, AliasHit[]>, header: string, hit: AliasHit): void {
	const key = headerKey(header);
	if (!key) return;
	const hits = index.get(key) ?? [];
	const same = hits.find((h) => h.kind === hit.kind && h.column === hit.column);
	if (same) same.strength = Math.max(same.strength, hit.strength);
	else hits.push(hit);
	index.set(key, hits);
}

function addTable(index: Map<string, AliasHit[]>, table: AliasTable, strength: number): void {
	for (const kind of TABLE_KINDS) {
		const known = new Set(mappableColumns(kind).map((c) => c.name));
		for (const [column, aliases] of Object.entries(table[kind] ?? {})) {
			if (!known.has(column)) throw new Error(`alias table names unknown column ${kind}.${column}`);
			for (const alias of aliases) add(index, alias, { kind, column, strength });
		}
	}
}

function buildIndex(): Map<string, AliasHit[]> {
	const index = new Map<string, AliasHit[]>();
	for (const kind of TABLE_KINDS)
		for (const c of mappableColumns(kind)) add(index, c.name, { kind, column: c.name, strength: STRENGTH.alias });
	addTable(index, ALIASES_EN_SALES, STRENGTH.alias);
	addTable(index, ALIASES_EN_SERVICE, STRENGTH.alias);
	addTable(index, ALIASES_ZH, STRENGTH.alias);
	for (const vendor of Object.values(VENDOR_ALIASES)) addTable(index, vendor, STRENGTH.alias);
	addTable(index, WEAK_ALIASES, STRENGTH.weak);
	return index;
}

let index: Map<string, AliasHit[]> | null = null;

/** Every (kind, column) a header is an alias of. */
export function aliasHits(header: string): AliasHit[] {
	index ??= buildIndex();
	return index.get(headerKey(header)) ?? [];
}

/** Alias hits of `kind` for a header, including those found after stripping a prefix of the kind. */
export function aliasHitsFor(kind: TableKind, header: string): AliasHit[] {
	const direct = aliasHits(header).filter((h) => h.kind === kind);
	const words = headerWords(header);
	if (words.length < 2 || !KIND_PREFIXES[kind].includes(words[0])) return direct;
	const rest = aliasHits(words.slice(1).join(' ')).filter((h) => h.kind === kind && !direct.some((d) => d.column === h.column));
	return [...direct, ...rest.map((h) => ({ ...h, strength: h.strength * STRENGTH.prefixed }))];
}
