import { has } from './catalog';
import { byColumn, byWeek, durationMetric } from './duration';
import { labelIn } from './sql-parts';
import type { MetricContext } from './types';

/** Ticket statuses that mean the ticket is done, whatever its resolved_at says. */
export const CLOSED_TICKET_STATUSES = ['closed', 'resolved', 'solved', 'done'];

const ticketGroupings = [byWeek, byColumn('tickets', 'channel'), byColumn('tickets', 'category')];

export const ticketResolutionHours = durationMetric({
	id: 'process.ticket_resolution_hours',
	title: 'Ticket resolution time',
	formula: 'resolved_at − created_at in hours; p50, p90, mean of non-negative times; negative ones counted',
	unit: 'hours',
	table: 'tickets',
	start: 'created_at',
	end: 'resolved_at',
	groupings: ticketGroupings
});

export const firstResponseHours = durationMetric({
	id: 'process.first_response_hours',
	title: 'First response time',
	formula: 'first_response_at − created_at in hours; p50, p90, mean of non-negative times; negative ones counted',
	unit: 'hours',
	table: 'tickets',
	start: 'created_at',
	end: 'first_response_at',
	groupings: ticketGroupings
});

/**
 * Whether ticket `t` is open at the instant `at`: created by then and not resolved by then.
 * Without a resolved_at, the status decides (a closed status means done; no status means open).
 */
export function openAt(ctx: MetricContext, at: string): string {
	const hasResolved = has(ctx.catalog, 'tickets.resolved_at');
	const hasStatus = has(ctx.catalog, 'tickets.status');
	const notClosed = hasStatus ? `(t.status IS NULL OR NOT ${labelIn('t.status', CLOSED_TICKET_STATUSES)})` : 'TRUE';
	const unresolved = hasResolved ? `(t.resolved_at > ${at} OR (t.resolved_at IS NULL AND ${notClosed}))` : notClosed;
	return `(t.created_at <= ${at} AND ${unresolved})`;
}
