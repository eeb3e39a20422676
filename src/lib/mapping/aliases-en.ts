import type { AliasTable } from './alias-table';

/**
 * English header variants, per table kind and canonical column. Every canonical column name is
 * an alias of itself without being listed. Headers are compared after normalize-header.ts, so
 * `Order Date`, `order_date` and `OrderDate` are one alias. Ambiguous names live in aliases-weak.ts.
 */
export const ALIASES_EN: AliasTable = {
	customers: {
		customer_id: ['customer id', 'customer no', 'customer number', 'customer code', 'customer key', 'cust id', 'client id', 'client no', 'client number', 'account id', 'account number', 'member id', 'member no', 'user id', 'buyer id', 'contact id'],
		person_id: ['person id', 'person', 'unique customer id', 'customer unique id', 'master customer id', 'global customer id', 'household id', 'golden id'],
		name: ['name', 'customer name', 'client name', 'full name', 'contact name', 'display name', 'account name'],
		first_name: ['first name', 'firstname', 'given name', 'forename'],
		last_name: ['last name', 'lastname', 'surname', 'family name'],
		email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'customer email', 'contact email'],
		phone: ['phone', 'phone number', 'phone no', 'telephone', 'tel', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'contact number'],
		gender: ['gender', 'sex'],
		age: ['age', 'customer age'],
		city: ['city', 'town', 'customer city'],
		segment: ['segment', 'customer segment', 'tier', 'customer tier', 'membership level', 'member level', 'customer type', 'customer group', 'customer class', 'loyalty tier', 'vip level'],
		created_at: ['created at', 'created', 'created date', 'create date', 'creation date', 'date created', 'signup date', 'sign up date', 'registered at', 'registration date', 'join date', 'joined at', 'customer since', 'first seen'],
		updated_at: ['updated at', 'updated', 'last updated', 'update date', 'modified at', 'modified date', 'last modified', 'last modified date']
	},
	orders: {
		order_id: ['order id', 'order no', 'order number', 'order num', 'order code', 'order ref', 'order reference', 'order', 'invoice id', 'invoice no', 'invoice number', 'transaction id', 'purchase id', 'sales order', 'sales order id', 'so number'],
		customer_id: ['customer id', 'customer no', 'customer number', 'customer code', 'cust id', 'client id', 'buyer id', 'user id', 'member id', 'account id'],
		channel: ['channel', 'sales channel', 'order channel', 'source', 'order source', 'platform', 'store', 'marketplace', 'channel name'],
		status: ['status', 'order status', 'order state'],
		amount: ['amount', 'total', 'order total', 'total amount', 'order amount', 'grand total', 'total price', 'order value', 'revenue', 'sales', 'sales amount', 'net sales', 'gross sales', 'total sales', 'total paid', 'amount paid', 'paid amount'],
		currency: ['currency', 'currency code', 'curr'],
		quantity: ['quantity', 'qty', 'total quantity', 'items', 'item count', 'number of items', 'no of items', 'units', 'total units'],
		ordered_at: ['ordered at', 'order date', 'order time', 'order datetime', 'order timestamp', 'order created at', 'purchase date', 'purchased at', 'purchase time', 'purchase timestamp', 'placed at', 'order placed', 'date ordered', 'transaction date', 'invoice date', 'sale date', 'checkout date'],
		approved_at: ['approved at', 'approval date', 'approved date', 'paid at', 'payment date', 'paid date', 'payment time', 'confirmed at', 'confirmation date'],
		shipped_at: ['shipped at', 'ship date', 'shipped date', 'shipping date', 'dispatched at', 'dispatch date', 'fulfilled at', 'fulfillment date', 'carrier date', 'handed to carrier at'],
		delivered_at: ['delivered at', 'delivery date', 'delivered date', 'date delivered', 'actual delivery date', 'received at', 'receipt date'],
		promised_at: ['promised at', 'promised date', 'promise date', 'promised delivery date', 'estimated delivery date', 'estimated delivery', 'expected delivery date', 'expected delivery', 'delivery deadline', 'eta']
	},
	payments: {
		order_id: ['order id', 'order no', 'order number', 'order ref', 'invoice id', 'invoice no', 'invoice number'],
		method: ['method', 'payment method', 'payment type', 'pay method', 'payment channel', 'payment mode', 'payment option', 'tender', 'tender type', 'gateway', 'payment gateway', 'card type'],
		amount: ['amount', 'payment amount', 'paid amount', 'amount paid', 'payment value', 'payment total', 'transaction amount', 'paid'],
		installments: ['installments', 'instalments', 'installment', 'number of installments', 'installment count', 'payment installments']
	},
	order_lines: {
		order_id: ['order id', 'order no', 'order number', 'order ref', 'invoice id', 'invoice no', 'invoice number', 'invoice'],
		line: ['line', 'line no', 'line number', 'line id', 'line item id', 'line item number', 'order item id', 'item seq', 'position'],
		product_id: ['product id', 'product code', 'product no', 'product number', 'sku', 'item sku', 'variant sku', 'item code', 'article no', 'stock code', 'part number', 'ean', 'upc', 'barcode', 'asin'],
		product_name: ['product name', 'product', 'product title', 'product description', 'item name', 'item', 'item description', 'description', 'title', 'goods name', 'article name'],
		quantity: ['quantity', 'qty', 'units', 'item quantity', 'quantity ordered', 'qty ordered', 'pieces', 'pcs'],
		unit_price: ['unit price', 'price', 'item price', 'price each', 'price per unit', 'sale price', 'selling price', 'list price', 'unit amount'],
		amount: ['amount', 'line amount', 'line total', 'line value', 'extended price', 'total', 'subtotal', 'total price', 'net amount', 'sales'],
		freight: ['freight', 'freight value', 'freight cost', 'shipping cost', 'shipping fee', 'delivery fee', 'postage']
	},
	communications: {
		contact_id: ['contact id', 'interaction id', 'communication id', 'call id', 'conversation id', 'chat id', 'engagement id', 'touchpoint id', 'activity id'],
		customer_id: ['customer id', 'customer no', 'client id', 'account id', 'user id', 'member id'],
		channel: ['channel', 'medium', 'contact channel', 'communication channel'],
		agent: ['agent', 'agent name', 'rep', 'sales rep', 'representative', 'owner', 'assigned to', 'assignee', 'handled by', 'operator', 'staff', 'employee', 'csr'],
		direction: ['direction', 'call direction', 'inbound outbound'],
		started_at: ['started at', 'start time', 'start', 'start date', 'start datetime', 'begin time', 'call start', 'call time', 'contact time', 'contact date', 'activity date'],
		ended_at: ['ended at', 'end time', 'end', 'end date', 'end datetime', 'call end', 'finish time', 'finished at'],
		duration_s: ['duration', 'duration s', 'duration sec', 'duration secs', 'duration seconds', 'duration in seconds', 'call duration', 'call duration seconds', 'talk time', 'handle time', 'seconds'],
		subject: ['subject', 'topic', 'reason', 'title', 'summary']
	},
	tickets: {
		ticket_id: ['ticket id', 'ticket no', 'ticket number', 'ticket', 'ticket key', 'case id', 'case number', 'case no', 'issue id', 'incident id', 'incident number', 'request id'],
		customer_id: ['customer id', 'customer no', 'client id', 'user id', 'account id', 'contact id', 'requester id', 'reporter id'],
		channel: ['channel', 'via', 'source', 'origin', 'ticket channel', 'submitted via', 'contact channel'],
		category: ['category', 'ticket category', 'ticket type', 'type', 'issue type', 'case type', 'case reason', 'problem type', 'topic', 'classification'],
		priority: ['priority', 'ticket priority', 'urgency', 'severity'],
		status: ['status', 'ticket status', 'case status', 'state'],
		created_at: ['created at', 'created', 'created date', 'created time', 'creation date', 'creation time', 'opened at', 'opened date', 'open date', 'date opened', 'submitted at', 'reported at', 'request date'],
		first_response_at: ['first response at', 'first response date', 'first response time', 'first reply at', 'first replied at', 'first responded at', 'responded at'],
		resolved_at: ['resolved at', 'resolved', 'resolved date', 'resolution date', 'resolution time', 'solved at', 'solved date', 'closed at', 'closed date', 'date closed', 'completed at'],
		satisfaction: ['satisfaction', 'satisfaction score', 'satisfaction rating', 'customer satisfaction', 'csat', 'csat score', 'rating'],
		first_response_minutes: ['first response minutes', 'first response time in minutes', 'first reply time in minutes', 'first reply minutes', 'minutes to first response'],
		resolution_minutes: ['resolution minutes', 'resolution time in minutes', 'full resolution time in minutes', 'minutes to resolution']
	},
	feedback: {
		feedback_id: ['feedback id', 'review id', 'response id', 'survey response id', 'rating id', 'comment id', 'answer id'],
		customer_id: ['customer id', 'customer no', 'client id', 'user id', 'respondent id', 'reviewer id'],
		order_id: ['order id', 'order no', 'order number'],
		channel: ['channel', 'source', 'survey channel', 'platform'],
		score: ['score', 'rating', 'review score', 'stars', 'star rating', 'nps', 'nps score', 'csat', 'satisfaction', 'satisfaction score', 'grade'],
		expected_score: ['expected score', 'expected rating', 'expectation', 'expectation score'],
		comment: ['comment', 'comments', 'review', 'review text', 'review comment', 'review message', 'feedback', 'feedback text', 'message', 'text', 'remarks', 'verbatim', 'opinion'],
		created_at: ['created at', 'created', 'review date', 'feedback date', 'submitted at', 'submission date', 'response date', 'responded at', 'survey date']
	},
	campaigns: {
		activity_id: ['activity id', 'send id', 'message id', 'delivery id', 'touch id', 'campaign activity id', 'campaign member id'],
		customer_id: ['customer id', 'client id', 'recipient id', 'contact id', 'lead id', 'subscriber id', 'user id'],
		campaign: ['campaign', 'campaign name', 'campaign id', 'campaign title', 'promotion', 'promotion name', 'promo', 'program'],
		channel: ['channel', 'medium', 'campaign channel', 'utm medium', 'delivery channel', 'send channel'],
		sent_at: ['sent at', 'sent', 'send date', 'sent date', 'send time', 'sent time', 'date sent', 'launch date'],
		result: ['result', 'outcome', 'delivery status', 'send status', 'delivery result'],
		converted: ['converted', 'conversion', 'is converted', 'has converted', 'conversion flag', 'purchased'],
		cost: ['cost', 'spend', 'campaign cost', 'cost per contact', 'send cost', 'expense'],
		revenue: ['revenue', 'attributed revenue', 'conversion value', 'revenue generated', 'income']
	},
	visits: {
		customer_id: ['customer id', 'user id', 'visitor id', 'member id', 'client id', 'uid'],
		session_id: ['session id', 'session', 'session key', 'visit id', 'sid'],
		channel: ['channel', 'source', 'traffic source', 'utm source', 'medium', 'platform'],
		started_at: ['started at', 'timestamp', 'time', 'datetime', 'date time', 'visit time', 'visited at', 'event time', 'hit time', 'access time', 'log time', 'logged at', 'ts'],
		duration_s: ['duration', 'duration s', 'duration seconds', 'session duration', 'time on page', 'time on site', 'dwell time', 'seconds'],
		page: ['page', 'url', 'uri', 'path', 'page path', 'page url', 'landing page', 'endpoint', 'route', 'request path', 'request uri'],
		response_ms: ['response ms', 'response time ms', 'response time', 'latency', 'latency ms', 'elapsed ms', 'duration ms', 'load time', 'time taken', 'upstream response time'],
		status_code: ['status code', 'http status', 'http status code', 'http code', 'response code', 'sc status', 'status']
	}
};
