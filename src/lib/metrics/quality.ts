import { CANONICAL, type TableKind } from '../canonical/schema';
import { has, type Catalog } from './catalog';
import {
	applicableRules,
	checkableForeignKeys,
	conflictsByColumnSql,
	conflictsSql,
	invalidByRuleSql,
	invalidSql,
	orphansByKeySql,
	orphansSql,
	presentForeignKeys
} from './quality-checks';
import { FOREIGN_KEYS, INVALID_RULES } from './quality-rules';
import { scoreSql } from './quality-score';
import { duplicateKeysPctSql, duplicateKeysSql, duplicateRowsSql, freshnessSql, missingPctSql, rowsSql } from './quality-sql';
import { qualityTargets, type QualityTarget } from './quality-targets';
import type { MetricDef, Need, Unit } from './types';

/**
 * Quality metrics (DESIGN.md §3 "Quality"), one set per table: ids end with the table's name
 * (`quality.duplicate_keys.orders`). They measure the tables as they are — the common
 * filters do not apply — so cleaning steps show up in them.
 */

type Sql = MetricDef['sql'];

function def(
	metric: string,
	t: QualityTarget,
	title: string,
	unit: Unit,
	formula: string,
	needs: readonly Need[],
	sql: Sql,
	extra: Partial<MetricDef> = {}
): MetricDef {
	return {
		id: `quality.${metric}.${t.name}`,
		family: 'quality',
		title: `${title} (${t.name})`,
		unit,
		formula,
		needs,
		filtered: [],
		sql,
		...extra
	};
}

const schemaNeeds = (kind: TableKind, columns: readonly string[]) => columns.map((c) => `${kind}.${c}`);

/** The key of a target, when every key column is present; canonical tables report missing ones as needs. */
function usableKey(catalog: Catalog, t: QualityTarget): readonly string[] | null {
	if (!t.key) return null;
	if (t.kind && !t.key.every((c) => has(catalog, `${t.kind}.${c}`))) return null;
	return t.key;
}

function canonicalChecks(catalog: Catalog, t: QualityTarget, kind: TableKind, key: readonly string[] | null): MetricDef[] {
	const out: MetricDef[] = [];
	if (FOREIGN_KEYS[kind]) {
		const present = presentForeignKeys(catalog, kind);
		const needs: Need[] = present.length
			? [present.map((fk) => `${fk.parent}.${fk.parentColumn}`)]
			: [(FOREIGN_KEYS[kind] ?? []).map((fk) => `${kind}.${fk.column}`)];
		out.push(
			def(
				'orphans',
				t,
				'Orphan rows',
				'count',
				'rows whose foreign key is not in its parent table',
				needs,
				() => orphansSql(catalog, kind),
				{
					breakdowns: checkableForeignKeys(catalog, kind).length
						? [{ id: `quality.orphans.${kind}.by_key`, title: 'Orphans per foreign key', sql: () => orphansByKeySql(catalog, kind) }]
						: []
				}
			)
		);
	}
	const ruleColumns = [...new Set(INVALID_RULES[kind].flatMap((r) => r.columns))];
	const rules = applicableRules(catalog, kind);
	out.push(
		def(
			'invalid',
			t,
			'Invalid rows',
			'count',
			'rows breaking a rule: bad email/phone, negative amount, end before start, status contradicting timestamps',
			[schemaNeeds(kind, ruleColumns)],
			() => invalidSql(catalog, kind),
			{
				breakdowns: rules.length
					? [{ id: `quality.invalid.${kind}.by_rule`, title: 'Invalid rows per rule', sql: () => invalidByRuleSql(catalog, kind) }]
					: []
			}
		)
	);
	if (t.key) {
		const keyed = { ...t, key };
		out.push(
			def(
				'conflicts',
				t,
				'Conflicting keys',
				'count',
				'keys with two or more different non-null values of one attribute',
				schemaNeeds(kind, t.key),
				() => conflictsSql(keyed),
				{
					breakdowns: [
						{ id: `quality.conflicts.${kind}.by_column`, title: 'Conflicting keys per column', sql: () => conflictsByColumnSql(keyed) }
					]
				}
			)
		);
	}
	return out;
}

function targetMetrics(catalog: Catalog, t: QualityTarget): MetricDef[] {
	const key = usableKey(catalog, t);
	const keyNeeds = t.kind && t.key ? schemaNeeds(t.kind, t.key) : [];
	const out: MetricDef[] = [
		def('rows', t, 'Rows', 'count', 'rows in the table', [], () => rowsSql(t)),
		def('missing_pct', t, 'Missing values', 'pct', '100 × empty or NULL cells / rows, per column', [], () => missingPctSql(t), {
			stats: t.columns
		}),
		def('duplicate_rows', t, 'Duplicate rows', 'count', 'rows identical to an earlier row (beyond the first)', [], () =>
			duplicateRowsSql(t)
		)
	];
	if (t.key) {
		out.push(
			def('duplicate_keys', t, 'Duplicate keys', 'count', 'rows sharing a key with an earlier row (beyond the first)', keyNeeds, () =>
				duplicateKeysSql(t, key ?? [])
			),
			def('duplicate_keys_pct', t, 'Duplicate keys', 'pct', '100 × duplicate_keys / rows', keyNeeds, () =>
				duplicateKeysPctSql(t, key ?? [])
			)
		);
	}
	if (t.kind) out.push(...canonicalChecks(catalog, t, t.kind, key));
	const timestamps = t.kind ? CANONICAL[t.kind].columns.filter((c) => c.type === 'TIMESTAMP').map((c) => `${t.kind}.${c.name}`) : [];
	if (t.timestamps.length || timestamps.length)
		out.push(
			def(
				'freshness_days',
				t,
				'Freshness',
				'days',
				'now − newest timestamp in the table, in days',
				timestamps.length ? [timestamps] : [],
				(ctx) => freshnessSql(t, ctx.now)
			)
		);
	out.push(
		def(
			'score',
			t,
			'Quality score',
			'score',
			'weighted completeness, uniqueness, validity, consistency and timeliness (0–100)',
			[],
			(ctx) => scoreSql(catalog, t, key, ctx.now)
		)
	);
	return out;
}

/** All quality metrics for the tables of the catalog. */
export function qualityMetrics(catalog: Catalog): MetricDef[] {
	return qualityTargets(catalog).flatMap((t) => targetMetrics(catalog, t));
}
