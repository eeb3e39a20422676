import { missingNeeds, type Catalog } from './catalog';
import { filterProblems } from './filters';
import type { BreakdownDef, Filters, MetricDef } from './types';

/** Why a metric cannot be computed from these inputs with these filters, or null when it can. */
export function unavailableReason(def: MetricDef, catalog: Catalog, filters: Filters): string | null {
	const missing = missingNeeds(catalog, def.needs);
	if (missing.length) return `needs ${missing.join(', ')}`;
	const tables = typeof def.filtered === 'function' ? def.filtered(catalog) : def.filtered;
	const problems = filterProblems(catalog, filters, tables);
	return problems.length ? problems.join('; ') : null;
}

/** Why a breakdown of an available metric cannot be computed, or null. */
export function breakdownUnavailableReason(bd: BreakdownDef, catalog: Catalog): string | null {
	const needs = typeof bd.needs === 'function' ? bd.needs(catalog) : (bd.needs ?? []);
	const missing = missingNeeds(catalog, needs);
	return missing.length ? `needs ${missing.join(', ')}` : null;
}
