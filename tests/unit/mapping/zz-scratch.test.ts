import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { NodeEngine } from '../../../src/lib/engine/node-engine';

it('probe', async () => {
	const e = new NodeEngine();
	await e.ready();
	const tryq = async (sql: string) => {
		try { console.log('SQL', sql, '=>', JSON.stringify(await e.rows(sql))); } catch (err) { console.log('SQL', sql, '!!', (err as Error).message.slice(0, 200)); }
	};
	writeFileSync('/tmp/zoned.csv', 'id,ts\n1,2024-01-01T10:00:00+08:00\n2,2024-01-01T10:00:00Z\n');
	const r = await e.load({ table: 'z', source: { kind: 'path', path: '/tmp/zoned.csv', name: 'zoned.csv' } });
	console.log(JSON.stringify(r.table.columns), JSON.stringify(await e.rows('SELECT * FROM z')));
	await tryq(`SELECT try_strptime('3/31/2025', ['%Y-%m-%d %H:%M:%S', '%m/%d/%Y']) a, try_strptime('12/1/10 8:26', '%m/%d/%y %H:%M') b, typeof(try_strptime('3/31/2025', ['%m/%d/%Y'])) t`);
	await tryq(`SELECT try_strptime('2025年1月4日 10:02', '%Y年%m月%d日 %H:%M') a, try_strptime('2025/01/04', '%Y/%m/%d') b, try_strptime('1/4/2025 3:05 PM', '%m/%d/%Y %I:%M %p') c`);
	await tryq(`SELECT regexp_extract('2025-01-04 10:02:11 +0800', '\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})$', 3) s, regexp_extract('2025-01-04 10:02:11', '\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})$', 3) s2`);
	await tryq(`SELECT CAST(CAST(17850.0 AS DOUBLE) AS BIGINT)::VARCHAR x, CAST(5101::BIGINT AS VARCHAR) y, CAST(true AS VARCHAR) z, CAST(TIMESTAMP '2024-01-01' AS VARCHAR) w, CAST(DATE '2024-01-01' AS TIMESTAMP) d`);
	await tryq(`SELECT a, row_number() OVER () r FROM (VALUES ('x'),('y'),('z')) v(a)`);
	await e.close();
});
