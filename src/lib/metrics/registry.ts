import { revenueAnomalies, orderAnomalies } from './behaviour-anomalies';
import { activeCustomers, aov, customers, feedbackCount, orders, purchaseAmount, purchaseCount, repeatRate, revenue } from './behaviour';
import { campaignConversion, roi, successRate } from './campaigns';
import type { Catalog } from './catalog';
import { churnPct, netGrowthPct } from './channel-churn';
import { channelRevenue, conversion, satisfaction } from './channels';
import { deliveryDays, lateDeliveryPct, orderProcessingHours } from './process';
import { backlog, slaBreachPct } from './process-backlog';
import { communicationMinutes } from './process-communications';
import { firstResponseHours, ticketResolutionHours } from './process-tickets';
import { qualityMetrics } from './quality';
import { availabilityPct, errorRate, responseMs, throughputRpm } from './system';
import type { MetricDef, Unit } from './types';
import { clv, csatPct, cv30, cycleDays, expectationGap } from './value';
import { rfmMetric } from './value-rfm';

/** Every metric that does not depend on which tables are loaded, in display order. */
export const METRICS: readonly MetricDef[] = [
	orderProcessingHours,
	deliveryDays,
	lateDeliveryPct,
	communicationMinutes,
	ticketResolutionHours,
	firstResponseHours,
	backlog,
	slaBreachPct,
	revenue,
	orders,
	customers,
	purchaseCount,
	purchaseAmount,
	aov,
	feedbackCount,
	activeCustomers,
	repeatRate,
	revenueAnomalies,
	orderAnomalies,
	rfmMetric,
	cycleDays,
	cv30,
	clv,
	csatPct,
	expectationGap,
	satisfaction,
	conversion,
	channelRevenue,
	churnPct,
	netGrowthPct,
	responseMs,
	throughputRpm,
	errorRate,
	availabilityPct,
	successRate,
	campaignConversion,
	roi
];

/** The quality metrics, made once per table: `<id>.<table>` (and `.<column>` for missing_pct). */
export const QUALITY_METRIC_IDS: readonly { id: string; unit: Unit; per: 'table' | 'column' }[] = [
	{ id: 'quality.rows', unit: 'count', per: 'table' },
	{ id: 'quality.missing_pct', unit: 'pct', per: 'column' },
	{ id: 'quality.duplicate_rows', unit: 'count', per: 'table' },
	{ id: 'quality.duplicate_keys', unit: 'count', per: 'table' },
	{ id: 'quality.duplicate_keys_pct', unit: 'pct', per: 'table' },
	{ id: 'quality.orphans', unit: 'count', per: 'table' },
	{ id: 'quality.invalid', unit: 'count', per: 'table' },
	{ id: 'quality.conflicts', unit: 'count', per: 'table' },
	{ id: 'quality.freshness_days', unit: 'days', per: 'table' },
	{ id: 'quality.score', unit: 'score', per: 'table' }
];

/** Every metric for this catalog: the quality metrics of its tables, then the rest. */
export function allMetrics(catalog: Catalog): MetricDef[] {
	return [...qualityMetrics(catalog), ...METRICS];
}

/** The full ids of a metric's headline values. */
export function fullIds(def: MetricDef): string[] {
	return def.stats ? def.stats.map((s) => `${def.id}.${s}`) : [def.id];
}

/** The metric a full id belongs to, and its unit. */
export function findMetric(catalog: Catalog, fullId: string): { def: MetricDef; stat: string | null; unit: Unit } | undefined {
	for (const def of allMetrics(catalog)) {
		if (!def.stats && def.id === fullId) return { def, stat: null, unit: def.unit };
		const stat = def.stats?.find((s) => `${def.id}.${s}` === fullId);
		if (stat !== undefined) return { def, stat, unit: def.statUnits?.[stat] ?? def.unit };
	}
	return undefined;
}
