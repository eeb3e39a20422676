// trimText and unifyLabels on the real engine; every expected value is worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanViewSql } from '../../../src/lib/cleaning/clean-sql';
import { stepCountsSql, toStepCounts } from '../../../src/lib/cleaning/step-counts';
import type { CleaningConfig } from '../../../src/lib/cleaning/types';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { columnTypes, crmTable } from './helpers';

let engine: NodeEngine;

const COLUMNS = ['order_id', 'customer_id', 'channel', 'status', 'amount', 'ordered_at'];

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	await crmTable(engine, 'orders', COLUMNS, [
		['o01', ' c1 ', 'E-mail', 'Delivered', 10, '2024-01-01 10:00:00'],
		['o02', 'c2', 'email ', '已送达', 20, '2024-01-02 10:00:00'],
		['o03', 'c3', '邮件', 'cancelled', 30, '2024-01-03 10:00:00'],
		['o04', 'c4', 'WeChat', '已取消', 40, '2024-01-04 10:00:00'],
		['o05', 'c5', '微信', ' shipped ', 50, '2024-01-05 10:00:00'],
		['o06', 'c6', 'Phone', '   ', 60, '2024-01-06 10:00:00'],
		['o07', 'c7', 'tel', 'Processing', 70, '2024-01-07 10:00:00'],
		['o08', 'c8', '网站', 'Lost In Space', 80, '2024-01-08 10:00:00'],
		['o09', 'c9', '\u3000Web ', null, 90, '2024-01-09 10:00:00'],
		['o10', 'c10', 'sms', 'canceled', 100, '2024-01-10 10:00:00'],
		['o11', 'c11', 'Carrier Pigeon', 'delivered', 110, '2024-01-11 10:00:00']
	]);
});
afterAll(() => engine.close());

async function clean(config: CleaningConfig) {
	await engine.query(cleanViewSql('orders', COLUMNS, config));
	const rows = await engine.rows('SELECT * FROM clean.orders ORDER BY order_id');
	const counts = (await engine.rows(stepCountsSql('orders', COLUMNS, config))).map(toStepCounts);
	return { rows, counts };
}

const pick = (rows: Record<string, unknown>[], column: string) => rows.map((r) => r[column]);

describe('trimText', () => {
	it('trims every text column (full-width and ASCII spaces) and turns blank cells into NULL', async () => {
		const { rows, counts } = await clean({ orders: { trimText: true } });
		expect(pick(rows, 'customer_id')).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11']);
		expect(pick(rows, 'channel')).toEqual([
			'E-mail',
			'email',
			'邮件',
			'WeChat',
			'微信',
			'Phone',
			'tel',
			'网站',
			'Web',
			'sms',
			'Carrier Pigeon'
		]);
		expect(pick(rows, 'status')).toEqual([
			'Delivered',
			'已送达',
			'cancelled',
			'已取消',
			'shipped',
			null,
			'Processing',
			'Lost In Space',
			null,
			'canceled',
			'delivered'
		]);
		// Cells changed: customer ' c1 ' (1) + channels 'email ', '\u3000Web ' (2) + statuses ' shipped ', '   ' (2) = 5.
		expect(counts).toEqual([{ kind: 'orders', step: 'trimText', rowsBefore: 11, rowsAfter: 11, valuesChanged: 5 }]);
	});
});

describe('unifyLabels', () => {
	it('maps English and Chinese variants of channels and statuses to one label', async () => {
		const { rows, counts } = await clean({ orders: { unifyLabels: true } });
		expect(pick(rows, 'channel')).toEqual([
			'email', // E-mail
			'email', // 'email '
			'email', // 邮件
			'wechat', // WeChat
			'wechat', // 微信
			'phone', // Phone
			'phone', // tel
			'web', // 网站
			'web', // '\u3000Web '
			'sms', // unchanged
			'carrier pigeon' // unknown: only trimmed and lower-cased
		]);
		expect(pick(rows, 'status')).toEqual([
			'delivered',
			'delivered', // 已送达
			'canceled', // cancelled
			'canceled', // 已取消
			'shipped', // ' shipped '
			null, // blank
			'processing',
			'lost in space',
			null,
			'canceled',
			'delivered'
		]);
		// Not a label column: left alone.
		expect(rows[0].customer_id).toBe(' c1 ');
		// Channels changed: all but 'sms' = 11 − 1 = 10. Statuses changed: all but NULL, 'canceled', 'delivered' = 11 − 3 = 8.
		expect(counts).toEqual([{ kind: 'orders', step: 'unifyLabels', rowsBefore: 11, rowsAfter: 11, valuesChanged: 18 }]);
		// 11 distinct channels become email, wechat, phone, web, sms, carrier pigeon = 6.
		const [{ n }] = await engine.rows('SELECT CAST(count(DISTINCT channel) AS INTEGER) AS n FROM clean.orders');
		expect(n).toBe(6);
	});

	it('after trimText counts only what trimming left to unify', async () => {
		const { rows, counts } = await clean({ orders: { trimText: true, unifyLabels: true } });
		expect(pick(rows, 'channel')).toEqual([
			'email',
			'email',
			'email',
			'wechat',
			'wechat',
			'phone',
			'phone',
			'web',
			'web',
			'sms',
			'carrier pigeon'
		]);
		// After trimming, channels already final: 'email', 'sms' → 11 − 2 = 9 changed;
		// statuses already final: 'shipped', NULL, NULL, 'canceled', 'delivered' → 11 − 5 = 6 changed.
		expect(counts).toEqual([
			{ kind: 'orders', step: 'trimText', rowsBefore: 11, rowsAfter: 11, valuesChanged: 5 },
			{ kind: 'orders', step: 'unifyLabels', rowsBefore: 11, rowsAfter: 11, valuesChanged: 15 }
		]);
	});

	it('keeps the canonical column types', async () => {
		await clean({ orders: { trimText: true, unifyLabels: true } });
		expect(await columnTypes(engine, 'clean.orders')).toEqual(await columnTypes(engine, 'crm.orders'));
	});

	it('uses the label table of each column: ticket statuses, directions, campaign results', async () => {
		await crmTable(
			engine,
			'tickets',
			['ticket_id', 'channel', 'status', 'created_at'],
			[
				['t1', 'E-Mail', '待处理', '2024-01-01 00:00:00'],
				['t2', 'Chat', '新建', '2024-01-01 00:00:00'],
				['t3', 'wechat', 'Open', '2024-01-01 00:00:00'],
				['t4', 'web', 'solved', '2024-01-01 00:00:00'],
				['t5', 'web', '已解决', '2024-01-01 00:00:00'],
				['t6', 'web', '已关闭', '2024-01-01 00:00:00'],
				['t7', 'web', '处理中', '2024-01-01 00:00:00']
			]
		);
		await engine.query(cleanViewSql('tickets', ['ticket_id', 'channel', 'status', 'created_at'], { tickets: { unifyLabels: true } }));
		const tickets = await engine.rows('SELECT channel, status FROM clean.tickets ORDER BY ticket_id');
		expect(pick(tickets, 'status')).toEqual(['open', 'open', 'open', 'resolved', 'resolved', 'closed', 'in_progress']);
		expect(pick(tickets, 'channel')).toEqual(['email', 'chat', 'wechat', 'web', 'web', 'web', 'web']);

		await crmTable(
			engine,
			'communications',
			['customer_id', 'direction', 'started_at'],
			[
				['c1', '呼入', '2024-01-01 00:00:00'],
				['c1', 'Outgoing', '2024-01-01 00:00:00']
			]
		);
		await engine.query(
			cleanViewSql('communications', ['customer_id', 'direction', 'started_at'], { communications: { unifyLabels: true } })
		);
		expect(pick(await engine.rows('SELECT direction FROM clean.communications ORDER BY direction'), 'direction')).toEqual([
			'inbound',
			'outbound'
		]);

		await crmTable(
			engine,
			'campaigns',
			['campaign', 'result'],
			[
				['spring', '成功'],
				['spring', 'FAILED'],
				['spring', 'Success ']
			]
		);
		await engine.query(cleanViewSql('campaigns', ['campaign', 'result'], { campaigns: { unifyLabels: true } }));
		expect(pick(await engine.rows('SELECT result FROM clean.campaigns ORDER BY result'), 'result')).toEqual([
			'failure',
			'success',
			'success'
		]);
	});
});
