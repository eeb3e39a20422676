import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import type { MetricsReport } from '../../src/lib/metrics';
import { mountPage, reportOf } from './page-fixture';
import { PALETTE } from '../../src/lib/charts/plot-document';
import SystemPage from '../../src/routes/system/+page.svelte';

// Vitest runs from the repository root.
const SAMPLE = join(process.cwd(), 'sample-data');
const SHOWN = [
	'system.response_ms.p50',
	'system.response_ms.p95',
	'system.response_ms.p99',
	'system.throughput_rpm',
	'system.error_rate',
	'system.availability_pct'
];

const mount = (report: MetricsReport) => mountPage(SystemPage, report);

const value = (root: HTMLElement, id: string) => Number(root.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-value'));
const pageCell = (root: HTMLElement, page: string, column: string) => {
	const row = [...root.querySelectorAll('table[data-breakdown="system.by_page"] tbody tr')].find(
		(tr) => tr.getAttribute('data-key') === page
	);
	const td = row?.querySelector(`td[data-column="${column}"]`);
	if (!td) throw new Error(`no cell ${page}/${column}`);
	return Number(td.getAttribute('data-value'));
};

let full: MetricsReport;
let small: MetricsReport;
let noVisits: MetricsReport;
const engines: NodeEngine[] = [];
let dir: string;

beforeAll(async () => {
	const sample = readdirSync(SAMPLE)
		.filter((f) => f.endsWith('.csv'))
		.map((f) => join(SAMPLE, f));
	engines.push(new NodeEngine(), new NodeEngine(), new NodeEngine());
	full = await reportOf(engines[0], sample);
	dir = mkdtempSync(join(tmpdir(), 'system-page-'));
	const visits = [
		'started_at,session_id,page,response_ms,status_code',
		'2025-03-01 10:00:00,s1,/,100,200',
		'2025-03-01 10:01:00,s1,/a,200,200',
		'2025-03-01 10:02:00,s2,/,300,500',
		'2025-03-01 10:04:00,s3,/a,400,200',
		'2025-03-02 09:00:00,s4,/,1000,503'
	];
	writeFileSync(join(dir, 'visits.csv'), visits.join('\n') + '\n');
	small = await reportOf(engines[1], [join(dir, 'visits.csv')]);
	noVisits = await reportOf(engines[2], [join(SAMPLE, 'orders.csv')]);
}, 120_000);
afterAll(async () => {
	for (const e of engines) await e.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('system page, sample data', () => {
	it('shows the system headline numbers with data-value equal to the report', () => {
		const { container } = mount(full);
		const shown = [...container.querySelectorAll('[data-metric]')];
		expect(shown.map((el) => el.getAttribute('data-metric')).sort()).toEqual([...SHOWN].sort());
		for (const el of shown) {
			const id = el.getAttribute('data-metric')!;
			expect(full.metrics[id], id).toEqual(expect.any(Number));
			expect(el.getAttribute('data-value'), id).toBe(String(full.metrics[id]));
		}
		expect(document.title).toBe('System · CRM Pulse');
		expect(container.querySelector('[data-unavailable="system"]')).toBeNull();
	});

	it('draws p50, p95 and p99 by day as three Okabe–Ito lines with a legend, and the other charts', () => {
		const { container } = mount(full);
		const figure = container.querySelector('figure[aria-label="Response time by day (p50, p95, p99)"]') as HTMLElement;
		const strokes = [...figure.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute('stroke'));
		expect(strokes).toEqual(PALETTE.slice(0, 3));
		expect([...figure.querySelectorAll('span')].map((s) => s.textContent)).toEqual(['p50', 'p95', 'p99']);
		for (const title of ['Throughput by day', 'Error rate by day (status ≥ 500)', 'Availability by day (status < 500)']) {
			expect(container.querySelector(`figure[aria-label="${title}"] svg`), title).not.toBeNull();
		}
	});

	it('lists every page of the by-page breakdowns', () => {
		const { container } = mount(full);
		const pages = full.breakdowns['system.response_ms.by_page'];
		expect(container.querySelectorAll('table[data-breakdown="system.by_page"] tbody tr')).toHaveLength(pages.length);
		for (const r of full.breakdowns['system.availability_pct.by_page']) {
			expect(pageCell(container, String(r.page), 'availability_pct')).toBe(r.availability_pct);
		}
	});
});

describe('system page, five requests worked out by hand', () => {
	it('shows percentiles, throughput, error rate and availability', () => {
		const { container } = mount(small);
		// Response times sorted: 100, 200, 300, 400, 1000. Continuous percentile at position q × (5 − 1):
		// p50 → 2 → 300; p95 → 3.8 → 400 + 0.8 × 600 = 880; p99 → 3.96 → 400 + 0.96 × 600 = 976.
		expect(value(container, 'system.response_ms.p50')).toBe(300);
		expect(value(container, 'system.response_ms.p95')).toBeCloseTo(880, 8);
		expect(value(container, 'system.response_ms.p99')).toBeCloseTo(976, 8);
		// 5 requests over 10:00 on 1 March to 09:00 on 2 March = 23 h = 1380 min.
		expect(value(container, 'system.throughput_rpm')).toBeCloseTo(5 / 1380, 12);
		// Statuses 500 and 503 of 5: error rate 2 / 5, availability 100 × 3 / 5.
		expect(value(container, 'system.error_rate')).toBeCloseTo(0.4, 12);
		expect(value(container, 'system.availability_pct')).toBeCloseTo(60, 10);
	});

	it('shows the per-page table', () => {
		const { container } = mount(small);
		// '/': 100, 300, 1000 → p50 300, p95 at 1.9 → 300 + 0.9 × 700 = 930; statuses 200, 500, 503 → 1 of 3 available.
		expect(pageCell(container, '/', 'requests')).toBe(3);
		expect(pageCell(container, '/', 'p50')).toBe(300);
		expect(pageCell(container, '/', 'p95')).toBeCloseTo(930, 8);
		expect(pageCell(container, '/', 'error_rate')).toBeCloseTo(2 / 3, 12);
		expect(pageCell(container, '/', 'availability_pct')).toBeCloseTo(100 / 3, 10);
		// '/a': 200, 400 → p50 300, p99 at 0.99 → 200 + 0.99 × 200 = 398; no errors.
		expect(pageCell(container, '/a', 'requests')).toBe(2);
		expect(pageCell(container, '/a', 'p99')).toBeCloseTo(398, 8);
		expect(pageCell(container, '/a', 'error_rate')).toBe(0);
		expect(pageCell(container, '/a', 'availability_pct')).toBe(100);
		// Most requested first.
		const order = [...container.querySelectorAll('table[data-breakdown="system.by_page"] tbody tr')].map((tr) =>
			tr.getAttribute('data-key')
		);
		expect(order).toEqual(['/', '/a']);
	});
});

describe('system page without visits', () => {
	it('says which table and columns it needs, from the report', () => {
		const { container } = mount(noVisits);
		const note = container.querySelector('[data-unavailable="system"]') as HTMLElement;
		expect(note).not.toBeNull();
		expect(note.textContent).toContain('visits');
		for (const [title, id] of [
			['Response time', 'system.response_ms'],
			['Throughput', 'system.throughput_rpm'],
			['Error rate', 'system.error_rate'],
			['Availability', 'system.availability_pct']
		]) {
			expect(noVisits.unavailable[id], id).toMatch(/^needs visits\./);
			expect(note.textContent).toContain(`${title}: ${noVisits.unavailable[id]}`);
		}
		for (const id of SHOWN)
			expect(container.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-unavailable'), id).toMatch(/^needs visits\./);
		expect(container.querySelector('figure')).toBeNull();
		expect(container.querySelector('table')).toBeNull();
	});
});
