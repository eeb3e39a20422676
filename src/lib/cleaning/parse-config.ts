import { CANONICAL, TABLE_KINDS, type TableKind } from '../canonical/schema';
import type { CleaningConfig, FillMethod, KeepPerKey, TableCleaning } from './types';

const FILL_METHODS: readonly FillMethod[] = ['mean', 'median', 'previous'];
const KEEP: readonly KeepPerKey[] = ['first', 'newest'];
const FIELDS = ['dropDuplicates', 'keepPerKey', 'trimText', 'unifyLabels', 'fillMissing'];

function fail(path: string, message: string): never {
	throw new Error(`invalid cleaning: ${path} ${message}`);
}

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flag(value: unknown, path: string): boolean {
	if (value === undefined) return false;
	if (typeof value !== 'boolean') fail(path, `must be true or false, not ${show(value)}`);
	return value;
}

function oneOf<T extends string>(value: unknown, options: readonly T[], path: string): T {
	if (!options.includes(value as T)) fail(path, `must be one of ${options.join(', ')}, not ${show(value)}`);
	return value as T;
}

function fillMissing(kind: TableKind, value: unknown, path: string): Record<string, FillMethod> {
	if (!isObject(value)) fail(path, `must be an object of column → ${FILL_METHODS.join(' | ')}, not ${show(value)}`);
	const numeric = CANONICAL[kind].columns.filter((c) => c.type === 'DOUBLE' || c.type === 'BIGINT').map((c) => c.name);
	const out: Record<string, FillMethod> = {};
	for (const [column, method] of Object.entries(value)) {
		if (!numeric.includes(column)) {
			fail(`${path}.${column}`, `is not a numeric column of ${kind} (${numeric.join(', ') || 'it has none'})`);
		}
		out[column] = oneOf(method, FILL_METHODS, `${path}.${column}`);
	}
	return out;
}

function tableCleaning(kind: TableKind, value: unknown, path: string): TableCleaning {
	if (!isObject(value)) fail(path, `must be an object, not ${show(value)}`);
	for (const field of Object.keys(value))
		if (!FIELDS.includes(field)) fail(`${path}.${field}`, `is not a cleaning step (${FIELDS.join(', ')})`);
	const out: TableCleaning = {};
	if (flag(value.dropDuplicates, `${path}.dropDuplicates`)) out.dropDuplicates = true;
	if (value.keepPerKey !== undefined && value.keepPerKey !== null) {
		if (!CANONICAL[kind].key.length) fail(`${path}.keepPerKey`, `cannot apply: ${kind} have no key`);
		out.keepPerKey = oneOf(value.keepPerKey, KEEP, `${path}.keepPerKey`);
	}
	if (flag(value.trimText, `${path}.trimText`)) out.trimText = true;
	if (flag(value.unifyLabels, `${path}.unifyLabels`)) out.unifyLabels = true;
	if (value.fillMissing !== undefined) {
		const fill = fillMissing(kind, value.fillMissing, `${path}.fillMissing`);
		if (Object.keys(fill).length) out.fillMissing = fill;
	}
	return out;
}

/**
 * Check a cleaning config read from JSON (a config file, the shared state); errors name the
 * field and the bad value. Steps switched off are left out, and so are tables with none on,
 * so equal choices give equal objects.
 */
export function parseCleaningConfig(input: unknown, path = 'cleaning'): CleaningConfig {
	if (!isObject(input)) fail(path, `must be an object, not ${show(input)}`);
	const out: CleaningConfig = {};
	for (const [kind, value] of Object.entries(input)) {
		if (!(TABLE_KINDS as readonly string[]).includes(kind)) fail(`${path}.${kind}`, `is not a table kind (${TABLE_KINDS.join(', ')})`);
		const table = tableCleaning(kind as TableKind, value, `${path}.${kind}`);
		if (Object.keys(table).length) out[kind as TableKind] = table;
	}
	return out;
}
