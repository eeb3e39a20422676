import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MetricsReport } from '../../../src/lib/metrics';
import { parseCsv } from '../../helpers/csv-records';
import { runCli, shownValue, type CliResult } from './run-cli';

const DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));

/** The newest value of a timestamp column (`YYYY-MM-DD HH:MM:SS` sorts as text). */
function newest(file: string, column: string, encoding = 'utf-8'): string {
	const [header, ...records] = parseCsv(new TextDecoder(encoding).decode(readFileSync(DIR + file)));
	const i = header.indexOf(column);
	if (i < 0) throw new Error(`${file} has no column ${column}`);
	return records.map((r) => r[i]).reduce((a, b) => (b > a ? b : a), '');
}

let json: CliResult;
let table: CliResult;
let report: MetricsReport;
beforeAll(async () => {
	[json, table] = [await runCli(['report', DIR, '--json']), await runCli(['report', DIR])];
	report = JSON.parse(json.out) as MetricsReport;
}, 120_000);

describe('crm-pulse report sample-data --json', () => {
	it('exits 0 without warnings', () => {
		expect(json.err).toBe('');
		expect(json.code).toBe(0);
	});

	it('has the export shape of DESIGN.md §3', () => {
		expect(Object.keys(report)).toEqual(['generatedAt', 'referenceDate', 'filters', 'metrics', 'unavailable', 'breakdowns']);
		expect(new Date(report.generatedAt).toISOString()).toBe(report.generatedAt);
		expect(report.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(report.filters).toEqual({});
		for (const [id, value] of Object.entries(report.metrics)) {
			expect(id).toMatch(/^(quality|process|behaviour|value|channel|system|campaign)\.\S+$/);
			expect(value === null || Number.isFinite(value), id).toBe(true);
		}
		for (const [id, rows] of Object.entries(report.breakdowns)) {
			expect(Array.isArray(rows), id).toBe(true);
			for (const row of rows) expect(typeof row, id).toBe('object');
		}
		// Every canonical table is present, so every metric can be computed.
		expect(report.unavailable).toEqual({});
	});

	it('takes the newest main timestamp of the data as the reference date', () => {
		const stamps = [
			newest('orders.csv', 'ordered_at'),
			newest('communications.csv', 'started_at'),
			newest('tickets.csv', 'created_at'),
			newest('tickets_cn.csv', '创建时间', 'gb18030'),
			newest('feedback.csv', 'created_at'),
			newest('campaigns.csv', 'sent_at'),
			newest('visits.csv', 'started_at')
		];
		expect(report.referenceDate).toBe(stamps.reduce((a, b) => (b > a ? b : a)));
	});

	it('finds the dirt sample-data/README.md documents', () => {
		const m = report.metrics;
		expect(m['quality.rows.orders']).toBe(1507);
		expect(m['quality.rows.tickets']).toBe(400 + 60); // tickets.csv and tickets_cn.csv
		expect(m['quality.rows.tickets_cn']).toBe(60); // and the Chinese export on its own
		expect(m['quality.duplicate_keys.orders']).toBe(7); // duplicate_order_id_rows
		expect(m['quality.duplicate_rows.orders']).toBe(4); // exact_duplicate_rows
		expect(m['quality.invalid.customers']).toBe(10); // invalid_email
		const rules = report.breakdowns['quality.invalid.orders.by_rule'] as { rule: string; rows: number }[];
		expect(rules).toContainEqual({ rule: 'shipped_at before ordered_at', rows: 6 }); // shipped_before_ordered
		expect(rules).toContainEqual({ rule: 'shipped without shipped_at', rows: 15 }); // delivered_without_shipped_at
		expect(m['process.order_processing_hours.negative']).toBe(6); // the same six, as negative times
	});
});

describe('crm-pulse report sample-data (readable)', () => {
	it('lists every metric id with its value, family by family', () => {
		expect(table.code).toBe(0);
		const lines = table.out.split('\n');
		expect(lines[0]).toMatch(new RegExp(`^CRM Pulse report — reference date ${report.referenceDate}, generated \\S+$`));
		const rows = new Map(
			lines
				.slice(2)
				.filter((l) => l.trim())
				.map((l) => {
					const [id, ...value] = l.split(/\s{2,}/);
					return [id, value.join(' ')];
				})
		);
		expect([...rows.keys()].sort()).toEqual(Object.keys(report.metrics).sort());
		for (const [id, value] of Object.entries(report.metrics)) {
			const shown = rows.get(id)!;
			expect(shownValue(id, shown, value), id).toBe(true);
		}
		expect(table.out).not.toContain('unavailable:');
	});
});
