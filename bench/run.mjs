#!/usr/bin/env node
// The benchmark: node bench/run.mjs [--sizes 100k,1m,10m] [--no-build] [--out bench-results/latest.md]
// See "## Benchmark" in README.md for what is measured and how.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureApp } from './app.mjs';
import { differences } from './compare.mjs';
import { PAPAPARSE_METRICS } from './papaparse-overview.mjs';
import { overviewTotals, percentile, renderReport } from './report.mjs';

const RESULTS = 'bench-results';
const TABLES = ['orders', 'customers', 'tickets'];
const FILTER_CHANGES = 20;

const { values: opts } = parseArgs({
	options: {
		sizes: { type: 'string', default: '100k,1m' },
		build: { type: 'boolean', default: true },
		out: { type: 'string', default: join(RESULTS, 'latest.md') }
	},
	allowNegative: true
});

function orderCount(size) {
	const m = /^(\d+)([km]?)$/i.exec(size);
	if (!m) throw new Error(`invalid size ${JSON.stringify(size)}: use e.g. 100k, 1m, 10m`);
	return Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()];
}

/** Run a command and return its output; its messages are shown only when it fails. */
function run(cmd, args) {
	try {
		return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 << 20 });
	} catch (err) {
		process.stderr.write(err.stderr ?? '');
		throw err;
	}
}

/** The seeded sample files for a size, generated once and kept in bench-results/data/<size>. */
function dataFor(size) {
	const dir = join(RESULTS, 'data', size.toLowerCase());
	const files = TABLES.map((t) => resolve(dir, `${t}.csv`));
	if (!files.every((f) => existsSync(f))) {
		console.error(`generating ${size} orders into ${dir} …`);
		run('node', ['sample-data/generate.mjs', '--orders', String(orderCount(size)), '--out', dir, '--tables', TABLES.join(',')]);
	}
	return files;
}

/** The overview page's metric scope, read from the page itself so the references run what it runs. */
function overviewScope() {
	const page = readFileSync('src/routes/overview/+page.svelte', 'utf8');
	const m = /metrics\.scope = \[([^\]]*)\]/.exec(page);
	if (!m) throw new Error('metrics.scope not found in src/routes/overview/+page.svelte');
	return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

/** 20 date ranges inside the sample data's year (2025): 60 days long, starting two weeks apart. */
function filterChanges() {
	const day = (n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
	return Array.from({ length: FILTER_CHANGES }, (_, k) => ({ from: day(14 * k), to: day(14 * k + 59) }));
}

/** Run a reference in its own Node process (so its memory is its own) and read its JSON line. */
function reference(script, request) {
	const path = join(RESULTS, 'request.json');
	writeFileSync(path, JSON.stringify(request));
	return JSON.parse(run('node', [script, path]).trim().split('\n').pop());
}

mkdirSync(RESULTS, { recursive: true });
if (opts.build) {
	console.error('building the site …');
	run('npm', ['run', 'build', '--silent']);
}
run('npx', ['vite', 'build', '-c', 'bench/vite.config.ts', '--logLevel', 'warn']);

const scope = overviewScope();
const filters = filterChanges();
// The app's default excluded statuses (DESIGN.md §3); the comparison below fails if the page used others.
const excludedStatuses = ['canceled', 'cancelled', 'unavailable'];
const runs = [];
const checks = [];
for (const size of opts.sizes.split(',').map((s) => s.trim())) {
	const files = dataFor(size);
	const request = { files, scope, excludedStatuses, filters };
	console.error(`${size}: native DuckDB …`);
	const native = reference(join(RESULTS, 'native-build', 'main.js'), request);
	console.error(`${size}: app …`);
	const withValue = Object.keys(native.metrics).filter((id) => native.metrics[id] !== null);
	const app = await measureApp({ files, filters, expectedMetrics: 8, withValue });
	if (app.errors.length) throw new Error(`the page raised errors: ${app.errors.join('; ')}`);
	console.error(`${size}: papaparse …`);
	const papa = reference('bench/papaparse-overview.mjs', request);
	const appIds = Object.keys(app.metrics);
	const diffs = [
		...differences(`${size} native`, app.metrics, native.metrics, appIds),
		...differences(`${size} papaparse`, app.metrics, papa.metrics, PAPAPARSE_METRICS),
		...filters.flatMap((f, i) => [
			...differences(`${size} ${f.from}…${f.to} native`, app.filtered[i], native.filtered[i], Object.keys(app.filtered[i])),
			...differences(`${size} ${f.from}…${f.to} papaparse`, app.filtered[i], papa.filtered[i], PAPAPARSE_METRICS)
		])
	];
	checks.push(
		diffs.length
			? `**${size}: ${diffs.length} numbers differ**\n\n${diffs.map((d) => `- ${d}`).join('\n')}`
			: `${size}: identical — native: the ${appIds.length} numbers the page shows (${appIds.join(', ')}) unfiltered and after each of the ${filters.length} filter changes; papaparse: ${PAPAPARSE_METRICS.join(', ')} likewise (revenue and AOV to 1e-12 relative: sums of doubles in another order).`
	);
	runs.push([size.toUpperCase(), { app, native, papa, diffs }]);
}

const environment = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${new Date().toISOString()}. Times are of one run.`;
const markdown = renderReport({ runs, environment, checks });
writeFileSync(opts.out, markdown);
writeFileSync(opts.out.replace(/\.md$/, '') + '.json', JSON.stringify(Object.fromEntries(runs), null, 1));
const [label, headline] = runs.find(([s]) => s === '1M') ?? runs[runs.length - 1];
const totals = overviewTotals(headline);
console.log(markdown);
console.log(`table written to ${opts.out}`);
console.log(
	`overview ${label}: app/native = ${(totals.app / totals.native).toFixed(2)}, papaparse/app = ${(totals.papa / totals.app).toFixed(2)}, filter p95 = ${Math.round(percentile(headline.app.filterMs, 95))} ms`
);
process.exitCode = runs.some(([, r]) => r.diffs.length) ? 1 : 0;
