import { idbStore, memoryStore } from '../alerts/browser/idb-store';
import { showNotification } from '../alerts/browser/notify';
import { browserSend } from '../alerts/browser/send';
import { AlertsState } from './alerts.svelte';

/** Alerts kept in IndexedDB, sending with fetch and system notifications, locked across tabs. */
export function browserAlerts(): AlertsState {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	return new AlertsState({
		store: typeof indexedDB === 'undefined' ? memoryStore() : idbStore(),
		send: (channel, payload) => browserSend(channel, payload),
		notify: showNotification,
		...(locks ? { lock: <T>(fn: () => Promise<T>) => locks.request('crm-pulse-alerts', fn) as Promise<T> } : {})
	});
}
