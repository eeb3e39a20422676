// The committed sample data must be exactly what sample-data/generate.mjs
// produces, and README.md must state the dirt it really contains. Counts here
// are computed by parsing the CSV files independently of the generator.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDataset, tableRows, TABLES, DEFAULT_SEED, type TableName } from '../../sample-data/generate.mjs';

const DIR = fileURLToPath(new URL('../../sample-data/', import.meta.url));
const read = (file: string) => readFileSync(DIR + file);

/** Minimal RFC 4180 parser: quoted fields may hold commas, "" and line breaks. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') field += c;
			else if (text[i + 1] === '"') field += text[++i];
			else quoted = false;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length) rows.push([...row, field]);
	return rows;
}

type Row = Record<string, string>;
interface Table {
	header: string[];
	raw: string[][];
	rows: Row[];
}

function toTable(text: string): Table {
	const [header, ...raw] = parseCsv(text);
	return { header, raw, rows: raw.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

const gb18030 = new TextDecoder('gb18030', { fatal: true });
const tables = {} as Record<TableName, Table>;
for (const t of TABLES) {
	const bytes = read(t.file);
	tables[t.name] = toTable(t.encoding === 'gb18030' ? gb18030.decode(bytes) : bytes.toString('utf8'));
}

const seconds = (ts: string) => Date.parse(ts.replace(' ', 'T') + 'Z') / 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Rows sharing `key` beyond the first. */
function duplicateKeyRows(rows: Row[], key: string) {
	return rows.length - new Set(rows.map((r) => r[key])).size;
}

/** Keys whose rows do not all agree on `value` (the whole row when omitted). */
function conflictingKeys(rows: Row[], key: string, value?: string) {
	const seen = new Map<string, Set<string>>();
	for (const r of rows) {
		const v = value ? r[value] : JSON.stringify(r);
		seen.set(r[key], (seen.get(r[key]) ?? new Set()).add(v));
	}
	return [...seen.values()].filter((s) => s.size > 1).length;
}

function exactDuplicates(raw: string[][]) {
	return raw.length - new Set(raw.map((r) => JSON.stringify(r))).size;
}

const customerIds = new Set(tables.customers.rows.map((r) => r.customer_id));
const orderIds = new Set(tables.orders.rows.map((r) => r.order_id));

/** The same checks as README.md, computed from the parsed files: rows matching a predicate... */
const rowChecks: Record<string, Record<string, (r: Row) => boolean>> = {
	customers: {
		missing_email: (r) => r.email === '',
		invalid_email: (r) => r.email !== '' && !EMAIL.test(r.email),
		missing_phone: (r) => r.phone === '',
		phone_leading_zero: (r) => r.phone.startsWith('0'),
		missing_zip: (r) => r.zip === '',
		zip_leading_zero: (r) => r.zip.startsWith('0')
	},
	orders: {
		orphan_customer_id: (r) => !customerIds.has(r.customer_id),
		shipped_before_ordered: (r) => r.shipped_at !== '' && r.shipped_at < r.ordered_at,
		missing_shipped_at: (r) => r.shipped_at === '',
		delivered_without_shipped_at: (r) => r.status === 'delivered' && r.shipped_at === ''
	},
	order_lines: {},
	payments: {},
	communications: { missing_ended_at: (r) => r.ended_at === '' },
	tickets: { unresolved: (r) => r.resolved_at === '', missing_satisfaction: (r) => r.satisfaction === '' },
	tickets_cn: { unresolved: (r) => r['解决时间'] === '' },
	feedback: {
		score_4_or_5: (r) => Number(r.score) >= 4,
		missing_expected_score: (r) => r.expected_score === '',
		missing_comment: (r) => r.comment === '',
		comment_with_comma: (r) => r.comment.includes(','),
		comment_with_newline: (r) => r.comment.includes('\n'),
		comment_with_quote: (r) => r.comment.includes('"'),
		without_order: (r) => r.order_id === ''
	},
	campaigns: { success: (r) => r.result === 'success', converted: (r) => r.converted === 'true' },
	visits: { status_5xx: (r) => Number(r.status_code) >= 500, anonymous: (r) => r.customer_id === '' }
};

/** ...and whole-table checks. */
const tableChecks: Record<string, Record<string, (t: Table) => number>> = {
	customers: {
		duplicate_customer_id_rows: (t) => duplicateKeyRows(t.rows, 'customer_id'),
		conflicting_names: (t) => conflictingKeys(t.rows, 'customer_id', 'name')
	},
	orders: {
		exact_duplicate_rows: (t) => exactDuplicates(t.raw),
		duplicate_order_id_rows: (t) => duplicateKeyRows(t.rows, 'order_id'),
		conflicting_order_ids: (t) => conflictingKeys(t.rows, 'order_id')
	}
};

function computedCounts() {
	const out: Record<string, Record<string, number>> = {};
	for (const [table, checks] of Object.entries(rowChecks)) {
		const t = tables[table as TableName];
		out[table] = { rows: t.rows.length };
		for (const [check, test] of Object.entries(checks)) out[table][check] = t.rows.filter(test).length;
		for (const [check, fn] of Object.entries(tableChecks[table] ?? {})) out[table][check] = fn(t);
	}
	return out;
}

const readme = read('README.md').toString('utf8');

function readmeCounts() {
	const out: Record<string, Record<string, number>> = {};
	for (const m of readme.matchAll(/^\| (\w+) \| `(\w+)` \| (\d+) \|/gm)) (out[m[1]] ??= {})[m[2]] = Number(m[3]);
	return out;
}

function readmeLabels() {
	const out: Record<string, Record<string, number>> = {};
	for (const m of readme.matchAll(/^\| (\w+) \| ("(?:[^"\\]|\\.)*") \| (\d+) \|$/gm)) (out[m[1]] ??= {})[JSON.parse(m[2])] = Number(m[3]);
	return out;
}

function readmeExamples() {
	const out: Record<string, string[]> = {};
	for (const m of readme.matchAll(/^- `(\w+\.\w+)`: (\[.*\])$/gm)) out[m[1]] = JSON.parse(m[2]);
	return out;
}

/** Ids (or values) involved in the rarer dirt, in file order, first 12. */
function computedExamples() {
	const first = (values: string[]) => values.slice(0, 12);
	const { customers, orders } = tables;
	const seenCustomer = new Set<string>();
	const seenOrder = new Map<string, Set<string>>();
	const exact: string[] = [];
	const conflicting: string[] = [];
	for (const r of orders.rows) {
		const content = JSON.stringify(r);
		const earlier = seenOrder.get(r.order_id);
		if (earlier?.has(content)) exact.push(r.order_id);
		else if (earlier) conflicting.push(r.order_id);
		seenOrder.set(r.order_id, (earlier ?? new Set()).add(content));
	}
	return {
		'customers.invalid_email': first(customers.rows.map((r) => r.email).filter((e) => e !== '' && !EMAIL.test(e))),
		'customers.duplicate_customer_id_rows': first(
			customers.rows.map((r) => r.customer_id).filter((id) => seenCustomer.has(id) || (seenCustomer.add(id), false))
		),
		'orders.delivered_without_shipped_at': first(
			orders.rows.filter((r) => r.status === 'delivered' && r.shipped_at === '').map((r) => r.order_id)
		),
		'orders.shipped_before_ordered': first(
			orders.rows.filter((r) => r.shipped_at !== '' && r.shipped_at < r.ordered_at).map((r) => r.order_id)
		),
		'orders.orphan_customer_id': first(orders.rows.filter((r) => !customerIds.has(r.customer_id)).map((r) => r.order_id)),
		'orders.exact_duplicate_rows': first(exact),
		'orders.conflicting_order_ids': first(conflicting)
	};
}

const quantile = (values: number[], p: number) => {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.floor(p * (s.length - 1))];
};

describe('sample-data generator', () => {
	it('is deterministic: the same seed gives identical bytes, another seed differs', () => {
		const a = renderDataset();
		const b = renderDataset();
		expect(Object.keys(a.files)).toEqual(TABLES.map((t) => t.file));
		for (const file of Object.keys(a.files)) expect(Buffer.compare(a.files[file], b.files[file]), file).toBe(0);
		expect(a.readme).toBe(b.readme);
		const other = renderDataset({ seed: DEFAULT_SEED + 1, tables: ['customers', 'orders', 'visits'] });
		for (const file of Object.keys(other.files)) expect(Buffer.compare(a.files[file], other.files[file]), file).not.toBe(0);
	});

	it('committed files are exactly what the generator produces now (no hand edits)', () => {
		const fresh = renderDataset();
		for (const [file, bytes] of Object.entries(fresh.files)) {
			expect(Buffer.compare(read(file), bytes), `${file} differs: run node sample-data/generate.mjs`).toBe(0);
		}
		expect(readme).toBe(fresh.readme);
	});

	it('restricting tables or streaming rows gives the same content', () => {
		const onlyOrders = renderDataset({ tables: ['orders'] });
		expect(Buffer.compare(onlyOrders.files['orders.csv'], read('orders.csv'))).toBe(0);
		const streamed = [...tableRows('feedback')];
		expect(streamed).toEqual(tables.feedback.raw);
	});

	it('UTF-8 files: no BOM, LF line ends, header row, valid UTF-8', () => {
		const utf8 = new TextDecoder('utf-8', { fatal: true });
		for (const t of TABLES.filter((x) => x.encoding === 'utf-8')) {
			const bytes = read(t.file);
			expect(bytes[0], t.file).not.toBe(0xef);
			const text = utf8.decode(bytes);
			expect(text.includes('\r'), t.file).toBe(false);
			expect(text.endsWith('\n'), t.file).toBe(true);
			expect(tables[t.name].header).toEqual(t.header);
			for (const row of tables[t.name].raw) expect(row.length, t.file).toBe(t.header.length);
		}
	});

	it('tickets_cn.csv is GB18030 with Chinese headers', () => {
		const bytes = read('tickets_cn.csv');
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
		expect(text.split('\n')[0]).toBe('工单号,客户ID,渠道,类别,优先级,状态,创建时间,首次响应时间,解决时间,满意度');
		const t = tables.tickets_cn;
		expect(t.rows.length).toBeGreaterThanOrEqual(50);
		expect(t.rows.length).toBeLessThanOrEqual(70);
		for (const r of t.rows) {
			expect(['电话', '微信', '邮件', '网页']).toContain(r['渠道']);
			expect(['待处理', '处理中', '已解决', '已关闭']).toContain(r['状态']);
			expect(customerIds.has(r['客户ID'])).toBe(true);
		}
	});

	it('README dirt counts match counts computed from the files', () => {
		const stated = readmeCounts();
		expect(stated).toEqual(computedCounts());
		// The requested dirt is actually present.
		const positive = [
			'customers.duplicate_customer_id_rows',
			'customers.missing_email',
			'customers.invalid_email',
			'customers.missing_phone',
			'customers.phone_leading_zero',
			'customers.zip_leading_zero',
			'orders.exact_duplicate_rows',
			'orders.conflicting_order_ids',
			'orders.orphan_customer_id',
			'orders.shipped_before_ordered',
			'orders.missing_shipped_at',
			'feedback.comment_with_comma',
			'feedback.comment_with_newline',
			'visits.status_5xx'
		];
		for (const id of positive) {
			const [table, check] = id.split('.');
			expect(stated[table][check], id).toBeGreaterThan(0);
		}
	});

	it('README lists the rows involved in the rarer dirt', () => {
		expect(readmeExamples()).toEqual(computedExamples());
	});

	it('README channel label counts match the files, and labels are mixed', () => {
		const stated = readmeLabels();
		for (const [table, labels] of Object.entries(stated)) {
			const actual: Record<string, number> = {};
			for (const r of tables[table as TableName].rows) actual[r.channel] = (actual[r.channel] ?? 0) + 1;
			expect(actual, table).toEqual(labels);
		}
		const all = new Set(Object.values(stated).flatMap((l) => Object.keys(l)));
		for (const label of ['E-mail', 'email', '邮件', 'Web', 'web ', 'WeChat', '微信', 'Phone', '电话'])
			expect(all.has(label), label).toBe(true);
	});

	it('keys are consistent across tables apart from the documented orphans', () => {
		const missing = (name: TableName, column: string, known: Set<string>) =>
			tables[name].rows.filter((r) => r[column] !== '' && !known.has(r[column])).map((r) => r[column]);
		expect(missing('order_lines', 'order_id', orderIds)).toEqual([]);
		expect(missing('payments', 'order_id', orderIds)).toEqual([]);
		expect(missing('feedback', 'order_id', orderIds)).toEqual([]);
		for (const name of ['communications', 'tickets', 'feedback', 'campaigns', 'visits'] as const) {
			expect(missing(name, 'customer_id', customerIds), name).toEqual([]);
		}
		expect(missing('tickets_cn', '客户ID', customerIds)).toEqual([]);
		const buyer = new Map(tables.orders.rows.map((r) => [r.order_id, r.customer_id]));
		expect(tables.feedback.rows.filter((r) => r.order_id && buyer.get(r.order_id) !== r.customer_id)).toEqual([]);
	});

	it('keeps leading zeros, fixed dates and realistic shapes', () => {
		const phones = tables.customers.rows.map((r) => r.phone).filter((p) => p.startsWith('0'));
		expect(phones.every((p) => /^0\d{9,11}$/.test(p))).toBe(true);
		const ts = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
		for (const [name, t] of Object.entries(tables)) {
			const columns = t.header.filter((h) => h.endsWith('_at') || h.endsWith('时间'));
			for (const c of columns)
				expect(
					t.rows.filter((r) => r[c] !== '' && !ts.test(r[c])),
					`${name}.${c}`
				).toEqual([]);
		}
		expect(tables.orders.rows.every((r) => r.ordered_at >= '2025-01-01' && r.ordered_at < '2026-01-01')).toBe(true);
		const orders = tables.orders.rows;
		const hours = orders
			.filter((r) => r.shipped_at && r.shipped_at > r.ordered_at)
			.map((r) => (seconds(r.shipped_at) - seconds(r.ordered_at)) / 3600);
		expect(quantile(hours, 0.5)).toBeGreaterThan(6);
		expect(quantile(hours, 0.5)).toBeLessThan(36);
		expect(quantile(hours, 0.1)).toBeGreaterThanOrEqual(1.5);
		expect(Math.max(...hours)).toBeGreaterThan(72);
		const days = orders.filter((r) => r.delivered_at).map((r) => (seconds(r.delivered_at) - seconds(r.ordered_at)) / 86400);
		expect(Math.min(...days)).toBeGreaterThanOrEqual(2);
		expect(Math.max(...days)).toBeLessThanOrEqual(15);
		const perCustomer = new Map<string, number>();
		for (const r of orders) perCustomer.set(r.customer_id, (perCustomer.get(r.customer_id) ?? 0) + 1);
		const heavy = [...perCustomer.values()].filter((n) => n >= 10).length;
		expect(heavy).toBeGreaterThan(5);
		expect(heavy / customerIds.size).toBeLessThan(0.2);
		const scores = tables.feedback.rows.map((r) => Number(r.score));
		expect(scores.every((s) => s >= 1 && s <= 5)).toBe(true);
		expect(scores.filter((s) => s >= 4).length / scores.length).toBeGreaterThan(0.6);
		const visits = tables.visits.rows;
		const availability = visits.filter((r) => Number(r.status_code) < 500).length / visits.length;
		expect(availability).toBeGreaterThan(0.98);
		expect(availability).toBeLessThan(0.995);
		const ms = visits.map((r) => Number(r.response_ms));
		expect(quantile(ms, 0.99)).toBeGreaterThan(5 * quantile(ms, 0.5));
	});

	it('keeps the small set small', () => {
		const total = TABLES.reduce((sum, t) => sum + read(t.file).length, 0);
		expect(total).toBeLessThan(1.5 * 1024 * 1024);
	});
});
