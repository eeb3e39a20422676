import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext } from '../../../src/lib/metrics/context';
import { filterConditions, filterProblems, resolveFilters } from '../../../src/lib/metrics/filters';
import { periods } from '../../../src/lib/metrics/reference';
import { RFM_SEGMENTS, rfmSegment, segmentCase } from '../../../src/lib/metrics/rfm-segments';
import { DEFAULT_SETTINGS, resolveSettings } from '../../../src/lib/metrics/settings';
import { Fixture } from './fixture';

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
});
afterAll(() => f.close());

describe('filters', () => {
	it('checks dates and drops empty values', () => {
		expect(resolveFilters({ from: '2024-01-01', to: '', channel: '', segment: 'vip' })).toEqual({ from: '2024-01-01', segment: 'vip' });
		expect(() => resolveFilters({ from: '2024-02-30' })).toThrow('invalid from date: 2024-02-30');
		expect(() => resolveFilters({ to: "2024-01-01' OR 1=1" })).toThrow("invalid to date: 2024-01-01' OR 1=1");
		expect(() => resolveFilters({ from: '2024-02-01', to: '2024-01-01' })).toThrow('invalid date range: 2024-02-01 is after 2024-01-01');
	});

	it('quotes every value as a literal', () => {
		const ctx = buildContext({ tables: { orders: ['order_id', 'channel'] } }, { channel: "a'b", segment: "x'); DROP TABLE t; --" });
		expect(filterConditions(ctx, 'orders', 'o')).toEqual([
			"o.channel = 'a''b'",
			`o.customer_id IN (SELECT customer_id FROM "clean"."customers" WHERE segment = 'x''); DROP TABLE t; --')`
		]);
	});

	it('applies the date range to each table’s main timestamp, `to` inclusive', () => {
		const ctx = buildContext({ tables: {} }, { from: '2024-01-01', to: '2024-01-31' });
		expect(filterConditions(ctx, 'tickets', 't')).toEqual([
			"t.created_at >= CAST('2024-01-01' AS DATE)",
			"t.created_at < CAST('2024-01-31' AS DATE) + INTERVAL 1 DAY"
		]);
		// customers have no main timestamp and no channel
		expect(filterConditions(buildContext({ tables: {} }, { from: '2024-01-01', channel: 'web', segment: 's' }), 'customers', 'c')).toEqual([
			"c.segment = 's'"
		]);
	});

	it('names the column a filter would need', () => {
		const catalog = { tables: { feedback: ['score'], customers: ['customer_id'] } };
		expect(filterProblems(catalog, { from: '2024-01-01', channel: 'web', segment: 'vip' }, ['feedback'])).toEqual([
			'date filter needs feedback.created_at',
			'channel filter needs feedback.channel',
			'segment filter needs feedback.customer_id',
			'segment filter needs customers.segment'
		]);
	});
});

describe('settings', () => {
	it('fills defaults', () => {
		expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
		expect(DEFAULT_SETTINGS).toMatchObject({
			excludedStatuses: ['canceled', 'cancelled', 'unavailable'],
			slaHours: 48,
			clvHorizonMonths: 12
		});
	});

	it('refuses bad values, naming them', () => {
		expect(() => resolveSettings({ slaHours: 0 })).toThrow('invalid slaHours: 0');
		expect(() => resolveSettings({ clvHorizonMonths: Number.NaN })).toThrow('invalid clvHorizonMonths: NaN');
		expect(() => resolveSettings({ referenceDate: '2024-13-01' })).toThrow('invalid referenceDate: 2024-13-01');
		expect(() => resolveSettings({ now: 'yesterday' })).toThrow('invalid now: yesterday');
		expect(resolveSettings({ referenceDate: '2024-01-31 23:59:59' }).referenceDate).toBe('2024-01-31 23:59:59');
	});
});

describe('reference date and periods', () => {
	beforeAll(async () => {
		await f.reset();
		await f.table(
			'orders',
			['order_id', 'customer_id', 'ordered_at'],
			[
				['O1', 'C1', '2024-01-10 08:00:00'],
				['O2', 'C1', '2024-03-05 09:30:00']
			]
		);
		await f.table('tickets', ['ticket_id', 'created_at'], [['T1', '2024-03-07 10:00:00']]);
	});

	const ref = async (filters = {}, settings = {}) =>
		(await f.engine.rows(`SELECT CAST(${f.ctx(filters, settings).ref} AS VARCHAR) AS r`))[0].r;

	it('is the newest main timestamp of any table, not after `to`', async () => {
		expect(await ref()).toBe('2024-03-07 10:00:00');
		expect(await ref({ to: '2024-03-06' })).toBe('2024-03-05 09:30:00');
		expect(await ref({}, { referenceDate: '2024-02-01' })).toBe('2024-02-01 00:00:00');
	});

	const period = async (filters: object) => {
		const p = periods(resolveFilters(filters), f.ctx().ref);
		return (await f.engine.rows(`SELECT ${p.prevStart} AS prev_start, ${p.start} AS start, ${p.end} AS stop`))[0];
	};

	it('previous period of equal length', async () => {
		// 10 days 2024-03-01..10 → previous 2024-02-20..29 (leap year)
		expect(await period({ from: '2024-03-01', to: '2024-03-10' })).toEqual({
			prev_start: '2024-02-20',
			start: '2024-03-01',
			stop: '2024-03-11'
		});
		// no range: the reference date's month (March up to the 7th) against February
		expect(await period({})).toEqual({ prev_start: '2024-02-01', start: '2024-03-01', stop: '2024-03-08' });
	});
});

describe('RFM segment table', () => {
	it('covers every score pair, in JS and in SQL alike', async () => {
		const combos: [number, number, number][] = [];
		for (let r = 1; r <= 5; r++) for (let fs = 1; fs <= 5; fs++) for (let m = 1; m <= 5; m++) combos.push([r, fs, m]);
		for (const [r, fs, m] of combos) expect(rfmSegment(r, fs, m), `r${r} f${fs} m${m}`).not.toBeNull();
		const values = combos.map((c) => `(${c.join(', ')})`).join(', ');
		const rows = await f.engine.rows(
			`SELECT r, f, m, ${segmentCase('r', 'f', 'm')} AS segment FROM (VALUES ${values}) v(r, f, m) ORDER BY r, f, m`
		);
		expect(rows.map((row) => row.segment)).toEqual(combos.map(([r, fs, m]) => rfmSegment(r, fs, m)));
		// every named segment is reachable
		expect(new Set(rows.map((row) => row.segment))).toEqual(new Set(RFM_SEGMENTS.map((s) => s.name)));
	});

	it('names the corners as expected', () => {
		expect(rfmSegment(5, 5, 5)).toBe('Champions');
		expect(rfmSegment(1, 5, 5)).toBe('Cannot lose');
		expect(rfmSegment(1, 1, 1)).toBe('Lost');
		expect(rfmSegment(5, 1, 1)).toBe('New');
	});
});
