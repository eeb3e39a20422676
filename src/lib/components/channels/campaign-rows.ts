import type { MetricsReport } from '$lib/metrics';
import { joinRows, rowsOf, sortRows, type Column, type Row } from './join-rows';

export const CAMPAIGN_KPIS = [
	{ title: 'Campaign success rate', id: 'campaign.success_rate', unit: 'rate' },
	{ title: 'Campaign conversion', id: 'campaign.conversion', unit: 'rate' },
	{ title: 'Campaign ROI', id: 'campaign.roi', unit: 'rate' }
] as const;

export type CampaignGrouping = 'campaign' | 'channel';

const METRICS = ['success_rate', 'conversion', 'roi'] as const;

/** The breakdown ids of one grouping, e.g. `campaign.roi.by_channel`. */
export function campaignBreakdowns(grouping: CampaignGrouping): string[] {
	return METRICS.map((m) => `campaign.${m}.by_${grouping}`);
}

export function campaignColumns(grouping: CampaignGrouping): Column[] {
	return [
		{ key: grouping, label: grouping === 'campaign' ? 'Campaign' : 'Channel' },
		{ key: 'activities', label: 'Activities', unit: 'count' },
		{ key: 'success_rate', label: 'Success rate', unit: 'rate' },
		{ key: 'conversion', label: 'Conversion', unit: 'rate' },
		{ key: 'roi', label: 'ROI', unit: 'rate' }
	];
}

/** One row per campaign (or channel) joining the three campaign breakdowns, most activities first. */
export function campaignRows(report: MetricsReport, grouping: CampaignGrouping): Row[] {
	const rows = joinRows(
		grouping,
		METRICS.map((m) => ({ rows: rowsOf(report, `campaign.${m}.by_${grouping}`), columns: ['activities', m] }))
	);
	return sortRows(rows, 'activities', grouping);
}
