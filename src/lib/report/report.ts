import { applyCleaning } from '../cleaning/apply';
import type { StepCounts } from '../cleaning/types';
import type { Engine, TableInfo } from '../engine/engine';
import { readCatalog, runMetrics, type MetricsReport, type Settings } from '../metrics';
import type { ReportConfig } from './config';
import { applyCanonicalViews, dataSettings, rawTables, recogniseTables, type RecognisedTable } from './model';

export interface Report {
	tables: RecognisedTable[];
	metrics: MetricsReport;
	/** Before/after counts of each cleaning step that is on. */
	cleaning: StepCounts[];
}

/**
 * Everything between loaded raw tables and the metric export: recognise the tables,
 * build the canonical views, clean them as the config says, and run the whole catalogue.
 * The browser and the command line both come through here, so they give the same numbers
 * for the same files.
 */
export async function buildReport(
	engine: Engine,
	tables: Array<{ info: TableInfo; fileName: string }>,
	config: ReportConfig = { version: 1 },
	options: { now?: string; signal?: AbortSignal } = {}
): Promise<Report> {
	const recognised = await recogniseTables(engine, tables, config);
	const views = await applyCanonicalViews(engine, recognised, dataSettings(config));
	const cleaning = await applyCleaning(engine, views, config.cleaning ?? {}, { signal: options.signal });
	const catalog = await readCatalog(engine, rawTables(recognised));
	const metrics = await runMetrics(
		engine,
		catalog,
		config.filters ?? {},
		{ ...metricSettings(config), now: options.now ?? null },
		{ signal: options.signal }
	);
	return { tables: recognised, metrics, cleaning };
}

/** The metric settings a config sets (the metric library's defaults fill the rest). */
export function metricSettings(config: ReportConfig): Partial<Settings> {
	const s = config.settings ?? {};
	return {
		...(s.excludedStatuses ? { excludedStatuses: s.excludedStatuses } : {}),
		...(s.slaHours !== undefined ? { slaHours: s.slaHours } : {}),
		...(s.clvHorizonMonths !== undefined ? { clvHorizonMonths: s.clvHorizonMonths } : {}),
		referenceDate: s.referenceDate ?? null
	};
}
