import { CANONICAL } from '../canonical/schema';
import type { Engine, TableInfo } from '../engine/engine';
import { buildCanonicalViews, DEFAULT_DATA_SETTINGS, typesOf, type DetectedFile } from '../mapping/build-views';
import { detectKind } from '../mapping/detect-kind';
import { profileTable } from '../mapping/profile';
import type { Catalog, DataSettings, Detection, Profile } from '../mapping/types';
import type { RawTable } from '../metrics';
import type { ReportConfig } from './config';

/** A loaded raw table with what it was recognised as. */
export interface RecognisedTable {
	info: TableInfo;
	fileName: string;
	profile: Profile;
	detection: Detection;
	file: DetectedFile;
}

/** Profile and recognise each raw table; a config's corrections (canonical → source mappings) win over detection. */
export async function recogniseTables(
	engine: Engine,
	tables: Array<{ info: TableInfo; fileName: string }>,
	config?: ReportConfig
): Promise<RecognisedTable[]> {
	const out: RecognisedTable[] = [];
	for (const { info, fileName } of tables) {
		const profile = await profileTable(engine, info.name, fileName);
		const detected = detectKind(profile);
		const correction = config?.tables?.[info.name];
		const detection: Detection = {
			...detected,
			kind: correction?.kind ?? detected.kind,
			mapping: correction?.mapping ?? (correction?.kind && correction.kind !== detected.kind ? {} : detected.mapping)
		};
		const file: DetectedFile = { rawTable: info.name, sourceFile: fileName, detection, types: typesOf(profile) };
		out.push({ info, fileName, profile, detection, file });
	}
	return out;
}

export function dataSettings(config?: ReportConfig): DataSettings {
	return {
		timeZone: config?.settings?.timeZone ?? DEFAULT_DATA_SETTINGS.timeZone,
		excludedStatuses: config?.settings?.excludedStatuses ?? DEFAULT_DATA_SETTINGS.excludedStatuses
	};
}

/** Create the canonical `crm` views and their `clean` pass-throughs in the engine; returns the columns of each `crm` view. */
export async function applyCanonicalViews(engine: Engine, tables: RecognisedTable[], settings: DataSettings): Promise<Catalog> {
	const build = buildCanonicalViews(
		tables.map((t) => t.file),
		settings
	);
	for (const sql of [...build.statements, ...build.passThrough]) await engine.query(sql);
	return build.catalog;
}

/** The raw tables as the quality metrics see them: columns, kind and key columns. */
export function rawTables(tables: RecognisedTable[]): RawTable[] {
	return tables.map(({ info, detection }) => {
		const canonicalKey = detection.kind === 'other' ? [] : CANONICAL[detection.kind].key;
		// Mappings are canonical column → source column.
		const key = canonicalKey.map((k) => detection.mapping[k]).filter((k): k is string => Boolean(k));
		return {
			name: info.name,
			columns: info.columns,
			kind: detection.kind,
			...(key.length === canonicalKey.length && key.length ? { key } : {})
		};
	});
}
