// The repository's own sample exports (sample-data/, one file per canonical table plus a
// GB18030 tickets file with Chinese headers) must be recognised exactly and build every view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CANONICAL, type TableKind } from '../../../src/lib/canonical/schema';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { buildCanonicalViews, typesOf, type DetectedFile } from '../../../src/lib/mapping/build-views';
import { detectKind } from '../../../src/lib/mapping/detect-kind';
import { profileTable } from '../../../src/lib/mapping/profile';
import type { Detection } from '../../../src/lib/mapping/types';

const DIR = fileURLToPath(new URL('../../../sample-data/', import.meta.url));
const FILES: [string, TableKind][] = [
	['customers.csv', 'customers'],
	['orders.csv', 'orders'],
	['order_lines.csv', 'order_lines'],
	['payments.csv', 'payments'],
	['communications.csv', 'communications'],
	['tickets.csv', 'tickets'],
	['tickets_cn.csv', 'tickets'],
	['feedback.csv', 'feedback'],
	['campaigns.csv', 'campaigns'],
	['visits.csv', 'visits']
];
// Data rows per file, from sample-data/README.md.
const ROWS: Partial<Record<TableKind, number>> = {
	customers: 403,
	orders: 1507,
	order_lines: 2566,
	payments: 1494,
	communications: 600,
	tickets: 400 + 60,
	feedback: 700,
	campaigns: 800,
	visits: 3000
};

let engine: NodeEngine;
const detected: DetectedFile[] = [];
const detections = new Map<string, Detection>();

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	for (const [name] of FILES) {
		const table = `sample_${name.replace('.csv', '')}`;
		await engine.load({ table, source: { kind: 'path', path: DIR + name, name } });
		const profile = await profileTable(engine, table, name);
		const detection = detectKind(profile);
		detections.set(name, detection);
		detected.push({ rawTable: table, sourceFile: name, detection, types: typesOf(profile) });
	}
});
afterAll(() => engine.close());

describe('sample data', () => {
	it.each(FILES.filter(([n]) => n !== 'tickets_cn.csv'))('%s is %s, every canonical header mapped to itself', (name, kind) => {
		const d = detections.get(name)!;
		expect(d.kind).toBe(kind);
		expect(d.lineLevel).toBe(false);
		const canonical = CANONICAL[kind].columns.map((c) => c.name);
		for (const [target, source] of Object.entries(d.mapping)) expect(source).toBe(target);
		const columns = [...Object.values(d.mapping), ...d.unmapped];
		expect(Object.keys(d.mapping).sort()).toEqual(canonical.filter((c) => columns.includes(c)).sort());
		expect(d.confidence).toBeGreaterThan(0.7);
	});

	it('customers.csv leaves only its zip column unmapped (no canonical zip)', () => {
		expect(detections.get('customers.csv')!.unmapped).toEqual(['zip']);
	});

	it('tickets_cn.csv (GB18030, Chinese headers) maps every column', () => {
		const d = detections.get('tickets_cn.csv')!;
		expect(d.kind).toBe('tickets');
		expect(d.mapping).toEqual({
			ticket_id: '工单号',
			customer_id: '客户ID',
			channel: '渠道',
			category: '类别',
			priority: '优先级',
			status: '状态',
			created_at: '创建时间',
			first_response_at: '首次响应时间',
			resolved_at: '解决时间',
			satisfaction: '满意度'
		});
	});

	it('builds every canonical view; the two tickets files append', async () => {
		const build = buildCanonicalViews(detected);
		for (const sql of [...build.statements, ...build.passThrough]) await engine.query(sql);
		for (const [kind, rows] of Object.entries(ROWS)) {
			const [r] = await engine.rows(`SELECT CAST(count(*) AS INTEGER) AS n FROM clean.${kind}`);
			expect(r.n, kind).toBe(rows);
		}
		const files = await engine.rows('SELECT source_file, CAST(count(*) AS INTEGER) AS n FROM crm.tickets GROUP BY 1 ORDER BY 1');
		expect(files).toEqual([
			{ source_file: 'tickets.csv', n: 400 },
			{ source_file: 'tickets_cn.csv', n: 60 }
		]);
		// README: 11 + 1 unresolved tickets, 188 missing satisfaction in tickets.csv.
		const [t] = await engine.rows(
			`SELECT CAST(count(*) FILTER (WHERE resolved_at IS NULL) AS INTEGER) AS open, CAST(count(*) FILTER (WHERE satisfaction IS NULL AND source_file = 'tickets.csv') AS INTEGER) AS unscored FROM crm.tickets`
		);
		expect(t).toEqual({ open: 12, unscored: 188 });
	});
});
