import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableReason } from '../../../src/lib/metrics/availability';
import { Fixture, round } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
	await f.table(
		'visits',
		['session_id', 'channel', 'page', 'started_at', 'response_ms', 'status_code'],
		[
			['s1', 'web', '/a', '2024-01-01 10:00:00', 100, 200],
			['s1', 'web', '/b', '2024-01-01 10:00:30', 200, 200],
			['s2', 'app', '/a', '2024-01-01 10:01:00', 300, 500],
			['s2', 'app', '/b', '2024-01-01 10:02:00', 400, 404],
			['s3', 'web', '/a', '2024-01-01 10:04:00', null, null],
			['s4', 'web', '/a', '2024-01-01 10:05:00', -5, 503]
		]
	);
	await f.table(
		'campaigns',
		['activity_id', 'campaign', 'channel', 'sent_at', 'result', 'converted', 'cost', 'revenue'],
		[
			['A1', 'Spring', 'email', '2024-01-01 00:00:00', 'success', true, 10, 100],
			['A2', 'Spring', 'email', '2024-01-02 00:00:00', 'failure', false, 10, 0],
			['A3', 'Spring', 'sms', '2024-01-03 00:00:00', 'Success ', null, 5, null],
			['A4', 'Summer', 'sms', '2024-02-01 00:00:00', null, true, 20, 30],
			['A5', 'Summer', 'email', '2024-02-02 00:00:00', 'success', false, 0, 0]
		]
	);
});
afterAll(() => f.close());

describe('system', () => {
	it('response_ms percentiles leave out negative and missing times', async () => {
		// [100, 200, 300, 400]: p50 250; p95 at 3 × 0.95 = 2.85 → 300 + 0.85 × 100 = 385; p99 at 2.97 → 397
		const r = await f.headline('system.response_ms');
		expect([r.p50, round(r.p95), round(r.p99)]).toEqual([250, 385, 397]);
		// web: [100, 200] → p50 150
		expect((await f.headline('system.response_ms', { channel: 'web' })).p50).toBe(150);
	});

	it('throughput_rpm = requests / minutes from first to last', async () => {
		// 6 requests over 10:00 → 10:05 = 5 minutes
		expect(await f.value('system.throughput_rpm')).toBe(1.2);
		// app: 2 requests over 10:01 → 10:02
		expect(await f.value('system.throughput_rpm', { channel: 'app', from: '2024-01-01', to: '2024-01-01' })).toBe(2);
		expect(await f.value('system.throughput_rpm', { channel: 'none' })).toBeNull();
	});

	it('error_rate and availability_pct over requests with a status', async () => {
		// statuses 200, 200, 500, 404, 503: ≥ 500 → 2 / 5; < 500 → 3 / 5
		expect(await f.value('system.error_rate')).toBe(0.4);
		expect(await f.value('system.availability_pct')).toBe(60);
		expect(await f.breakdown('system.error_rate', 'system.error_rate.by_page')).toEqual([
			{ page: '/a', requests: 4, error_rate: 2 / 3 }, // 200, 500, 503 (one without status)
			{ page: '/b', requests: 2, error_rate: 0 }
		]);
		// web: 200, 200, 503 → 1 / 3
		expect(await f.value('system.error_rate', { channel: 'web' })).toBe(1 / 3);
		expect(await f.value('system.availability_pct', { from: '2025-01-01' })).toBeNull();
	});

	it('a single request spans zero minutes: throughput NULL, not Infinity', async () => {
		await f.table('visits', ['started_at', 'status_code'], [['2024-01-01 10:00:00', 200]]);
		expect(await f.value('system.throughput_rpm')).toBeNull();
		expect(await f.value('system.availability_pct')).toBe(100);
	});

	it('is unavailable without the log columns', () => {
		expect(unavailableReason(f.def('system.response_ms'), { tables: { visits: ['started_at'] } }, {})).toBe('needs visits.response_ms');
	});
});

describe('campaigns', () => {
	it('success_rate over activities with a result (labels trimmed, any case)', async () => {
		// results A1, A2, A3, A5; success A1, A3, A5 → 3 / 4
		expect(await f.value('campaign.success_rate')).toBe(0.75);
	});

	it('conversion over activities with a converted flag', async () => {
		// A1 true, A2 false, A4 true, A5 false → 2 / 4
		expect(await f.value('campaign.conversion')).toBe(0.5);
	});

	it('roi = (revenue − cost) / cost', async () => {
		// revenue 100 + 0 + 30 + 0 = 130; cost 10 + 10 + 5 + 20 + 0 = 45 → 85 / 45
		expect(round(await f.value('campaign.roi'))).toBe(round(85 / 45));
		// Summer email: A5 alone, cost 0 → NULL
		expect(await f.value('campaign.roi', { channel: 'email', from: '2024-02-01' })).toBeNull();
	});

	it('per campaign and per channel', async () => {
		expect(await f.breakdown('campaign.roi', 'campaign.roi.by_campaign')).toEqual([
			{ campaign: 'Spring', activities: 3, roi: 3 }, // (100 − 25) / 25
			{ campaign: 'Summer', activities: 2, roi: 0.5 } // (30 − 20) / 20
		]);
		expect(await f.breakdown('campaign.success_rate', 'campaign.success_rate.by_channel')).toEqual([
			{ channel: 'email', activities: 3, success_rate: 2 / 3 }, // A1, A5 of A1, A2, A5
			{ channel: 'sms', activities: 2, success_rate: 1 } // A3 (A4 has no result)
		]);
	});

	it('filters by date on sent_at', async () => {
		// February: A4 (no result), A5 success → 1 / 1
		expect(await f.value('campaign.success_rate', { from: '2024-02-01', to: '2024-02-29' })).toBe(1);
		const noSentAt = { tables: { campaigns: ['campaign', 'result'] } };
		expect(unavailableReason(f.def('campaign.success_rate'), noSentAt, { from: '2024-02-01' })).toBe('date filter needs campaigns.sent_at');
		expect(unavailableReason(f.def('campaign.roi'), noSentAt, {})).toBe('needs campaigns.cost, campaigns.revenue');
	});
});
