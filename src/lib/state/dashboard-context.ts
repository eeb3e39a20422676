import { getContext, setContext } from 'svelte';
import type { FilterState } from './filters.svelte';
import type { MetricsState } from './metrics.svelte';

/** What the analytic pages share: the global filters, and the reports for this and the previous period. */
export interface Dashboard {
	filters: FilterState;
	metrics: MetricsState;
	previous: MetricsState;
}

const KEY = Symbol('dashboard');

export function setDashboard(dashboard: Dashboard): void {
	setContext(KEY, dashboard);
}

export function dashboardContext(dashboard: Dashboard): Map<symbol, Dashboard> {
	return new Map([[KEY, dashboard]]);
}

export function getDashboard(): Dashboard {
	const dashboard = getContext<Dashboard | undefined>(KEY);
	if (!dashboard) throw new Error('no dashboard: this component must be inside the app layout');
	return dashboard;
}
