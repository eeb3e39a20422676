// Detection on header lines of real exports, copied by hand (header names are facts), with
// small invented rows where values matter.
import { describe, expect, it } from 'vitest';
import { detectKind } from '../../../src/lib/mapping/detect-kind';
import { profileFromHeader } from '../../../src/lib/mapping/profile';
import { profileOf } from './profile-of';

const header = (fileName: string, line: string) => detectKind(profileFromHeader(fileName, line.split(',')));

describe('detectKind: vendor exports', () => {
	it('Shopify orders: a line-level orders export, order-level and line columns apart', () => {
		const d = detectKind(
			profileOf(
				'shopify_orders.csv',
				`Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem fulfillment status
#1001,mei.chen@example.com,paid,2025-01-04 10:02:11 +0800,fulfilled,2025-01-05 16:20:00 +0800,yes,CNY,398.00,12.00,0.00,410.00,,0.00,Standard,2025-01-04 10:01:57 +0800,2,Tea set,149.00,TEA-01,fulfilled
#1001,mei.chen@example.com,,,,,,,,,,,,,,2025-01-04 10:01:57 +0800,1,Cups (4),100.00,CUP-04,fulfilled
#1002,john@example.com,refunded,2025-01-06 21:15:00 -0500,unfulfilled,,no,USD,35.00,5.00,2.80,42.80,WELCOME10,3.50,Express,2025-01-06 21:14:30 -0500,1,Notebook,35.00,NB-A5,`
			)
		);
		expect(d.kind).toBe('orders');
		expect(d.lineLevel).toBe(true);
		expect(d.mapping).toEqual({
			order_id: 'Name',
			customer_id: 'Email',
			status: 'Financial Status',
			amount: 'Total',
			currency: 'Currency',
			ordered_at: 'Created at',
			approved_at: 'Paid at',
			shipped_at: 'Fulfilled at'
		});
		expect(d.lineMapping).toEqual({
			order_id: 'Name',
			product_id: 'Lineitem sku',
			product_name: 'Lineitem name',
			quantity: 'Lineitem quantity',
			unit_price: 'Lineitem price'
		});
		expect(d.confidence).toBeGreaterThan(0.7);
	});

	it('Zendesk tickets: Via is the channel, Solved at the resolution, minutes feed first response', () => {
		const d = header(
			'zendesk_tickets.csv',
			'Summation column,Id,Requester,Requester id,Requester email,Submitter,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Assigned at,Organization,Due date,Initially assigned at,Solved at,Resolution time,Satisfaction Score,Reopens,Replies,First reply time in minutes,First reply time in minutes within business hours,First resolution time in minutes,Full resolution time in minutes,Agent wait time in minutes,Requester wait time in minutes,On hold time in minutes'
		);
		expect(d.kind).toBe('tickets');
		expect(d.mapping).toMatchObject({
			ticket_id: 'Id',
			customer_id: 'Requester id',
			channel: 'Via',
			category: 'Ticket type',
			status: 'Status',
			priority: 'Priority',
			created_at: 'Created at',
			resolved_at: 'Solved at',
			satisfaction: 'Satisfaction Score',
			first_response_minutes: 'First reply time in minutes',
			resolution_minutes: 'Full resolution time in minutes'
		});
	});

	it('Zendesk "Resolution time" holds hours, not a timestamp: values keep it off resolved_at', () => {
		const d = detectKind(
			profileOf('tickets.csv', 'Id,Status,Created at,Resolution time\n4411,Solved,2025-02-03 08:12,26\n4412,Open,2025-02-05 17:45,', {
				'Resolution time': 'BIGINT'
			})
		);
		expect(d.kind).toBe('tickets');
		expect(d.mapping.resolved_at).toBeUndefined();
		expect(d.unmapped).toContain('Resolution time');
	});

	it('HubSpot contacts: customers, names from First and Last Name', () => {
		const d = header(
			'hubspot_contacts.csv',
			'Record ID,First Name,Last Name,Email,Phone Number,Lifecycle Stage,Lead Status,Contact owner,Create Date,Associated Company IDs'
		);
		expect(d.kind).toBe('customers');
		expect(d.mapping).toEqual({
			customer_id: 'Record ID',
			first_name: 'First Name',
			last_name: 'Last Name',
			email: 'Email',
			phone: 'Phone Number',
			segment: 'Lifecycle Stage',
			created_at: 'Create Date'
		});
	});

	it('Salesforce opportunities report: deals as orders (close date, stage, account)', () => {
		const d = detectKind(
			profileOf(
				'salesforce_opportunities_report.csv',
				'Opportunity Name,Account Name,Amount,Close Date,Stage,Lead Source,Created Date,Opportunity Owner\nRenewal 2025,Acme Ltd,12500.00,3/31/2025,Closed Won,Web,1/15/2025,Li Wei\nNew seats,Globex,4200.00,4/2/2025,Negotiation,Phone Inquiry,2/1/2025,Ana Souza'
			)
		);
		expect(d.kind).toBe('orders');
		expect(d.mapping).toEqual({
			order_id: 'Opportunity Name',
			customer_id: 'Account Name',
			amount: 'Amount',
			ordered_at: 'Close Date',
			status: 'Stage',
			channel: 'Lead Source'
		});
		// 3/31/2025 can only be month-first.
		expect(d.formats).toEqual({ 'Close Date': '%m/%d/%Y' });
	});

	it('Online Retail: invoices with one row per stock item are line-level orders', () => {
		const d = detectKind(
			profileOf(
				'online_retail.csv',
				`InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom`
			)
		);
		expect(d.kind).toBe('orders');
		expect(d.lineLevel).toBe(true);
		expect(d.mapping).toEqual({ order_id: 'InvoiceNo', customer_id: 'CustomerID', ordered_at: 'InvoiceDate' });
		expect(d.lineMapping).toEqual({
			order_id: 'InvoiceNo',
			product_id: 'StockCode',
			product_name: 'Description',
			quantity: 'Quantity',
			unit_price: 'UnitPrice'
		});
		expect(d.formats).toEqual({ InvoiceDate: '%m/%d/%Y %H:%M' });
		expect(d.unmapped).toEqual(['Country']);
	});

	it('Superstore: line items with Sales as the line amount, summed into orders', () => {
		const d = detectKind(
			profileOf(
				'superstore.csv',
				`Row ID,Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,Segment,Country,City,State,Postal Code,Region,Product ID,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit
1,CA-2016-152156,11/8/2016,11/11/2016,Second Class,CG-12520,Claire Gute,Consumer,United States,Henderson,Kentucky,42420,South,FUR-BO-10001798,Furniture,Bookcases,Somerset Bookcase,261.96,2,0,41.9136
2,CA-2016-152156,11/8/2016,11/11/2016,Second Class,CG-12520,Claire Gute,Consumer,United States,Henderson,Kentucky,42420,South,FUR-CH-10000454,Furniture,Chairs,Stacking Chairs,731.94,3,0,219.582
3,CA-2016-138688,6/12/2016,6/16/2016,Second Class,DV-13045,Darrin Van Huff,Corporate,United States,Los Angeles,California,90036,West,OFF-LA-10000240,Office Supplies,Labels,Address Labels,14.62,2,0,6.8714`
			)
		);
		expect(d.kind).toBe('orders');
		expect(d.lineLevel).toBe(true);
		expect(d.mapping).toEqual({ order_id: 'Order ID', customer_id: 'Customer ID', ordered_at: 'Order Date', shipped_at: 'Ship Date' });
		expect(d.lineMapping).toMatchObject({
			order_id: 'Order ID',
			product_id: 'Product ID',
			product_name: 'Product Name',
			quantity: 'Quantity',
			amount: 'Sales'
		});
	});
});

describe('detectKind: Olist files (headers)', () => {
	it.each([
		[
			'olist_orders_dataset.csv',
			'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date',
			'orders',
			{
				order_id: 'order_id',
				customer_id: 'customer_id',
				status: 'order_status',
				ordered_at: 'order_purchase_timestamp',
				approved_at: 'order_approved_at',
				shipped_at: 'order_delivered_carrier_date',
				delivered_at: 'order_delivered_customer_date',
				promised_at: 'order_estimated_delivery_date'
			}
		],
		[
			'olist_order_items_dataset.csv',
			'order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value',
			'order_lines',
			{ order_id: 'order_id', line: 'order_item_id', product_id: 'product_id', unit_price: 'price', freight: 'freight_value' }
		],
		[
			'olist_order_payments_dataset.csv',
			'order_id,payment_sequential,payment_type,payment_installments,payment_value',
			'payments',
			{ order_id: 'order_id', method: 'payment_type', installments: 'payment_installments', amount: 'payment_value' }
		],
		[
			'olist_order_reviews_dataset.csv',
			'review_id,order_id,review_score,review_comment_title,review_comment_message,review_creation_date,review_answer_timestamp',
			'feedback',
			{
				feedback_id: 'review_id',
				order_id: 'order_id',
				score: 'review_score',
				comment: 'review_comment_message',
				created_at: 'review_creation_date'
			}
		],
		[
			'olist_customers_dataset.csv',
			'customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state',
			'customers',
			{ customer_id: 'customer_id', person_id: 'customer_unique_id', city: 'customer_city' }
		]
	])('%s → %s', (file, line, kind, mapping) => {
		const d = header(file, line);
		expect(d.kind).toBe(kind);
		expect(d.mapping).toEqual(mapping);
		expect(d.lineLevel).toBe(false);
		expect(d.missing).toEqual([]);
	});

	it.each([
		[
			'olist_products_dataset.csv',
			'product_id,product_category_name,product_name_lenght,product_description_lenght,product_photos_qty,product_weight_g,product_length_cm,product_height_cm,product_width_cm'
		],
		['olist_sellers_dataset.csv', 'seller_id,seller_zip_code_prefix,seller_city,seller_state'],
		['olist_geolocation_dataset.csv', 'geolocation_zip_code_prefix,geolocation_lat,geolocation_lng,geolocation_city,geolocation_state'],
		['product_category_name_translation.csv', 'product_category_name,product_category_name_english']
	])('%s → other', (file, line) => {
		const d = header(file, line);
		expect(d.kind).toBe('other');
		expect(d.mapping).toEqual({});
		expect(d.confidence).toBeLessThanOrEqual(0.3);
	});
});

describe('detectKind: Chinese headers', () => {
	it('a Chinese orders export maps fully', () => {
		const d = header('订单导出.csv', '订单号,客户ID,订单金额,下单时间,发货时间,送达时间,渠道,订单状态');
		expect(d.kind).toBe('orders');
		expect(d.mapping).toEqual({
			order_id: '订单号',
			customer_id: '客户ID',
			amount: '订单金额',
			ordered_at: '下单时间',
			shipped_at: '发货时间',
			delivered_at: '送达时间',
			channel: '渠道',
			status: '订单状态'
		});
		expect(d.unmapped).toEqual([]);
	});

	it('Chinese tickets (as in sample-data/tickets_cn.csv), with full-width and spaced variants', () => {
		const d = header('export.csv', '工单号,客户 ID,渠道,类别,优先级,状态,创建时间,首次响应时间,解决时间,满意度');
		expect(d.kind).toBe('tickets');
		expect(Object.keys(d.mapping)).toHaveLength(10);
		expect(d.mapping.customer_id).toBe('客户 ID');
		expect(d.mapping.satisfaction).toBe('满意度');
	});

	it('Chinese customers', () => {
		const d = header('会员.csv', '客户ID,客户名称,手机号,邮箱,性别,年龄,城市,会员等级,注册时间');
		expect(d.kind).toBe('customers');
		expect(Object.keys(d.mapping).sort()).toEqual([
			'age',
			'city',
			'created_at',
			'customer_id',
			'email',
			'gender',
			'name',
			'phone',
			'segment'
		]);
	});
});

describe('detectKind: values, names and rules', () => {
	it('unknown headers → other with low confidence', () => {
		const d = detectKind(profileOf('data.csv', 'foo,bar,baz\n1,x,q\n2,y,r'));
		expect(d.kind).toBe('other');
		expect(d.confidence).toBeLessThanOrEqual(0.3);
		expect(d.unmapped).toEqual(['foo', 'bar', 'baz']);
	});

	it('a column of emails is the customers email whatever its header', () => {
		const d = detectKind(profileOf('people.csv', 'customer_id,name,contact\nC1,Ann,ann@example.com\nC2,Bo,bo@example.org'));
		expect(d.kind).toBe('customers');
		expect(d.mapping.email).toBe('contact');
	});

	it('a column of 1–5 integers is the score of a feedback file; ISO timestamps its date', () => {
		const d = detectKind(
			profileOf(
				'survey.csv',
				'order_id,stars_given,when\nO1,5,2025-01-02T10:00:00Z\nO2,3,2025-01-03T11:00:00+08:00\nO3,4,2025-01-04 09:00:00'
			)
		);
		expect(d.kind).toBe('feedback');
		expect(d.mapping.score).toBe('stars_given');
		expect(d.mapping.created_at).toBe('when');
	});

	it('HTTP status codes make an access log visits', () => {
		const d = detectKind(
			profileOf(
				'access.csv',
				'ts,path,status,latency_ms\n2025-01-01 10:00:00,/,200,12\n2025-01-01 10:00:01,/api,500,340\n2025-01-01 10:00:02,/x,404,8'
			)
		);
		expect(d.kind).toBe('visits');
		expect(d.mapping).toEqual({ started_at: 'ts', page: 'path', status_code: 'status', response_ms: 'latency_ms' });
	});

	it('but a status of words is an order status', () => {
		const d = detectKind(profileOf('o.csv', 'order_id,customer_id,order_date,status\nO1,C1,2025-01-01,paid\nO2,C2,2025-01-02,cancelled'));
		expect(d.kind).toBe('orders');
		expect(d.mapping.status).toBe('status');
	});

	it('the file name breaks a tie between payments and order lines', () => {
		const line = 'order_id,amount';
		expect(header('payments.csv', line).kind).toBe('payments');
		expect(header('order_lines.csv', line).kind).toBe('order_lines');
	});

	it('each canonical column maps once, each source column once', () => {
		const d = header('orders.csv', 'order_id,customer_id,order_date,purchase_date,amount,total');
		expect(d.mapping.ordered_at).toBe('order_date');
		expect(d.mapping.amount).toBe('amount');
		expect(d.unmapped).toEqual(['purchase_date', 'total']);
		expect(new Set(Object.values(d.mapping)).size).toBe(Object.keys(d.mapping).length);
	});

	it('a kind missing a required column wins only when nothing else fits, and says what is missing', () => {
		const d = header('export.csv', 'order_id,status,amount,order_date,ship_date,delivery_date');
		expect(d.kind).toBe('orders');
		expect(d.missing).toEqual(['customer_id']);
		expect(d.confidence).toBeLessThan(0.5);
		expect(d.candidates.find((c) => c.kind === 'orders')?.missing).toEqual(['customer_id']);
	});

	it('repeated order ids alone do not make an orders file line-level', () => {
		const d = detectKind(profileOf('orders.csv', 'order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-01,10\nO1,C1,2025-01-01,10'));
		expect(d.kind).toBe('orders');
		expect(d.lineLevel).toBe(false);
		expect(d.lineMapping).toBeUndefined();
	});

	it('candidates are sorted and scores are within 0..1', () => {
		const d = header('zendesk_tickets.csv', 'Id,Status,Priority,Via,Created at,Solved at');
		const scores = d.candidates.map((c) => c.score);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
		for (const s of scores) expect(s).toBeLessThanOrEqual(1);
		expect(d.confidence).toBeGreaterThan(0);
		expect(d.confidence).toBeLessThanOrEqual(1);
	});
});
