import { CANONICAL, TABLE_KINDS, type FileKind, type TableKind } from '../canonical/schema';
import { mappableColumns } from '../mapping/auxiliary';
import type { DetectedFile } from '../mapping/build-views';
import { typesOf } from '../mapping/build-views';
import { matchKind } from '../mapping/match-columns';
import { applyRememberedMapping } from '../mapping/remember';
import { timestampFormat } from '../mapping/timestamp-format';
import type { Detection, Mapping, Profile } from '../mapping/types';
import { valueShape } from '../mapping/value-hints';

/** What a raw table is taken as: detection's answer, or the user's correction of it. */
export interface MappingChoice {
	kind: FileKind;
	/** Canonical (or auxiliary) column → source column; for a line-level export, the order-level columns. */
	mapping: Mapping;
	/** One row per order line, aggregated into orders (orders only). */
	lineLevel: boolean;
	/** The line columns of a line-level export (order_lines names); its order_id is the orders' one. */
	lineMapping?: Mapping;
}

/** Prefix of a mapping target that names a line column of a line-level export. */
export const LINE_TARGET = 'line:';

export const FILE_KINDS: readonly FileKind[] = [...TABLE_KINDS, 'other'];

export function isFileKind(value: unknown): value is FileKind {
	return typeof value === 'string' && (FILE_KINDS as readonly string[]).includes(value);
}

export function choiceFromDetection(d: Detection): MappingChoice {
	return {
		kind: d.kind,
		mapping: { ...d.mapping },
		lineLevel: d.lineLevel,
		...(d.lineMapping ? { lineMapping: { ...d.lineMapping } } : {})
	};
}

function without(mapping: Mapping, source: string): Mapping {
	return Object.fromEntries(Object.entries(mapping).filter(([, s]) => s !== source));
}

/** A line-level export's lines share the orders' order id. */
function syncLineOrderId(choice: MappingChoice): MappingChoice {
	if (!choice.lineLevel) return { kind: choice.kind, mapping: choice.mapping, lineLevel: false };
	const { order_id: _old, ...lines } = choice.lineMapping ?? {};
	void _old;
	const orderId = choice.mapping.order_id;
	return { ...choice, lineMapping: orderId === undefined ? lines : { order_id: orderId, ...lines } };
}

/** The target of a source column under a choice: a canonical column, `line:<column>`, or null when unused. */
export function targetOf(choice: MappingChoice, source: string): string | null {
	const order = Object.entries(choice.mapping).find(([, s]) => s === source)?.[0];
	if (order !== undefined) return order;
	const line = Object.entries(choice.lineMapping ?? {}).find(([c, s]) => s === source && c !== 'order_id')?.[0];
	return line === undefined ? null : `${LINE_TARGET}${line}`;
}

/**
 * Map one source column to `target` (or to nothing): it leaves whatever it fed before, and the
 * column it now feeds leaves its previous source.
 */
export function assignColumn(choice: MappingChoice, source: string, target: string | null): MappingChoice {
	const mapping = without(choice.mapping, source);
	const lineMapping = choice.lineMapping ? without(choice.lineMapping, source) : undefined;
	if (target?.startsWith(LINE_TARGET)) {
		if (!choice.lineLevel || !lineMapping) throw new Error(`not a line-level export: cannot map ${source} to ${target}`);
		lineMapping[target.slice(LINE_TARGET.length)] = source;
	} else if (target) {
		mapping[target] = source;
	}
	return syncLineOrderId({ ...choice, mapping, ...(lineMapping ? { lineMapping } : {}) });
}

/** The best mapping of a profile onto a kind the user chose, from headers and values. */
export function choiceForKind(kind: FileKind, profile: Profile, detection: Detection): MappingChoice {
	if (kind === detection.kind) return choiceFromDetection(detection);
	if (kind === 'other') return { kind, mapping: {}, lineLevel: false };
	const shapes = profile.columns.map(valueShape);
	return { kind, mapping: matchKind(kind, profile, shapes).mapping, lineLevel: false };
}

/** Read an orders file as one row per order line (or stop doing so). */
export function withLineLevel(choice: MappingChoice, profile: Profile, on: boolean): MappingChoice {
	if (choice.kind !== 'orders') throw new Error(`only orders can be line-level, not ${choice.kind}`);
	if (!on) return { kind: choice.kind, mapping: choice.mapping, lineLevel: false };
	if (choice.lineLevel) return choice;
	const shapes = profile.columns.map(valueShape);
	const fixed: Mapping = choice.mapping.order_id ? { order_id: choice.mapping.order_id } : {};
	const lines = matchKind('order_lines', profile, shapes, fixed).mapping;
	const used = new Set(Object.values(choice.mapping));
	const lineMapping = Object.fromEntries(Object.entries(lines).filter(([c, s]) => c === 'order_id' || !used.has(s)));
	return syncLineOrderId({ ...choice, lineLevel: true, lineMapping });
}

/** A remembered choice applied to a file with the same headers (names matched as normalised headers). */
export function adaptChoice(remembered: MappingChoice, columns: readonly string[]): MappingChoice {
	const mapping = applyRememberedMapping(remembered.mapping, columns);
	if (!remembered.lineLevel) return { kind: remembered.kind, mapping, lineLevel: false };
	return syncLineOrderId({ ...remembered, mapping, lineMapping: applyRememberedMapping(remembered.lineMapping ?? {}, columns) });
}

/** Required canonical columns of the chosen kind that no source column feeds. */
export function missingColumns(choice: MappingChoice): string[] {
	if (choice.kind === 'other') return [];
	return CANONICAL[choice.kind].columns.filter((c) => c.required && !(c.name in choice.mapping)).map((c) => c.name);
}

/** strptime formats for text timestamp columns the choice maps, read from their samples. */
export function formatsFor(kind: TableKind, mapping: Mapping, profile: Profile): Record<string, string> {
	const out: Record<string, string> = {};
	for (const c of mappableColumns(kind)) {
		const source = profile.columns.find((p) => p.name === mapping[c.name]);
		if (c.type !== 'TIMESTAMP' || !source || source.type !== 'VARCHAR') continue;
		const format = timestampFormat(source.sample);
		if (format) out[source.name] = format;
	}
	return out;
}

/** A raw table as the view builder takes it. */
export function detectedFile(rawTable: string, sourceFile: string, profile: Profile, choice: MappingChoice): DetectedFile {
	const formats = choice.kind === 'other' ? {} : formatsFor(choice.kind, choice.mapping, profile);
	return {
		rawTable,
		sourceFile,
		detection: {
			kind: choice.kind,
			mapping: choice.mapping,
			lineLevel: choice.lineLevel,
			...(choice.lineLevel ? { lineMapping: choice.lineMapping ?? {} } : {}),
			formats
		},
		types: typesOf(profile)
	};
}

/** A stored choice read back, or null when it is not one (storage is user-editable). */
export function parseChoice(value: unknown): MappingChoice | null {
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	const isMapping = (m: unknown): m is Mapping =>
		typeof m === 'object' && m !== null && Object.values(m).every((s) => typeof s === 'string');
	if (!isFileKind(v.kind) || !isMapping(v.mapping)) return null;
	const lineLevel = v.kind === 'orders' && v.lineLevel === true && isMapping(v.lineMapping);
	return syncLineOrderId({
		kind: v.kind,
		mapping: { ...v.mapping },
		lineLevel,
		...(lineLevel ? { lineMapping: { ...(v.lineMapping as Mapping) } } : {})
	});
}
