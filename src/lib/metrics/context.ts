import type { Catalog } from './catalog';
import { resolveFilters } from './filters';
import { referenceSql } from './reference';
import { resolveSettings, utcNow, type Settings } from './settings';
import { timestampLiteral } from './sql-parts';
import type { Filters, MetricContext } from './types';

/**
 * The context every SQL builder takes. The reference date stays a subquery unless
 * `referenceDate` (already computed, e.g. by the runner) is given.
 */
export function buildContext(
	catalog: Catalog,
	filters: Filters = {},
	settings: Partial<Settings> = {},
	referenceDate?: string | null
): MetricContext {
	const s = resolveSettings(settings);
	const f = resolveFilters(filters);
	let ref = referenceSql(catalog, f, s);
	if (referenceDate !== undefined) ref = referenceDate === null ? 'CAST(NULL AS TIMESTAMP)' : timestampLiteral(referenceDate);
	return { catalog, filters: f, settings: s, ref, now: timestampLiteral(s.now ?? utcNow()) };
}
