// The browser blocking bundle of DuckDB-WASM, aliased in vite.config.ts; it runs inside our engine worker.
declare module 'duckdb-browser-blocking' {
	import type { DuckDBBindings, DuckDBBundles, DuckDBRuntime, Logger } from '@duckdb/duckdb-wasm/blocking';
	export { DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
	export const BROWSER_RUNTIME: DuckDBRuntime;
	export function createDuckDB(bundles: DuckDBBundles, logger: Logger, runtime: DuckDBRuntime): Promise<DuckDBBindings>;
}
