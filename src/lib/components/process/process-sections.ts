import type { Column } from './process-view';

export type DurationUnit = 'hours' | 'days' | 'minutes';

/** A breakdown of a process time by one column, e.g. `process.delivery_days.by_channel`. */
export interface Dimension {
	suffix: string;
	column: string;
	label: string;
}

/** A phrase after a count: `1 order shipped…`, `6 orders shipped…`. */
export interface Plural {
	one: string;
	many: string;
}

/** One duration metric of DESIGN.md §3 "Process times" with p50, p90, mean and a count of negatives. */
export interface DurationSpec {
	id: string;
	anchor: string;
	title: string;
	/** What is measured, for the subtitle: `ordered_at → shipped_at`. */
	span: string;
	unit: DurationUnit;
	/** The rows measured, for the tables and the note: `orders`. */
	subject: string;
	/** What a negative time means, after the count of one and of several. */
	negative: Plural;
	dimensions: readonly Dimension[];
}

export const BY_CHANNEL: Dimension = { suffix: 'by_channel', column: 'channel', label: 'Channel' };
export const BY_CATEGORY: Dimension = { suffix: 'by_category', column: 'category', label: 'Category' };
export const BY_AGENT: Dimension = { suffix: 'by_agent', column: 'agent', label: 'Agent' };

export const ORDER_PROCESSING: DurationSpec = {
	id: 'process.order_processing_hours',
	anchor: 'order-processing',
	title: 'Order processing time',
	span: 'ordered_at → shipped_at',
	unit: 'hours',
	subject: 'orders',
	negative: { one: 'order shipped before it was ordered', many: 'orders shipped before they were ordered' },
	dimensions: [BY_CHANNEL]
};

export const DELIVERY: DurationSpec = {
	id: 'process.delivery_days',
	anchor: 'delivery',
	title: 'Delivery time',
	span: 'ordered_at → delivered_at',
	unit: 'days',
	subject: 'orders',
	negative: { one: 'order delivered before it was ordered', many: 'orders delivered before they were ordered' },
	dimensions: [BY_CHANNEL]
};

export const RESOLUTION: DurationSpec = {
	id: 'process.ticket_resolution_hours',
	anchor: 'resolution',
	title: 'Ticket resolution time',
	span: 'created_at → resolved_at',
	unit: 'hours',
	subject: 'tickets',
	negative: { one: 'ticket resolved before it was created', many: 'tickets resolved before they were created' },
	dimensions: [BY_CHANNEL, BY_CATEGORY]
};

export const FIRST_RESPONSE: DurationSpec = {
	id: 'process.first_response_hours',
	anchor: 'first-response',
	title: 'First response time',
	span: 'created_at → first_response_at',
	unit: 'hours',
	subject: 'tickets',
	negative: { one: 'ticket answered before it was created', many: 'tickets answered before they were created' },
	dimensions: [BY_CHANNEL, BY_CATEGORY]
};

export const DURATIONS = [ORDER_PROCESSING, DELIVERY, RESOLUTION, FIRST_RESPONSE] as const;

export const STAT_TITLES = { p50: 'median (p50)', p90: '90th percentile (p90)', mean: 'mean' } as const;

/** Columns of a duration breakdown (`n`, `p50`, `p90`, `mean`, `negative`) under a first column. */
export function durationColumns(first: Column, spec: DurationSpec): Column[] {
	return [
		first,
		{ key: 'n', label: `${spec.subject[0].toUpperCase()}${spec.subject.slice(1)} measured`, unit: 'count' },
		{ key: 'p50', label: 'Median', unit: spec.unit },
		{ key: 'p90', label: 'p90', unit: spec.unit },
		{ key: 'mean', label: 'Mean', unit: spec.unit },
		{ key: 'negative', label: 'Negative (left out)', unit: 'count' }
	];
}

/** Links of the in-page contents, in page order. */
export const CONTENTS = [
	{ anchor: ORDER_PROCESSING.anchor, label: 'Order processing' },
	{ anchor: DELIVERY.anchor, label: 'Delivery' },
	{ anchor: 'late-deliveries', label: 'Late deliveries' },
	{ anchor: RESOLUTION.anchor, label: 'Ticket resolution' },
	{ anchor: FIRST_RESPONSE.anchor, label: 'First response' },
	{ anchor: 'sla', label: 'SLA breaches' },
	{ anchor: 'backlog', label: 'Backlog' },
	{ anchor: 'communications', label: 'Communication time' }
];

/** Every headline id and breakdown the page shows, for "Download metrics". */
export const PROCESS_IDS: readonly string[] = [
	...DURATIONS.flatMap((d) => ['p50', 'p90', 'mean', 'negative'].map((s) => `${d.id}.${s}`)),
	'process.late_delivery_pct',
	'process.sla_breach_pct',
	'process.backlog',
	'process.communication_minutes.mean',
	'process.communication_minutes.per_customer',
	'process.communication_minutes.negative'
];

export const PROCESS_BREAKDOWNS: readonly string[] = [
	...DURATIONS.flatMap((d) => [`${d.id}.by_week`, ...d.dimensions.map((dim) => `${d.id}.${dim.suffix}`)]),
	'process.late_delivery_pct.by_week',
	'process.late_delivery_pct.by_channel',
	'process.sla_breach_pct.by_week',
	'process.sla_breach_pct.by_channel',
	'process.sla_breach_pct.by_category',
	'process.backlog.by_age',
	'process.backlog.by_week',
	'process.backlog.by_channel',
	'process.backlog.by_category',
	'process.communication_minutes.by_week',
	'process.communication_minutes.by_agent',
	'process.communication_minutes.by_channel',
	'process.communication_minutes.by_customer'
];
