import { getContext, setContext } from 'svelte';
import type { AlertsState } from './alerts.svelte';
import type { AlertsRunner } from './alerts-runner.svelte';

const KEY = Symbol('alerts');
const RUNNER = Symbol('alerts-runner');

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

/** The layout's evaluator of the rules on every page (absent when a page is mounted alone). */
export function setAlertsRunner(runner: AlertsRunner): void {
	setContext(RUNNER, runner);
}

export function findAlertsRunner(): AlertsRunner | undefined {
	return getContext<AlertsRunner | undefined>(RUNNER);
}
