// The label tables, and the SQL of unifyLabels checked against the tables read in plain JS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unifySql } from '../../../src/lib/cleaning/clean-steps';
import { CHANNELS, LABEL_COLUMNS, labelKey, labelLookup, type LabelTable } from '../../../src/lib/cleaning/labels';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { quoteLiteral } from '../../../src/lib/sql/quote';

const TABLES = [...new Set(Object.values(LABEL_COLUMNS).flatMap((columns) => Object.values(columns ?? {})))];

describe('label tables', () => {
	it('give every spelling one label only', () => {
		for (const table of TABLES) expect(() => labelLookup(table)).not.toThrow();
	});

	it('refuse a spelling that means two labels', () => {
		expect(() => labelLookup({ email: ['mail'], post: ['Mail'] })).toThrow('label spelling Mail means both email and post');
	});

	it('key a label trimmed, lower-cased, without spaces, _ and -', () => {
		expect(labelKey(' E-Mail ')).toBe('email');
		expect(labelKey('\u3000Live_Chat')).toBe('livechat');
		expect(labelKey('微信')).toBe('微信');
	});

	it('map the examples of the issue', () => {
		const channel = labelLookup(CHANNELS);
		const expected: Record<string, string> = { 'E-mail': 'email', 'Email ': 'email', 邮件: 'email', WeChat: 'wechat', 微信: 'wechat' };
		Object.assign(expected, { Phone: 'phone', 电话: 'phone', tel: 'phone', Web: 'web', 'web ': 'web', 网站: 'web', online: 'web' });
		Object.assign(expected, { SMS: 'sms', 短信: 'sms', App: 'app' });
		for (const [spelling, label] of Object.entries(expected))
			expect([spelling, channel.get(labelKey(spelling))]).toEqual([spelling, label]);
		const status = labelLookup(LABEL_COLUMNS.orders!.status);
		const statuses: Record<string, string> = { Delivered: 'delivered', 已送达: 'delivered', 已完成: 'delivered', cancelled: 'canceled' };
		Object.assign(statuses, { 已取消: 'canceled', 已发货: 'shipped', 处理中: 'processing' });
		for (const [spelling, label] of Object.entries(statuses)) expect([spelling, status.get(labelKey(spelling))]).toEqual([spelling, label]);
		const tickets = labelLookup(LABEL_COLUMNS.tickets!.status);
		const ticketStatuses: Record<string, string> = {
			open: 'open',
			待处理: 'open',
			新建: 'open',
			solved: 'resolved',
			已解决: 'resolved',
			已关闭: 'closed'
		};
		for (const [spelling, label] of Object.entries(ticketStatuses))
			expect([spelling, tickets.get(labelKey(spelling))]).toEqual([spelling, label]);
	});
});

describe('unifyLabels SQL', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = new NodeEngine();
		await engine.ready();
	});
	afterAll(() => engine.close());

	/** Every spelling as written, upper-cased and padded, and what the table says it means. */
	function cases(table: LabelTable): [string, string][] {
		return Object.entries(table).flatMap(([label, spellings]) =>
			[label, ...spellings].flatMap((s): [string, string][] => [
				[s, label],
				[`  ${s.toUpperCase()}\u3000`, label]
			])
		);
	}

	it.each(TABLES.map((t, i) => [i, t] as const))('agrees with the label table #%i for every spelling', async (_, table) => {
		const input = cases(table);
		const values = input.map(([v], i) => `(${i}, ${quoteLiteral(v)})`).join(', ');
		const rows = await engine.rows(`SELECT i, ${unifySql('v', table)} AS label FROM (VALUES ${values}) t(i, v) ORDER BY i`);
		expect(rows.map((r) => [input[r.i as number][0], r.label])).toEqual(input);
	});

	it('keeps unknown labels trimmed and lower-cased, and blanks as NULL', async () => {
		const rows = await engine.rows(
			`SELECT ${unifySql('v', CHANNELS)} AS label FROM (VALUES (1, ' Carrier  Pigeon '), (2, '   '), (3, NULL), (4, '')) t(i, v) ORDER BY i`
		);
		expect(rows.map((r) => r.label)).toEqual(['carrier  pigeon', null, null, null]);
	});
});
