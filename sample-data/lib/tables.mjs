// The table registry: file name, header, row iterator and encoding of each output.
import { CUSTOMER_HEADER, customerRows } from './customers.mjs';
import { ORDER_HEADER, LINE_HEADER, PAYMENT_HEADER, orderRows, orderLineRows, paymentRows } from './orders.mjs';
import {
	COMMUNICATION_HEADER,
	TICKET_HEADER,
	TICKET_CN_HEADER,
	FEEDBACK_HEADER,
	communicationRows,
	ticketRows,
	ticketCnRows,
	feedbackRows
} from './service.mjs';
import { CAMPAIGN_HEADER, VISIT_HEADER, campaignRows, visitRows } from './marketing.mjs';

/**
 * @typedef {{ name: string, file: string, header: string[], encoding: 'utf-8' | 'gb18030',
 *   rows: (plan: any, stats: any) => Iterable<string[]> }} TableSpec
 */

/** @type {TableSpec[]} */
export const TABLES = [
	{ name: 'customers', file: 'customers.csv', header: CUSTOMER_HEADER, encoding: 'utf-8', rows: customerRows },
	{ name: 'orders', file: 'orders.csv', header: ORDER_HEADER, encoding: 'utf-8', rows: orderRows },
	{ name: 'order_lines', file: 'order_lines.csv', header: LINE_HEADER, encoding: 'utf-8', rows: orderLineRows },
	{ name: 'payments', file: 'payments.csv', header: PAYMENT_HEADER, encoding: 'utf-8', rows: paymentRows },
	{ name: 'communications', file: 'communications.csv', header: COMMUNICATION_HEADER, encoding: 'utf-8', rows: communicationRows },
	{ name: 'tickets', file: 'tickets.csv', header: TICKET_HEADER, encoding: 'utf-8', rows: ticketRows },
	{ name: 'tickets_cn', file: 'tickets_cn.csv', header: TICKET_CN_HEADER, encoding: 'gb18030', rows: ticketCnRows },
	{ name: 'feedback', file: 'feedback.csv', header: FEEDBACK_HEADER, encoding: 'utf-8', rows: feedbackRows },
	{ name: 'campaigns', file: 'campaigns.csv', header: CAMPAIGN_HEADER, encoding: 'utf-8', rows: campaignRows },
	{ name: 'visits', file: 'visits.csv', header: VISIT_HEADER, encoding: 'utf-8', rows: visitRows }
];

export const TABLE_NAMES = TABLES.map((t) => t.name);

/** Resolve a list of table names (undefined = all), refusing unknown ones. */
export function selectTables(names) {
	if (!names) return TABLES;
	const unknown = names.filter((n) => !TABLE_NAMES.includes(n));
	if (unknown.length) throw new Error(`unknown table(s): ${unknown.join(', ')}; known: ${TABLE_NAMES.join(', ')}`);
	return TABLES.filter((t) => names.includes(t.name));
}
