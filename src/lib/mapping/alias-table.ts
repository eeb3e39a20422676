import type { TableKind } from '../canonical/schema';

/** Per table kind, per canonical (or auxiliary) column: header aliases, written as people write them. */
export type AliasTable = Partial<Record<TableKind, Record<string, string[]>>>;
