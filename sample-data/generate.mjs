#!/usr/bin/env node
// Deterministic sample-data generator for CRM Pulse.
//
//   node sample-data/generate.mjs                 regenerate the small set (and README.md) in sample-data/
//   node sample-data/generate.mjs --orders 1000000 --out DIR [--tables orders,customers] [--seed N]
//
// Importable: renderDataset() builds small sets in memory (for tests),
// writeDataset() streams any size to disk, tableRows() iterates one table.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPlan, createStats, DEFAULT_ORDERS, DEFAULT_SEED } from './lib/plan.mjs';
import { TABLES, TABLE_NAMES, selectTables } from './lib/tables.mjs';
import { renderCsv, writeCsv } from './lib/csv.mjs';
import { encodeGb18030Checked } from './lib/gb18030.mjs';
import { renderReadme, CHECKS } from './lib/readme.mjs';

export { createPlan, createStats, DEFAULT_ORDERS, DEFAULT_SEED, TABLES, TABLE_NAMES, CHECKS, renderReadme, encodeGb18030Checked };
export { makeOrder } from './lib/orders.mjs';

/** The folder this script lives in, where the small set is committed. */
export const SAMPLE_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Rows (arrays of strings, header excluded) of one table.
 * @param {string} name
 * @param {{orders?: number, seed?: number, stats?: ReturnType<typeof createStats>}} [options]
 */
export function* tableRows(name, { orders, seed, stats } = {}) {
	const plan = createPlan({ orders, seed });
	yield* selectTables([name])[0].rows(plan, stats ?? null);
}

/** One table rendered to bytes in its encoding. */
function renderTable(spec, plan, stats) {
	const text = renderCsv(spec.header, spec.rows(plan, stats));
	return spec.encoding === 'gb18030' ? encodeGb18030Checked(text) : new Uint8Array(Buffer.from(text, 'utf8'));
}

/**
 * Build a (small) data set in memory.
 * @param {{orders?: number, seed?: number, tables?: string[]}} [options]
 * @returns {{files: Record<string, Uint8Array>, stats: ReturnType<typeof createStats>, readme: string | null}}
 *   readme is only rendered when every table was generated.
 */
export function renderDataset({ orders = DEFAULT_ORDERS, seed = DEFAULT_SEED, tables } = {}) {
	const plan = createPlan({ orders, seed });
	const stats = createStats();
	/** @type {Record<string, Uint8Array>} */
	const files = {};
	for (const spec of selectTables(tables)) files[spec.file] = renderTable(spec, plan, stats);
	const bytes = Object.fromEntries(Object.entries(files).map(([f, b]) => [f, b.length]));
	return { files, stats, readme: tables ? null : renderReadme(stats, bytes, { orders, seed }) };
}

/**
 * Stream tables to `out` (created if needed). UTF-8 tables are written in
 * chunks with backpressure; the GB18030 one is small and encoded in memory.
 * @param {{orders?: number, seed?: number, tables?: string[], out: string, log?: (line: string) => void}} options
 */
export async function writeDataset({ orders = DEFAULT_ORDERS, seed = DEFAULT_SEED, tables, out, log = () => {} }) {
	const plan = createPlan({ orders, seed });
	const stats = createStats();
	/** @type {Record<string, number>} */
	const bytes = {};
	await mkdir(out, { recursive: true });
	for (const spec of selectTables(tables)) {
		const started = performance.now();
		const path = join(out, spec.file);
		if (spec.encoding === 'gb18030') {
			const data = renderTable(spec, plan, stats);
			await writeFile(path, data);
			bytes[spec.file] = data.length;
		} else {
			bytes[spec.file] = await writeCsv(path, spec.header, spec.rows(plan, stats));
		}
		const rows = stats.counts[spec.name]?.rows ?? 0;
		log(
			`${spec.file.padEnd(20)} ${String(rows).padStart(9)} rows ${String(bytes[spec.file]).padStart(12)} bytes ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`
		);
	}
	return { plan, stats, bytes };
}

function usage() {
	return `usage: node sample-data/generate.mjs [--orders N] [--seed N] [--out DIR] [--tables ${TABLE_NAMES.join(',')}]
  Without --out the small set (and README.md) is regenerated in ${SAMPLE_DIR}.`;
}

function integer(name, text, fallback) {
	if (text === undefined) return fallback;
	const n = Number(text);
	if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got "${text}"`);
	return n;
}

async function main(argv) {
	const { values } = parseArgs({
		args: argv,
		options: {
			orders: { type: 'string' },
			seed: { type: 'string' },
			out: { type: 'string' },
			tables: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) return console.log(usage());
	const orders = integer('orders', values.orders, DEFAULT_ORDERS);
	const seed = integer('seed', values.seed, DEFAULT_SEED);
	const out = resolve(values.out ?? SAMPLE_DIR);
	const tables = values.tables
		?.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
	const started = performance.now();
	const { stats, bytes } = await writeDataset({ orders, seed, tables, out, log: (line) => console.log(line) });
	if (!tables && out === SAMPLE_DIR) {
		await writeFile(join(out, 'README.md'), renderReadme(stats, bytes, { orders, seed }));
		console.log(`README.md written with the counts below`);
	}
	const total = Object.values(bytes).reduce((a, b) => a + b, 0);
	console.log(`total ${total} bytes in ${((performance.now() - started) / 1000).toFixed(2)} s -> ${out}`);
	console.log('counts:');
	for (const [table, counts] of Object.entries(stats.counts)) console.log(`  ${table}: ${JSON.stringify(counts)}`);
	console.log('channel labels:');
	for (const [table, labels] of Object.entries(stats.labels)) console.log(`  ${table}: ${JSON.stringify(labels)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main(process.argv.slice(2)).catch((err) => {
		console.error(err instanceof Error ? err.message : err);
		console.error(usage());
		process.exit(2);
	});
}
