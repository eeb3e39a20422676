import { DEFAULT_SETTINGS } from '../metrics/settings';
import type { Rule } from './rules';

type Starter = Pick<Rule, 'id' | 'name' | 'metric' | 'op' | 'threshold' | 'severity' | 'minBaseline'>;

/**
 * Rules a user can switch on from the Alerts page: all off, shown to the browser only, until
 * the user enables them. The ticket rule's threshold is the SLA setting.
 */
export function starterRules(settings: { slaHours?: number } = {}): Rule[] {
	const sla = settings.slaHours ?? DEFAULT_SETTINGS.slaHours;
	const starters: Starter[] = [
		{
			id: 'duplicate-order-keys',
			name: 'Duplicate order ids above 1 % of orders',
			metric: 'quality.duplicate_keys_pct.orders',
			op: '>',
			threshold: 1,
			severity: 'warning'
		},
		{
			id: 'slow-order-processing',
			name: 'Order processing p90 above 48 h',
			metric: 'process.order_processing_hours.p90',
			op: '>',
			threshold: 48,
			severity: 'warning'
		},
		{
			id: 'slow-ticket-resolution',
			name: `Ticket resolution p90 above the SLA (${sla} h)`,
			metric: 'process.ticket_resolution_hours.p90',
			op: '>',
			threshold: sla,
			severity: 'warning'
		},
		{ id: 'low-csat', name: 'CSAT below 80 %', metric: 'value.csat_pct', op: '<', threshold: 80, severity: 'warning' },
		{
			id: 'low-availability',
			name: 'Availability below 99.5 %',
			metric: 'system.availability_pct',
			op: '<',
			threshold: 99.5,
			severity: 'critical'
		},
		{
			id: 'revenue-drop-wow',
			name: 'Revenue down more than 20 % week over week',
			metric: 'behaviour.revenue',
			op: 'change_pct_lt',
			threshold: -20,
			// A week with less than this much revenue before it is too small to compare.
			minBaseline: 100,
			severity: 'warning'
		}
	];
	return starters.map((s) => ({
		id: s.id,
		name: s.name,
		enabled: false,
		metric: s.metric,
		op: s.op,
		threshold: s.threshold,
		pendingFor: 1,
		cooldown: '1d',
		severity: s.severity,
		onResolve: true,
		channels: [{ type: 'browser' }],
		...(s.minBaseline !== undefined ? { minBaseline: s.minBaseline } : {})
	}));
}
