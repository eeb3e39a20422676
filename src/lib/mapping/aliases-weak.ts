import type { AliasTable } from './alias-table';

/**
 * Headers that mean a canonical column only in some exports (`Name` is Shopify's order number,
 * `Email` its only customer key, `Id` is whatever the file is about). They count for less than
 * the aliases of aliases-en-*.ts, so a file holding both `Order Date` and `Created at` maps the first.
 */
export const WEAK_ALIASES: AliasTable = {
	customers: {
		customer_id: ['id', 'record id', 'email', 'customer', 'client'],
		name: ['customer', 'client', 'account'],
		segment: ['type', 'category', 'group', 'level', 'class'],
		created_at: ['date']
	},
	orders: {
		order_id: ['id', 'record id', 'name', 'number', 'opportunity name', 'deal name'],
		customer_id: ['email', 'customer email', 'customer', 'customer name', 'client', 'buyer', 'account', 'account name'],
		status: ['fulfillment status', 'stage'],
		amount: ['price', 'value', 'subtotal'],
		ordered_at: ['created at', 'created', 'created date', 'create date', 'date', 'timestamp', 'datetime']
	},
	payments: {
		amount: ['value', 'total']
	},
	order_lines: {
		line: ['item id', 'item no', 'item number', 'seq', 'sequence'],
		product_name: ['name']
	},
	communications: {
		contact_id: ['id', 'record id'],
		customer_id: ['email', 'phone', 'customer', 'contact', 'caller'],
		channel: ['type', 'activity type'],
		started_at: ['created at', 'created date', 'date', 'timestamp', 'datetime', 'time'],
		subject: ['description', 'notes']
	},
	tickets: {
		ticket_id: ['id', 'record id', 'key', 'number'],
		customer_id: ['requester email', 'requester', 'email', 'customer'],
		created_at: ['date', 'timestamp']
	},
	feedback: {
		feedback_id: ['id', 'record id'],
		customer_id: ['email', 'customer'],
		created_at: ['date', 'timestamp', 'time']
	},
	campaigns: {
		activity_id: ['id', 'record id'],
		customer_id: ['email', 'customer', 'member id'],
		result: ['status', 'response'],
		sent_at: ['date', 'timestamp', 'created at'],
		channel: ['type']
	},
	visits: {
		customer_id: ['email', 'user'],
		page: ['request'],
		channel: ['device']
	}
};
