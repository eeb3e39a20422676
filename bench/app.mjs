// The app measured in headless Chromium on the built site, through the real UI path.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium } from 'playwright-core';
import { serveSite } from '../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The launch arguments of tests/e2e/browser.ts.
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Resident memory (bytes) of every Chromium renderer process below `pid`; the page and its DuckDB worker live in one. */
function rendererRss(pid) {
	let total = 0;
	const children = (p) => {
		try {
			return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
		} catch {
			return [];
		}
	};
	const walk = (p) => {
		for (const child of children(p)) {
			try {
				const cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8');
				if (cmd.includes('--type=renderer')) {
					const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child}/status`, 'utf8'));
					if (rss) total += Number(rss[1]) * 1024;
				}
			} catch {
				// The process ended between the listing and the read.
			}
			walk(child);
		}
	};
	walk(pid);
	return total;
}

const since = (t0) => performance.now() - t0;

/**
 * Wait until the overview shows every KPI and both charts for the current filters. `withValue`, when given,
 * lists ids that must show a value: a report computed before the last table joined the model settles too,
 * with those ids shown as unavailable.
 */
async function metricsSettled(page, expected, withValue = []) {
	await page.waitForFunction(
		([n, ids]) => {
			const status = document.querySelector('form[aria-label="Filters"] [role=status]');
			if (!status || /Updating/.test(status.textContent ?? '')) return false;
			const shown = document.querySelectorAll('[data-metric]');
			if (shown.length < n) return false;
			for (const el of shown) if (ids.includes(el.dataset.metric) && !el.dataset.value) return false;
			// Both charts are drawn (or say why they are empty).
			return document.querySelectorAll('.charts .card svg, .charts .card .empty').length >= 2;
		},
		[expected, withValue],
		{ timeout: 600_000, polling: 20 }
	);
}

/**
 * Run the app over `files` and time each step.
 * @param {{ files: string[], filters: Array<{from: string, to: string}>, expectedMetrics: number, withValue: string[] }} request
 */
export async function measureApp({ files, filters, expectedMetrics, withValue }) {
	const server = await serveSite({ dir: 'build', port: 0 });
	const site = `http://127.0.0.1:${server.address().port}/`;
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
	// Chromium is started as a child of this process.
	const pid = process.pid;
	let peakRss = 0;
	const timer = setInterval(() => (peakRss = Math.max(peakRss, rendererRss(pid))), 100);
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	try {
		let t0 = performance.now();
		await page.goto(site);
		await page.waitForSelector('[data-engine="ready"]', { timeout: 120_000 });
		const coldStartMs = since(t0);
		t0 = performance.now();
		await page.reload();
		await page.waitForSelector('[data-engine="ready"]', { timeout: 120_000 });
		const warmStartMs = since(t0);

		const loads = [];
		for (const path of files) {
			const table = basename(path).replace(/\.csv$/, '');
			t0 = performance.now();
			await page.setInputFiles('[data-testid=file-input]', path);
			// Loaded and recognised (the kind is shown once the table is profiled).
			const el = await page.waitForSelector(`[data-table="${table}"][data-rows][data-kind]`, { timeout: 600_000 });
			loads.push({ table, rows: Number(await el.getAttribute('data-rows')), ms: since(t0) });
		}

		t0 = performance.now();
		await page.getByRole('link', { name: 'Overview' }).click();
		await metricsSettled(page, expectedMetrics, withValue);
		const overviewMs = since(t0);
		const metrics = await shownValues(page);

		const filterMs = [];
		const filtered = [];
		const form = page.locator('form[aria-label="Filters"]');
		for (const f of filters) {
			t0 = performance.now();
			await form.getByLabel('From').fill(f.from);
			await form.getByLabel('To').fill(f.to);
			await page.waitForURL((url) => url.searchParams.get('from') === f.from && url.searchParams.get('to') === f.to);
			// Let the URL change reach the metric state before asking whether it has settled.
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			await metricsSettled(page, expectedMetrics);
			filterMs.push(since(t0));
			filtered.push(await shownValues(page));
		}
		peakRss = Math.max(peakRss, rendererRss(pid));
		return { coldStartMs, warmStartMs, loads, overviewMs, filterMs, metrics, filtered, peakRss, errors };
	} finally {
		clearInterval(timer);
		await browser.close();
		server.close();
	}
}

/** Every number the page shows, by metric id (null when shown as unavailable). */
async function shownValues(page) {
	const pairs = await page.$$eval('[data-metric]', (els) => els.map((e) => [e.dataset.metric, e.dataset.value ?? null]));
	return Object.fromEntries(pairs.map(([id, raw]) => [id, raw === null || raw === '' ? null : Number(raw)]));
}
