import { CANONICAL, type TableKind } from '../../../src/lib/canonical/schema';
import { NodeEngine } from '../../../src/lib/engine/node-engine';
import { breakdownUnavailableReason, unavailableReason } from '../../../src/lib/metrics/availability';
import type { Catalog, RawTable } from '../../../src/lib/metrics/catalog';
import { buildContext } from '../../../src/lib/metrics/context';
import { allMetrics } from '../../../src/lib/metrics/registry';
import type { Settings } from '../../../src/lib/metrics/settings';
import type { Filters, MetricDef } from '../../../src/lib/metrics/types';
import { quoteIdent, sqlValue } from '../../../src/lib/sql/quote';

export type Cell = string | number | boolean | null;

/** A fixed "now" so freshness is deterministic. */
export const NOW = '2024-03-01 00:00:00';

/**
 * Hand-made canonical tables in a real engine: `clean.<table>` with the canonical types of the
 * given columns plus `source_file`, and the matching catalog.
 */
export class Fixture {
	readonly engine: NodeEngine;
	catalog: Catalog = { tables: {} };

	constructor() {
		this.engine = new NodeEngine();
	}

	async start(): Promise<this> {
		await this.engine.ready();
		await this.reset();
		return this;
	}

	async reset(): Promise<void> {
		await this.engine.rows('DROP SCHEMA IF EXISTS clean CASCADE');
		await this.engine.rows('CREATE SCHEMA clean');
		for (const raw of this.catalog.raw ?? []) await this.engine.rows(`DROP TABLE IF EXISTS main.${quoteIdent(raw.name)}`);
		this.catalog = { tables: {} };
	}

	/** Create `clean.<table>` with these canonical columns and rows (timestamps as 'YYYY-MM-DD HH:MM:SS'). */
	async table(table: TableKind, columns: string[], rows: Cell[][]): Promise<void> {
		const types = columns.map((c) => {
			const col = CANONICAL[table].columns.find((x) => x.name === c);
			if (!col) throw new Error(`not a column of ${table}: ${c}`);
			return `${c} ${col.type}`;
		});
		await this.engine.rows(`CREATE OR REPLACE TABLE clean.${table} (${[...types, 'source_file VARCHAR'].join(', ')})`);
		if (rows.length) {
			const values = rows.map((r) => {
				if (r.length !== columns.length) throw new Error(`row of ${r.length} cells for ${columns.length} columns: ${JSON.stringify(r)}`);
				return `(${[...r, `${table}.csv`].map(sqlValue).join(', ')})`;
			});
			await this.engine.rows(`INSERT INTO clean.${table} VALUES ${values.join(', ')}`);
		}
		this.catalog = { ...this.catalog, tables: { ...this.catalog.tables, [table]: columns } };
	}

	/** A raw table in `main` with explicit DuckDB types. */
	async raw(name: string, columns: [string, string][], rows: Cell[][], extra: Partial<RawTable> = {}): Promise<void> {
		const cols = columns.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ');
		await this.engine.rows(`CREATE OR REPLACE TABLE main.${quoteIdent(name)} (${cols})`);
		if (rows.length)
			await this.engine.rows(
				`INSERT INTO main.${quoteIdent(name)} VALUES ${rows.map((r) => `(${r.map(sqlValue).join(', ')})`).join(', ')}`
			);
		const raw: RawTable = { name, columns: columns.map(([c, t]) => ({ name: c, type: t })), ...extra };
		this.catalog = { ...this.catalog, raw: [...(this.catalog.raw ?? []).filter((r) => r.name !== name), raw] };
	}

	def(id: string): MetricDef {
		const def = allMetrics(this.catalog).find((d) => d.id === id);
		if (!def) throw new Error(`no metric ${id} for this catalog`);
		return def;
	}

	ctx(filters: Filters = {}, settings: Partial<Settings> = {}) {
		return buildContext(this.catalog, filters, { now: NOW, ...settings });
	}

	/** The headline row of a metric. */
	async headline(id: string, filters: Filters = {}, settings: Partial<Settings> = {}): Promise<Record<string, unknown>> {
		const def = this.def(id);
		const reason = unavailableReason(def, this.catalog, filters);
		if (reason) throw new Error(`${id} is unavailable: ${reason}`);
		const [row] = await this.engine.rows(def.sql(this.ctx(filters, settings)));
		return row;
	}

	/** The single headline value of a metric without statistics. */
	async value(id: string, filters: Filters = {}, settings: Partial<Settings> = {}): Promise<unknown> {
		return (await this.headline(id, filters, settings)).value;
	}

	async breakdown(
		id: string,
		breakdownId: string,
		filters: Filters = {},
		settings: Partial<Settings> = {}
	): Promise<Record<string, unknown>[]> {
		const def = this.def(id);
		const bd = def.breakdowns?.find((b) => b.id === breakdownId);
		if (!bd) throw new Error(`no breakdown ${breakdownId} of ${id}`);
		const reason = unavailableReason(def, this.catalog, filters) ?? breakdownUnavailableReason(bd, this.catalog);
		if (reason) throw new Error(`${breakdownId} is unavailable: ${reason}`);
		return this.engine.rows(bd.sql(this.ctx(filters, settings)));
	}

	close(): Promise<void> {
		return this.engine.close();
	}
}

/** Round for comparisons of computed doubles. */
export function round(v: unknown, digits = 6): unknown {
	return typeof v === 'number' ? Number(v.toFixed(digits)) : v;
}
