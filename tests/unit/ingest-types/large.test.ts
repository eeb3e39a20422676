import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../../src/lib/engine/node-engine';
import { columnTypes, startEngine, typeTable } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
	engine = await startEngine();
});
afterAll(() => engine.close());

const ROWS = 200_000;

describe('200k generated rows', () => {
	it('types every column from all values and aggregates the zoned column by month', async () => {
		await engine.rows(
			`CREATE TABLE s_big AS SELECT CAST(i AS VARCHAR) AS id, lpad(CAST(i % 100000 AS VARCHAR), 5, '0') AS zip, ` +
				`printf('$%,.2f', i / 100) AS amount, ` +
				`strftime(TIMESTAMP '2024-01-01' + to_minutes(i), '%Y-%m-%dT%H:%M:%S') || '+08:00' AS created_at, ` +
				`CASE WHEN i = ${ROWS - 1} THEN '31/12/2023' ELSE printf('%d/%d/2023', i % 12 + 1, i % 7 + 1) END AS day ` +
				`FROM range(${ROWS}) t(i)`
		);
		const plans = await typeTable(engine, 's_big', 't_big', ['id', 'zip', 'amount', 'created_at', 'day'], 0);
		expect(await columnTypes(engine, 't_big')).toEqual({
			id: 'BIGINT',
			zip: 'VARCHAR',
			amount: 'DOUBLE',
			created_at: 'TIMESTAMP',
			day: 'DATE'
		});
		expect(plans.map((p) => p.format)).toEqual(['integer', 'text', 'currency', 'iso', 'dmy']);

		// Σ i/100 for i < 200000 = (199999 × 200000 / 2) / 100 = 199,999,000.
		const [sums] = await engine.rows(`SELECT round(sum(amount), 2) AS total, sum(id) AS ids FROM t_big`);
		expect(sums.total).toBe(199_999_000);
		expect(sums.ids).toBe((199_999 * 200_000) / 2);

		// Day-first from the last row only: day i % 12 + 1, month i % 7 + 1. 12 July needs i ≡ 11 (mod 12) and
		// i ≡ 6 (mod 7), i.e. i ≡ 83 (mod 84): i = 83 + 84k ≤ 199998 gives k = 0..2379, 2380 rows.
		const [days] = await engine.rows(
			`SELECT count(*) FILTER (WHERE day = DATE '2023-07-12') AS july12, count(*) FILTER (WHERE month(day) = 12) AS december FROM t_big`
		);
		expect(days).toEqual({ july12: 2380, december: 1 });

		// Minute i after 2024-01-01 00:00 at +08:00 is minute i − 480 after midnight UTC: the first 480 fall in
		// December 2023 and every month boundary moves 480 minutes later.
		// Jan 31 × 1440 = 44640, Feb (leap) 29 × 1440 = 41760, Mar 44640, Apr 30 × 1440 = 43200,
		// May 200000 − 480 − 44640 − 41760 − 44640 − 43200 = 25280.
		const months = await engine.rows(
			`SELECT CAST(date_trunc('month', created_at) AS DATE) AS m, count(*) AS n FROM t_big GROUP BY 1 ORDER BY 1`
		);
		expect(months).toEqual([
			{ m: '2023-12-01', n: 480 },
			{ m: '2024-01-01', n: 44640 },
			{ m: '2024-02-01', n: 41760 },
			{ m: '2024-03-01', n: 44640 },
			{ m: '2024-04-01', n: 43200 },
			{ m: '2024-05-01', n: 25280 }
		]);
	});
});
