// The markdown table of one benchmark run.

const seconds = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const millis = (ms) => (ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`);
const mib = (bytes) => (bytes ? `${Math.round(bytes / 2 ** 20)} MiB` : '–');
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : '–');

export function percentile(values, p) {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** The headline figure: from the files to the complete overview. */
export function overviewTotals({ app, native, papa }) {
	return {
		app: sum(app.loads.map((l) => l.ms)) + app.overviewMs,
		native: sum(native.loads.map((l) => l.ms)) + native.modelMs + native.overviewMs,
		papa: sum(papa.loads.map((l) => l.ms)) + papa.overviewMs
	};
}

/** Rows of the table for one size. */
function sizeRows(size, run) {
	const { app, native, papa } = run;
	const row = (label, a, n, p, fmt = seconds) =>
		`| ${size} | ${label} | ${fmt(a)} | ${fmt(n)} | ${fmt(p)} | ${ratio(a, n)} | ${ratio(p, a)} |`;
	const rows = [
		row('engine start-up, cold cache', app.coldStartMs, native.startMs, null),
		row('engine start-up, warm cache', app.warmStartMs, null, null)
	];
	for (const load of app.loads) {
		const n = native.loads.find((l) => l.table === load.table);
		const p = papa.loads.find((l) => l.table === load.table);
		rows.push(row(`load ${load.table}.csv (${load.rows.toLocaleString('en')} rows)`, load.ms, n?.ms, p?.ms));
	}
	rows.push(row('recognise tables, build views (app: part of the loads)', null, native.modelMs, null));
	rows.push(row('overview complete after loading', app.overviewMs, native.overviewMs, papa.overviewMs));
	const totals = overviewTotals(run);
	rows.push(row('**files → overview** (sum of the above)', totals.app, totals.native, totals.papa));
	for (const p of [50, 95]) {
		rows.push(
			row(
				`filter change, p${p} of ${app.filterMs.length}`,
				percentile(app.filterMs, p),
				percentile(native.filterMs, p),
				percentile(papa.filterMs, p),
				millis
			)
		);
	}
	rows.push(row('peak memory (app: renderer RSS; others: process RSS)', app.peakRss, native.peakRss, papa.peakRss, mib));
	return rows;
}

/** The whole markdown report. */
export function renderReport({ runs, environment, checks }) {
	const lines = [
		'# CRM Pulse benchmark',
		'',
		environment,
		'',
		'| size | step | app (Chromium, DuckDB-WASM) | native DuckDB | papaparse + JS | app/native | papaparse/app |',
		'|---|---|---|---|---|---|---|'
	];
	for (const [size, run] of runs) lines.push(...sizeRows(size, run));
	lines.push('', ...checks);
	return lines.join('\n') + '\n';
}
