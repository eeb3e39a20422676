import { it } from 'vitest';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
it('scratch', async () => {
	const e = new NodeEngine(); await e.ready();
	const qs = [
		`SELECT epoch_ms(TIMESTAMP '2024-01-02 10:00:00') - epoch_ms(TIMESTAMP '2024-01-01 09:00:00') AS d, epoch(TIMESTAMP '2024-01-01 00:00:01.5') AS e`,
		`SELECT quantile_cont(x, 0.5) FILTER (WHERE x >= 0) AS p, avg(x) FILTER (WHERE x>=0) a, count(*) FILTER (WHERE x<0) n FROM (VALUES (1.0),(-2.0),(3.0)) t(x)`,
		`SELECT quantile_cont(x, 0.5) AS p FROM (VALUES (1.0)) t(x) WHERE x > 5`,
		`SELECT date_trunc('week', TIMESTAMP '2024-01-03 10:00:00') AS w, typeof(date_trunc('week', TIMESTAMP '2024-01-03 10:00:00')) t`,
		`SELECT unnest(generate_series(TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-04', INTERVAL 1 DAY)) AS d`,
		`SELECT CAST('2024-01-05' AS DATE) - CAST('2024-01-01' AS DATE) AS n, typeof(CAST('2024-01-05' AS DATE) - 3) t, CAST('2024-01-05' AS DATE) + INTERVAL 1 DAY AS x`,
		`SELECT date_diff('day', DATE '2024-01-01', DATE '2024-03-01') d, date_trunc('month', TIMESTAMP '2024-03-05 10:00:00') - INTERVAL 1 MONTH AS pm`,
		`SELECT regexp_matches('a@b.co', '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$') r, median(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) m FROM (VALUES (1),(2),(3)) t(x)`,
		`SELECT sum(w*c)/sum(w) v FROM (SELECT 0.3 AS w, (SELECT 50.0) AS c UNION ALL SELECT 0.2, (SELECT NULL::DOUBLE)) s WHERE c IS NOT NULL`,
		`SELECT ntile(5) OVER (ORDER BY x DESC, id) n, id FROM (VALUES ('a',1),('b',1),('c',2)) t(id,x) ORDER BY id`,
		`SELECT typeof(count(*)) t, count(*) c FROM (VALUES (1)) t(x)`,
		`SELECT round(2.5) r, CAST(1 AS DOUBLE)/0 z, 1.0/0 z2`,
	];
	for (const q of qs) { try { console.log(q.slice(0,60), JSON.stringify(await e.rows(q))); } catch (err) { console.log('ERR', q.slice(0,60), (err as Error).message); } }
	await e.close();
});
