/** Where the Alerts page keeps its rules (the rules file text) and its state document. */
export type AlertStoreKey = 'rules' | 'state';

export interface AlertStore {
	read(key: AlertStoreKey): Promise<string | undefined>;
	write(key: AlertStoreKey, value: string): Promise<void>;
}

const DB_NAME = 'crm-pulse-alerts';
const STORE = 'kv';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
	const req = factory.open(DB_NAME, 1);
	req.onupgradeneeded = () => req.result.createObjectStore(STORE);
	return request(req);
}

/** A key-value store over IndexedDB: shared by every tab of the site, kept across reloads. */
export function idbStore(factory: IDBFactory = indexedDB): AlertStore {
	let db: Promise<IDBDatabase> | null = null;
	const database = () => (db ??= open(factory));
	return {
		async read(key) {
			const tx = (await database()).transaction(STORE, 'readonly');
			const value = await request(tx.objectStore(STORE).get(key));
			return typeof value === 'string' ? value : undefined;
		},
		async write(key, value) {
			const tx = (await database()).transaction(STORE, 'readwrite');
			tx.objectStore(STORE).put(value, key);
			await new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
			});
		}
	};
}

/** The same interface in memory (tests, and browsers without IndexedDB). */
export function memoryStore(initial: Partial<Record<AlertStoreKey, string>> = {}): AlertStore {
	const data = new Map(Object.entries(initial) as Array<[AlertStoreKey, string]>);
	return {
		read: async (key) => data.get(key),
		write: async (key, value) => void data.set(key, value)
	};
}
