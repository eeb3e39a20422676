import { it } from 'vitest';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
it('probe', async () => {
	const e = new NodeEngine();
	await e.ready();
	await e.rows(`CREATE TABLE s AS SELECT printf('%02d/%02d/%02d %d:%02d', (i % 12) + 1, (i % 28) + 1, i % 100, i % 24, i % 60) AS v FROM range(200000) t(i)`);
	const RE = `'^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?)?$'`;
	const names = `['p1','p2','yr','hh','mi','ss','fr']`;
	const qs = [
		`SELECT [1,2][1] a, list_transform([3], lambda x: x + 1)[1] b`,
		`SELECT list_transform([3], x -> x + 1)[1] b`,
		`SELECT count(x) FROM (SELECT TRY_CAST(regexp_extract(v, ${RE}, ${names}).yr || '-' || regexp_extract(v, ${RE}, ${names}).p1 || '-' || regexp_extract(v, ${RE}, ${names}).p2 || ' ' || regexp_extract(v, ${RE}, ${names}).hh || ':' || regexp_extract(v, ${RE}, ${names}).mi AS TIMESTAMP) x FROM s)`,
		`SELECT count(x) FROM (SELECT list_transform([regexp_extract(v, ${RE}, ${names})], lambda p: TRY_CAST(p.yr || '-' || p.p1 || '-' || p.p2 || ' ' || p.hh || ':' || p.mi AS TIMESTAMP))[1] x FROM s)`,
		`SELECT count(x) FROM (SELECT TRY_CAST(p.yr || '-' || p.p1 || '-' || p.p2 || ' ' || p.hh || ':' || p.mi AS TIMESTAMP) x FROM (SELECT regexp_extract(v, ${RE}, ${names}) p FROM s))`,
		`SELECT count(x) FROM (SELECT try_strptime(v, '%m/%d/%y %H:%M') x FROM s)`,
		`SELECT count(*) FILTER (WHERE regexp_matches(v, ${RE})) FROM s`,
	];
	for (const q of qs) {
		const t0 = performance.now();
		try { console.log(JSON.stringify(await e.rows(q)), Math.round(performance.now() - t0), 'ms'); } catch (err) { console.log('ERR', q.slice(0, 60), String(err).slice(0, 300)); }
	}
	await e.close();
});
