// The metric library over clean.orders, before and after unifying labels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCleaning } from '../../../src/lib/cleaning/apply';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { readCatalog, runMetrics } from '../../../src/lib/metrics';
import { crmTable } from './helpers';

let engine: NodeEngine;
const COLUMNS = ['order_id', 'customer_id', 'channel', 'status', 'amount', 'ordered_at'];
const crm = { tables: { orders: COLUMNS } };
const ONLY = { only: ['behaviour.revenue'] };

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	await crmTable(engine, 'orders', COLUMNS, [
		['o1', 'c1', 'E-mail', 'Delivered', 10, '2024-01-01 10:00:00'],
		['o2', 'c2', 'email ', 'delivered', 20, '2024-01-02 10:00:00'],
		['o3', 'c3', '邮件', '已送达', 30, '2024-01-03 10:00:00'],
		['o4', 'c4', 'WeChat', 'shipped', 40, '2024-01-04 10:00:00'],
		['o5', 'c5', '微信', '已发货', 50, '2024-01-05 10:00:00'],
		['o6', 'c6', 'Web', 'delivered', 60, '2024-01-06 10:00:00'],
		['o7', 'c7', 'web', '已取消', 70, '2024-01-07 10:00:00']
	]);
});
afterAll(() => engine.close());

async function revenue() {
	const report = await runMetrics(engine, await readCatalog(engine), {}, {}, ONLY);
	return { total: report.metrics['behaviour.revenue'], byChannel: report.breakdowns['behaviour.revenue.by_channel'] };
}

describe('metrics read the cleaned views', () => {
	it('unifying channel labels merges channels in behaviour.revenue.by_channel', async () => {
		await applyCleaning(engine, crm, {});
		const before = await revenue();
		// Raw: 7 distinct channel spellings; 已取消 is not an excluded status yet, so all 7 orders count:
		// 10 + 20 + 30 + 40 + 50 + 60 + 70 = 280.
		expect(before.total).toBe(280);
		expect(before.byChannel).toHaveLength(7);

		const counts = await applyCleaning(engine, crm, { orders: { unifyLabels: true } });
		const after = await revenue();
		// Unified: email (o1, o2, o3), wechat (o4, o5), web (o6, o7); o7's 已取消 becomes 'canceled', an
		// excluded status: revenue 280 − 70 = 210.
		expect(after.total).toBe(210);
		expect(after.byChannel).toEqual([
			{ channel: 'email', orders: 3, revenue: 10 + 20 + 30 },
			{ channel: 'web', orders: 1, revenue: 60 },
			{ channel: 'wechat', orders: 2, revenue: 40 + 50 }
		]);
		// Channels changed: all but 'web' (6); statuses: all but 'delivered' ×2 and 'shipped' (4) → 10.
		expect(counts).toEqual([{ kind: 'orders', step: 'unifyLabels', rowsBefore: 7, rowsAfter: 7, valuesChanged: 10 }]);
	});
});
