import { getContext, setContext } from 'svelte';
import type { AlertsState } from './alerts.svelte';

const KEY = Symbol('alerts');

/** The context map that provides alerts state (tests mount the page with an in-memory store). */
export function alertsContext(alerts: AlertsState): Map<symbol, AlertsState> {
	return new Map([[KEY, alerts]]);
}

export function setAlerts(alerts: AlertsState): void {
	setContext(KEY, alerts);
}

export function findAlerts(): AlertsState | undefined {
	return getContext<AlertsState | undefined>(KEY);
}
