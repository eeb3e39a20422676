// The papaparse + plain JS reference: parse the CSVs and compute the overview's behaviour numbers.
// Usage: node bench/papaparse-overview.mjs <request.json>   (prints one JSON line)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';

/** The behaviour metrics this reference computes, defined exactly as the metric library's SQL (src/lib/metrics/behaviour.ts). */
export const PAPAPARSE_METRICS = [
	'behaviour.revenue',
	'behaviour.orders',
	'behaviour.aov',
	'behaviour.repeat_rate',
	'behaviour.active_customers'
];

/** Rows of a CSV as objects; empty fields become null, as DuckDB's reader makes them. */
function parseCsv(path) {
	const { data } = Papa.parse(readFileSync(path, 'utf8'), { skipEmptyLines: true });
	const [header, ...rows] = data;
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' || r[i] === undefined ? null : r[i]])));
}

const dayAfter = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Keep rows whose timestamp (text 'YYYY-MM-DD HH:MM:SS') is within the inclusive date range. */
function inRange(ts, { from, to }) {
	if (!from && !to) return true;
	if (ts === null) return false;
	return (!from || ts >= from) && (!to || ts < dayAfter(to));
}

/** The overview's behaviour numbers for the given filters (from/to only). */
export function overviewNumbers({ orders, customers, tickets }, filters, excludedStatuses) {
	const excluded = new Set(excludedStatuses.map((s) => s.trim().toLowerCase()));
	const person = new Map();
	for (const c of customers) {
		if (c.customer_id === null) continue;
		const p = person.get(c.customer_id);
		if (p === undefined || (c.person_id !== null && (p === null || c.person_id < p))) person.set(c.customer_id, c.person_id);
	}
	const pidOf = (id) => person.get(id) ?? id;
	let revenue = 0;
	let anyAmount = false;
	const orderIds = new Set();
	const pricedIds = new Set();
	const perPerson = new Map();
	const active = new Set();
	for (const o of orders) {
		if (!inRange(o.ordered_at, filters)) continue;
		const pid = pidOf(o.customer_id);
		if (pid !== null) active.add(pid);
		if (o.status !== null && excluded.has(o.status.trim().toLowerCase())) continue;
		if (o.amount !== null) {
			revenue += Number(o.amount);
			anyAmount = true;
			if (o.order_id !== null) pricedIds.add(o.order_id);
		}
		if (o.order_id === null) continue;
		orderIds.add(o.order_id);
		if (pid === null) continue;
		let set = perPerson.get(pid);
		if (!set) perPerson.set(pid, (set = new Set()));
		set.add(o.order_id);
	}
	for (const t of tickets) {
		if (!inRange(t.created_at, filters)) continue;
		const pid = pidOf(t.customer_id);
		if (pid !== null) active.add(pid);
	}
	let repeaters = 0;
	for (const set of perPerson.values()) if (set.size >= 2) repeaters++;
	return {
		'behaviour.revenue': anyAmount ? revenue : null,
		'behaviour.orders': orderIds.size,
		'behaviour.aov': pricedIds.size ? revenue / pricedIds.size : null,
		'behaviour.repeat_rate': perPerson.size ? repeaters / perPerson.size : null,
		'behaviour.active_customers': active.size
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
	let peakRss = 0;
	const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
	const timer = setInterval(sample, 50);
	const tables = {};
	const loads = [];
	for (const path of request.files) {
		const t0 = performance.now();
		const table = basename(path).replace(/\.csv$/, '');
		tables[table] = parseCsv(path);
		loads.push({ table, rows: tables[table].length, ms: performance.now() - t0 });
		sample();
	}
	let t0 = performance.now();
	const metrics = overviewNumbers(tables, {}, request.excludedStatuses);
	const overviewMs = performance.now() - t0;
	const filterMs = [];
	const filtered = [];
	for (const filters of request.filters) {
		t0 = performance.now();
		filtered.push(overviewNumbers(tables, filters, request.excludedStatuses));
		filterMs.push(performance.now() - t0);
	}
	sample();
	clearInterval(timer);
	process.stdout.write(JSON.stringify({ loads, overviewMs, filterMs, metrics, filtered, peakRss }) + '\n');
}
