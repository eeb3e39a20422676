import type { Engine } from '../engine/engine';
import { breakdownUnavailableReason, unavailableReason } from './availability';
import type { Catalog } from './catalog';
import { buildContext } from './context';
import { allMetrics } from './registry';
import type { Settings } from './settings';
import type { Filters, MetricDef, MetricsReport } from './types';

export interface RunOptions {
	/** Compute breakdowns too (default true). */
	breakdowns?: boolean;
	/** Only these metric ids (default: all); an entry ending in `*` is a prefix (`process.*`). */
	only?: readonly string[];
	signal?: AbortSignal;
}

function plainNumber(v: unknown): number | null {
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Compute every metric of the catalog over the engine, in the export shape of DESIGN.md §3.
 * The reference date is computed once and then used as a literal by every query. A metric
 * whose inputs are missing is listed in `unavailable` with the reason; one whose query fails
 * too, as `error: <message>`, so one bad table does not hide the rest.
 */
export async function runMetrics(
	engine: Engine,
	catalog: Catalog,
	filters: Filters = {},
	settings: Partial<Settings> = {},
	options: RunOptions = {}
): Promise<MetricsReport> {
	options.signal?.throwIfAborted();
	const generatedAt = new Date().toISOString();
	const draft = buildContext(catalog, filters, settings);
	const [refRow] = await engine.rows(`SELECT CAST(${draft.ref} AS VARCHAR) AS ref`, { signal: options.signal });
	const referenceDate = typeof refRow?.ref === 'string' ? refRow.ref : null;
	const ctx = buildContext(catalog, filters, settings, referenceDate);
	const report: MetricsReport = { generatedAt, referenceDate, filters: ctx.filters, metrics: {}, unavailable: {}, breakdowns: {} };
	const cache = new Map<string, Promise<Record<string, unknown>[]>>();
	const rows = (sql: string) => {
		let hit = cache.get(sql);
		if (!hit) cache.set(sql, (hit = engine.rows(sql, { signal: options.signal })));
		return hit;
	};
	const attempt = async (id: string, work: () => Promise<void>) => {
		try {
			await work();
		} catch (err) {
			if (options.signal?.aborted) throw err;
			report.unavailable[id] = `error: ${err instanceof Error ? err.message : String(err)}`;
		}
	};

	const wanted = (id: string) => !options.only || options.only.some((o) => (o.endsWith('*') ? id.startsWith(o.slice(0, -1)) : o === id));
	const defs = allMetrics(catalog).filter((d) => wanted(d.id));
	for (const def of defs) {
		options.signal?.throwIfAborted();
		const reason = unavailableReason(def, catalog, ctx.filters);
		if (reason) {
			report.unavailable[def.id] = reason;
			continue;
		}
		await attempt(def.id, async () => {
			const [row] = await rows(def.sql(ctx));
			for (const [fullId, column] of headlineColumns(def)) report.metrics[fullId] = plainNumber(row?.[column]);
		});
		if (options.breakdowns === false) continue;
		for (const bd of def.breakdowns ?? []) {
			const why = breakdownUnavailableReason(bd, catalog);
			if (why) report.unavailable[bd.id] = why;
			else await attempt(bd.id, async () => void (report.breakdowns[bd.id] = await rows(bd.sql(ctx))));
		}
	}
	return report;
}

/** [full id, column of the headline row] pairs of a metric. */
function headlineColumns(def: MetricDef): [string, string][] {
	return def.stats ? def.stats.map((s) => [`${def.id}.${s}`, s]) : [[def.id, 'value']];
}

export type MetricLookup = { status: 'ok'; value: number | null } | { status: 'unavailable'; reason: string } | { status: 'unknown' };

/** A full id's value in a report, or why it has none (alerts use this to tell no-data from unavailable). */
export function lookupMetric(report: MetricsReport, fullId: string): MetricLookup {
	if (fullId in report.metrics) return { status: 'ok', value: report.metrics[fullId] };
	for (let id = fullId; id.includes('.'); id = id.slice(0, id.lastIndexOf('.'))) {
		if (id in report.unavailable) return { status: 'unavailable', reason: report.unavailable[id] };
	}
	return { status: 'unknown' };
}
