import { describe, expect, it } from 'vitest';
import { aliasHits, aliasHitsFor } from '../../../src/lib/mapping/aliases';
import { fileNameHint } from '../../../src/lib/mapping/file-name-hint';
import { applyRememberedMapping, headerSignature } from '../../../src/lib/mapping/remember';
import { looksLikeTimestamp, timestampFormat, withoutZone } from '../../../src/lib/mapping/timestamp-format';
import { timeZoneOffsetMinutes } from '../../../src/lib/mapping/time-zone';
import { valueShape } from '../../../src/lib/mapping/value-hints';

describe('timestamp formats', () => {
	it('ISO text needs no format, with or without a zone', () => {
		expect(timestampFormat(['2025-01-04 10:02:11', '2025-01-04T10:02:11Z', '2025-01-04 10:02:11 +0800', '2025-01-04'])).toBeNull();
	});

	it('a day above 12 settles day-first against month-first', () => {
		expect(timestampFormat(['3/31/2025', '4/2/2025'])).toBe('%m/%d/%Y');
		expect(timestampFormat(['31/3/2025', '2/4/2025'])).toBe('%d/%m/%Y');
		// Ambiguous throughout: month-first, as in US exports.
		expect(timestampFormat(['3/4/2025', '4/2/2025'])).toBe('%m/%d/%Y');
	});

	it('reads the formats of real exports', () => {
		expect(timestampFormat(['12/1/2010 8:26', '12/9/2011 12:50'])).toBe('%m/%d/%Y %H:%M');
		expect(timestampFormat(['12/1/10 8:26'])).toBe('%m/%d/%y %H:%M');
		expect(timestampFormat(['2025/01/04 10:02:11'])).toBe('%Y/%m/%d %H:%M:%S');
		expect(timestampFormat(['2025年1月4日'])).toBe('%Y年%m月%d日');
		expect(timestampFormat(['1/4/2025 3:05 PM'])).toBe('%m/%d/%Y %I:%M %p');
		expect(timestampFormat(['not a date'])).toBeUndefined();
	});

	it('strips a zone only after a time of day', () => {
		expect(withoutZone('2025-01-04 10:02:11 +0800')).toBe('2025-01-04 10:02:11');
		expect(withoutZone('2025-01-04T10:02:11Z')).toBe('2025-01-04T10:02:11');
		expect(withoutZone('2025-01-05')).toBe('2025-01-05');
		expect(looksLikeTimestamp('26')).toBe(false);
		expect(looksLikeTimestamp('Good')).toBe(false);
	});
});

describe('time zone', () => {
	it.each([
		['UTC', 0],
		['+08:00', 480],
		['+0800', 480],
		['UTC+8', 480],
		['GMT-5', -300],
		['-05:30', -330],
		['Asia/Shanghai', 480],
		['asia/kolkata', 330]
	])('%s → %i minutes', (tz, minutes) => {
		expect(timeZoneOffsetMinutes(tz)).toBe(minutes);
	});

	it('refuses zones with daylight saving, naming them', () => {
		expect(() => timeZoneOffsetMinutes('Europe/Paris')).toThrow(/unsupported time zone: Europe\/Paris/);
		expect(() => timeZoneOffsetMinutes('+25:00')).toThrow(/\+25:00/);
	});
});

describe('value shapes', () => {
	const col = (sample: string[], type = 'VARCHAR') => valueShape({ name: 'x', type, sample });
	it('recognises emails, scores, HTTP codes, numbers with separators', () => {
		expect(col(['a@b.co', 'c@d.org']).email).toBe(1);
		expect(col(['1', '5', '3']).score1to5).toBe(true);
		expect(col(['5', '5']).score1to5).toBe(false);
		expect(col(['200', '404', '500']).httpStatus).toBe(true);
		expect(col(['12', '40']).httpStatus).toBe(false);
		expect(col(['12,500.00', '$84,835.00 ', '4200']).numeric).toBe(1);
		expect(col(['Good', 'Bad', 'Not Offered']).scoreWord).toBe(1);
	});
});

describe('aliases', () => {
	it('every alias names a real column (the index builds) and canonical names are their own aliases', () => {
		expect(aliasHits('order_id').map((h) => h.kind)).toEqual(expect.arrayContaining(['orders', 'payments', 'order_lines', 'feedback']));
		expect(aliasHits('Lineitem sku')).toEqual([{ kind: 'order_lines', column: 'product_id', strength: 1 }]);
	});

	it('a prefix of the kind is stripped, with less strength', () => {
		const hits = aliasHitsFor('customers', 'customer_state_name');
		expect(hits).toEqual([]);
		const city = aliasHitsFor('customers', 'client_town');
		expect(city).toEqual([{ kind: 'customers', column: 'city', strength: 0.85 }]);
		// Another kind's prefix is not stripped.
		expect(aliasHitsFor('customers', 'product_id')).toEqual([]);
	});
});

describe('file name hints', () => {
	it.each([
		['olist_order_items_dataset.csv', 'order_lines'],
		['olist_orders_dataset.csv', 'orders'],
		['olist_order_reviews_dataset.csv', 'feedback'],
		['olist_order_payments_dataset.csv', 'payments'],
		['zendesk_tickets.csv', 'tickets'],
		['hubspot_contacts.csv', 'customers'],
		['salesforce_opportunities_report.csv', 'orders'],
		['2025-01 订单明细.csv', 'order_lines'],
		['客服工单.csv', 'tickets'],
		['olist_geolocation_dataset.csv', null],
		['data.csv', null]
	])('%s → %s', (name, kind) => {
		expect(fileNameHint(name)).toBe(kind);
	});
});

describe('remembered mappings', () => {
	it('one signature for the same headers in any order or spelling', () => {
		const a = headerSignature(['Order ID', 'Customer ID', 'Amount']);
		expect(headerSignature(['amount', 'customer_id', 'orderId'])).toBe(a);
		expect(headerSignature([{ name: 'Amount' }, { name: 'CustomerID' }, { name: 'order-id' }])).toBe(a);
		expect(headerSignature(['Order ID', 'Customer ID'])).not.toBe(a);
		expect(a).toMatch(/^h1-[0-9a-f]{14}$/);
	});

	it('applies a remembered mapping to a file with the same headers spelled differently', () => {
		const remembered = { order_id: 'Order ID', amount: 'Total', ordered_at: 'Gone column' };
		expect(applyRememberedMapping(remembered, ['order_id', 'total', 'created'])).toEqual({ order_id: 'order_id', amount: 'total' });
	});
});
