import type { TableKind } from '../canonical/schema';
import { CLOSED_TICKET_STATUSES } from './process-tickets';
import { labelIn } from './sql-parts';

/**
 * What makes a canonical row invalid (`quality.invalid`): a rule applies when every column it
 * reads is present; `when` is SQL over the bare canonical column names, true for a bad row.
 */
export interface InvalidRule {
	name: string;
	columns: readonly string[];
	when: string;
}

const EMAIL = `'^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'`;
/** Digits with an optional leading +, after spaces, dots, dashes and brackets are removed. */
const PHONE = `'^\\+?[0-9]{5,15}$'`;

const negative = (column: string): InvalidRule => ({ name: `negative ${column}`, columns: [column], when: `${column} < 0` });
const before = (end: string, start: string): InvalidRule => ({
	name: `${end} before ${start}`,
	columns: [start, end],
	when: `${end} < ${start}`
});

const OPEN_TICKET = ['open', 'new', 'pending', 'in progress', 'waiting'];

export const INVALID_RULES: Record<TableKind, readonly InvalidRule[]> = {
	customers: [
		{ name: 'bad email', columns: ['email'], when: `trim(email) <> '' AND NOT regexp_matches(email, ${EMAIL})` },
		{
			name: 'bad phone',
			columns: ['phone'],
			when: `trim(phone) <> '' AND NOT regexp_matches(regexp_replace(phone, '[\\s().-]', '', 'g'), ${PHONE})`
		},
		{ name: 'age out of range', columns: ['age'], when: 'age < 0 OR age > 130' },
		before('updated_at', 'created_at')
	],
	orders: [
		negative('amount'),
		negative('quantity'),
		before('approved_at', 'ordered_at'),
		before('shipped_at', 'ordered_at'),
		before('shipped_at', 'approved_at'),
		before('delivered_at', 'ordered_at'),
		before('delivered_at', 'shipped_at'),
		{
			name: 'delivered without delivered_at',
			columns: ['status', 'delivered_at'],
			when: `${labelIn('status', ['delivered'])} AND delivered_at IS NULL`
		},
		{
			name: 'shipped without shipped_at',
			columns: ['status', 'shipped_at'],
			when: `${labelIn('status', ['shipped', 'delivered'])} AND shipped_at IS NULL`
		},
		{
			name: 'cancelled but delivered',
			columns: ['status', 'delivered_at'],
			when: `${labelIn('status', ['canceled', 'cancelled'])} AND delivered_at IS NOT NULL`
		}
	],
	payments: [negative('amount'), negative('installments')],
	order_lines: [negative('amount'), negative('unit_price'), negative('quantity')],
	communications: [before('ended_at', 'started_at'), negative('duration_s')],
	tickets: [
		before('first_response_at', 'created_at'),
		before('resolved_at', 'created_at'),
		{
			name: 'closed without resolved_at',
			columns: ['status', 'resolved_at'],
			when: `${labelIn('status', CLOSED_TICKET_STATUSES)} AND resolved_at IS NULL`
		},
		{
			name: 'open but resolved',
			columns: ['status', 'resolved_at'],
			when: `${labelIn('status', OPEN_TICKET)} AND resolved_at IS NOT NULL`
		},
		negative('satisfaction')
	],
	feedback: [negative('score'), negative('expected_score')],
	campaigns: [negative('cost'), negative('revenue')],
	visits: [
		negative('duration_s'),
		negative('response_ms'),
		{ name: 'bad status code', columns: ['status_code'], when: 'status_code < 100 OR status_code > 599' }
	]
};

/** A foreign key: `table.column` must exist in `parent.parentColumn`. */
export interface ForeignKey {
	column: string;
	parent: TableKind;
	parentColumn: string;
}

export const FOREIGN_KEYS: Partial<Record<TableKind, readonly ForeignKey[]>> = {
	orders: [{ column: 'customer_id', parent: 'customers', parentColumn: 'customer_id' }],
	payments: [{ column: 'order_id', parent: 'orders', parentColumn: 'order_id' }],
	order_lines: [{ column: 'order_id', parent: 'orders', parentColumn: 'order_id' }],
	communications: [{ column: 'customer_id', parent: 'customers', parentColumn: 'customer_id' }],
	tickets: [{ column: 'customer_id', parent: 'customers', parentColumn: 'customer_id' }],
	feedback: [
		{ column: 'customer_id', parent: 'customers', parentColumn: 'customer_id' },
		{ column: 'order_id', parent: 'orders', parentColumn: 'order_id' }
	],
	campaigns: [{ column: 'customer_id', parent: 'customers', parentColumn: 'customer_id' }],
	visits: [{ column: 'customer_id', parent: 'customers', parentColumn: 'customer_id' }]
};
