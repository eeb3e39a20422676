import { CANONICAL_SCHEMA, SOURCE_FILE_COLUMN, TABLE_KINDS, type TableKind } from '../canonical/schema';
import type { Engine } from '../engine/engine';
import { BUILD_ORDER, buildCanonicalViews, type DetectedFile } from '../mapping/build-views';
import { cleanPassThroughSql, dropViewsSql, viewName } from '../mapping/canonical-sql';
import type { DataSettings, Profile } from '../mapping/types';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { detectedFile, type MappingChoice } from './model-mapping';

/** A canonical view `crm.<kind>` as a build left it. */
export interface CanonicalView {
	kind: TableKind;
	columns: string[];
	rows: number;
}

/** A recognised raw table, ready to feed the views. */
export interface BuildSource {
	table: string;
	fileName: string;
	profile: Profile;
	choice: MappingChoice;
}

export interface BuildResult {
	views: CanonicalView[];
	/** Tables left out because their mapping cannot be built, with the reason. */
	fileErrors: Record<string, string>;
	/** Views the engine refused. */
	errors: string[];
}

export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Each table's view source; one whose mapping cannot be built alone is left out with its reason, not the others. */
function buildable(sources: BuildSource[], settings: DataSettings): { files: DetectedFile[]; fileErrors: Record<string, string> } {
	const files: DetectedFile[] = [];
	const fileErrors: Record<string, string> = {};
	for (const s of sources) {
		const file = detectedFile(s.table, s.fileName, s.profile, s.choice);
		if (file.detection.kind === 'other') continue;
		try {
			buildCanonicalViews([file], settings);
			files.push(file);
		} catch (err) {
			fileErrors[s.table] = errorMessage(err);
		}
	}
	return { files, fileErrors };
}

function statementKind(sql: string): TableKind | undefined {
	return BUILD_ORDER.find((k) => sql.startsWith(`CREATE OR REPLACE VIEW ${viewName(CANONICAL_SCHEMA, k)}`));
}

async function passThroughAndCount(engine: Engine, kind: TableKind): Promise<number> {
	await engine.query(cleanPassThroughSql(kind));
	const [row] = await engine.rows(`SELECT CAST(count(*) AS DOUBLE) AS n FROM ${viewName(CANONICAL_SCHEMA, kind)}`);
	return Number(row.n);
}

/**
 * (Re)create the `crm` views and their `clean` pass-throughs from the sources, drop the views
 * of kinds no source has any more, and count each view's rows. A view the engine refuses is
 * dropped and reported; the others are still built.
 */
export async function buildViews(engine: Engine, sources: BuildSource[], settings: DataSettings): Promise<BuildResult> {
	const { files, fileErrors } = buildable(sources, settings);
	const errors: string[] = [];
	const views: CanonicalView[] = [];
	const build = buildCanonicalViews(files, settings);
	const failed: TableKind[] = [];
	for (const sql of build.statements) {
		try {
			await engine.query(sql);
		} catch (err) {
			const kind = statementKind(sql);
			if (kind) failed.push(kind);
			errors.push(kind ? `crm.${kind} could not be built: ${errorMessage(err)}` : errorMessage(err));
		}
	}
	// In build order, so that a view is counted after the views it reads are settled.
	for (const kind of BUILD_ORDER) {
		const columns = build.catalog.tables[kind];
		if (!columns) continue;
		if (!failed.includes(kind)) {
			try {
				views.push({ kind, columns, rows: await passThroughAndCount(engine, kind) });
				continue;
			} catch (err) {
				errors.push(`crm.${kind} could not be read: ${errorMessage(err)}`);
			}
		}
		for (const sql of dropViewsSql(kind)) await engine.query(sql).catch(() => undefined);
	}
	views.sort((a, b) => TABLE_KINDS.indexOf(a.kind) - TABLE_KINDS.indexOf(b.kind));
	return { views, fileErrors, errors };
}

/** The first rows of a canonical view, or of the rows one file gives it. */
export function viewPreviewSql(kind: TableKind, limit: number, sourceFile?: string): string {
	if (!TABLE_KINDS.includes(kind)) throw new Error(`unknown canonical table: ${kind}`);
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`invalid preview limit: ${limit}`);
	const where = sourceFile === undefined ? '' : ` WHERE ${quoteIdent(SOURCE_FILE_COLUMN)} = ${quoteLiteral(sourceFile)}`;
	return `SELECT * FROM ${viewName(CANONICAL_SCHEMA, kind)}${where} LIMIT ${limit}`;
}
