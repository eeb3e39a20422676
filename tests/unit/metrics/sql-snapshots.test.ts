import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL, TABLE_KINDS, type TableKind } from '../../../src/lib/canonical/schema';
import type { Catalog } from '../../../src/lib/metrics/catalog';
import { buildContext } from '../../../src/lib/metrics/context';
import { allMetrics } from '../../../src/lib/metrics/registry';
import type { Family, MetricDef } from '../../../src/lib/metrics/types';
import { Fixture, NOW } from './fixture';

/**
 * Golden copies of the generated SQL, one file per family: a changed snapshot means the
 * generated SQL changed. Every statement also runs against empty tables of the full schema.
 */

const FULL: Catalog = {
	tables: Object.fromEntries(TABLE_KINDS.map((t) => [t, CANONICAL[t].columns.map((c) => c.name)])) as Record<TableKind, string[]>,
	raw: [
		{
			name: 'Orders 2024 (raw)',
			columns: [
				{ name: 'Order ID', type: 'VARCHAR' },
				{ name: 'Date', type: 'DATE' }
			],
			kind: 'orders',
			key: ['Order ID']
		}
	]
};
const FILTERS = { from: '2024-01-01', to: '2024-03-31', channel: 'web', segment: 'vip' };
const FAMILIES: Family[] = ['quality', 'process', 'behaviour', 'value', 'channel', 'system', 'campaign'];

function statements(defs: MetricDef[]): [string, string][] {
	const ctx = buildContext(FULL, FILTERS, { now: NOW });
	return defs.flatMap((d) => [
		[d.id, d.sql(ctx)] as [string, string],
		...(d.breakdowns ?? []).map((b) => [b.id, b.sql(ctx)] as [string, string])
	]);
}

let f: Fixture;
beforeAll(async () => {
	f = await new Fixture().start();
	for (const t of TABLE_KINDS)
		await f.table(
			t,
			CANONICAL[t].columns.map((c) => c.name),
			[]
		);
	await f.engine.rows('CREATE TABLE main."Orders 2024 (raw)" ("Order ID" VARCHAR, "Date" DATE)');
});
afterAll(() => f.close());

describe('generated SQL', () => {
	for (const family of FAMILIES) {
		it(`${family} matches its golden file and runs`, async () => {
			const sql = statements(allMetrics(FULL).filter((d) => d.family === family));
			const text = sql.map(([id, s]) => `-- ${id}\n${s};\n`).join('\n');
			await expect(text).toMatchFileSnapshot(`./__snapshots__/sql/${family}.sql`);
			for (const [id, s] of sql) await expect(f.engine.rows(s), id).resolves.toBeDefined();
		});
	}
});
