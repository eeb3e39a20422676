/**
 * The canonical CRM tables (DESIGN.md §2): every dropped export is mapped onto one of
 * these. Canonical views live in the `crm` schema (`crm.orders`, …) with exactly these
 * column names and types; cleaning builds `clean.<table>` views over them, and metrics
 * read `clean.<table>`. Raw tables keep the names of their files in `main`.
 */

export type CanonicalType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'TIMESTAMP' | 'BOOLEAN';

export interface CanonicalColumn {
	name: string;
	type: CanonicalType;
	/** Marked `*` in DESIGN.md: a table of this kind is not usable without it. */
	required?: boolean;
}

export interface CanonicalTable {
	name: TableKind;
	/** Columns that identify a row (empty for visits, which have no key). */
	key: string[];
	/** The timestamp the global date filter applies to, if any. */
	mainTimestamp: string | null;
	columns: CanonicalColumn[];
}

export const TABLE_KINDS = [
	'customers',
	'orders',
	'order_lines',
	'payments',
	'communications',
	'tickets',
	'feedback',
	'campaigns',
	'visits'
] as const;

export type TableKind = (typeof TABLE_KINDS)[number];

/** What a file is recognised as: one of the canonical kinds, or a plain table. */
export type FileKind = TableKind | 'other';

const v = (name: string, required = false): CanonicalColumn => ({ name, type: 'VARCHAR', required });
const d = (name: string, required = false): CanonicalColumn => ({ name, type: 'DOUBLE', required });
const t = (name: string, required = false): CanonicalColumn => ({ name, type: 'TIMESTAMP', required });
const b = (name: string): CanonicalColumn => ({ name, type: 'BOOLEAN' });

export const CANONICAL: Record<TableKind, CanonicalTable> = {
	customers: {
		name: 'customers',
		key: ['customer_id'],
		mainTimestamp: null,
		columns: [
			v('customer_id', true),
			v('person_id'),
			v('name'),
			v('email'),
			v('phone'),
			v('gender'),
			d('age'),
			v('city'),
			v('segment'),
			t('created_at'),
			t('updated_at')
		]
	},
	orders: {
		name: 'orders',
		key: ['order_id'],
		mainTimestamp: 'ordered_at',
		columns: [
			v('order_id', true),
			v('customer_id', true),
			v('channel'),
			v('status'),
			d('amount'),
			v('currency'),
			d('quantity'),
			t('ordered_at', true),
			t('approved_at'),
			t('shipped_at'),
			t('delivered_at'),
			t('promised_at')
		]
	},
	payments: {
		name: 'payments',
		key: ['order_id'],
		mainTimestamp: null,
		columns: [v('order_id', true), v('method'), d('amount'), d('installments')]
	},
	order_lines: {
		name: 'order_lines',
		key: ['order_id', 'line'],
		mainTimestamp: null,
		columns: [v('order_id', true), d('line'), v('product_id'), v('product_name'), d('quantity'), d('unit_price'), d('amount')]
	},
	communications: {
		name: 'communications',
		key: ['contact_id'],
		mainTimestamp: 'started_at',
		columns: [
			v('contact_id'),
			v('customer_id', true),
			v('channel'),
			v('agent'),
			v('direction'),
			t('started_at', true),
			t('ended_at'),
			d('duration_s'),
			v('subject')
		]
	},
	tickets: {
		name: 'tickets',
		key: ['ticket_id'],
		mainTimestamp: 'created_at',
		columns: [
			v('ticket_id', true),
			v('customer_id'),
			v('channel'),
			v('category'),
			v('priority'),
			v('status'),
			t('created_at', true),
			t('first_response_at'),
			t('resolved_at'),
			d('satisfaction')
		]
	},
	feedback: {
		name: 'feedback',
		key: ['feedback_id'],
		mainTimestamp: 'created_at',
		columns: [
			v('feedback_id'),
			v('customer_id'),
			v('order_id'),
			v('channel'),
			d('score', true),
			d('expected_score'),
			v('comment'),
			t('created_at')
		]
	},
	campaigns: {
		name: 'campaigns',
		key: ['activity_id'],
		mainTimestamp: 'sent_at',
		columns: [
			v('activity_id'),
			v('customer_id'),
			v('campaign', true),
			v('channel'),
			t('sent_at'),
			v('result'),
			b('converted'),
			d('cost'),
			d('revenue')
		]
	},
	visits: {
		name: 'visits',
		key: [],
		mainTimestamp: 'started_at',
		columns: [
			v('customer_id'),
			v('session_id'),
			v('channel'),
			t('started_at', true),
			d('duration_s'),
			v('page'),
			d('response_ms'),
			d('status_code')
		]
	}
};

/** Every canonical table also carries the file each row came from. */
export const SOURCE_FILE_COLUMN = 'source_file';

/** Schema of the canonical views, and of the cleaned views the metrics read. */
export const CANONICAL_SCHEMA = 'crm';
export const CLEAN_SCHEMA = 'clean';
