// The native-DuckDB reference: the app's loader, model and overview SQL run on @duckdb/node-api.
// Usage (after `vite build -c bench/vite.config.ts`): node bench-results/native-build/main.js <request.json>
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { applyCleaning } from '../../src/lib/cleaning/apply';
import { tableNameFromFile } from '../../src/lib/engine/table-name';
import { readCatalog, runMetrics, type Filters, type MetricsReport } from '../../src/lib/metrics';
import { applyCanonicalViews, dataSettings, rawTables, recogniseTables } from '../../src/lib/report/model';
import { NativeEngine } from './native-engine';

interface Request {
	files: string[];
	scope: string[];
	excludedStatuses: string[];
	filters: Filters[];
}

/** Headline numbers, with each unavailable metric as null (the page shows those as unavailable). */
const numbers = (report: MetricsReport) => ({
	...Object.fromEntries(Object.keys(report.unavailable).map((id) => [id, null])),
	...report.metrics
});

const request = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Request;
const ms = (t0: number) => performance.now() - t0;

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 50);

let t0 = performance.now();
const engine = new NativeEngine();
await engine.ready();
const startMs = ms(t0);

const loads: Array<{ table: string; rows: number; ms: number }> = [];
const tables = [];
for (const path of request.files) {
	const name = basename(path);
	t0 = performance.now();
	const result = await engine.load({ table: tableNameFromFile(name), source: { kind: 'path', path, name } });
	loads.push({ table: result.table.name, rows: result.table.rows, ms: ms(t0) });
	tables.push({ info: result.table, fileName: name });
}

t0 = performance.now();
const recognised = await recogniseTables(engine, tables);
const views = await applyCanonicalViews(engine, recognised, dataSettings());
await applyCleaning(engine, views, {});
const catalog = await readCatalog(engine, rawTables(recognised));
const modelMs = ms(t0);

const settings = { excludedStatuses: request.excludedStatuses };
const only = request.scope;
t0 = performance.now();
const overview = await runMetrics(engine, catalog, {}, settings, { only });
const overviewMs = ms(t0);

const filterMs: number[] = [];
const filtered = [];
for (const filters of request.filters) {
	t0 = performance.now();
	filtered.push(numbers(await runMetrics(engine, catalog, filters, settings, { only })));
	filterMs.push(ms(t0));
}
sample();
clearInterval(timer);
await engine.close();

process.stdout.write(
	JSON.stringify({ startMs, loads, modelMs, overviewMs, filterMs, metrics: numbers(overview), filtered, peakRss }) + '\n'
);
