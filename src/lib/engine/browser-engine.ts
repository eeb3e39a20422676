import { WorkerEngine, type WatchdogOptions } from './worker-client';

/** Start DuckDB-WASM in its module worker. Called in the browser only, after the page is visible. */
export function startBrowserEngine(options: WatchdogOptions = {}): WorkerEngine {
	return new WorkerEngine(
		() => new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'crm-pulse-engine' }),
		options
	);
}
