import { describe, expect, it } from 'vitest';
import { headerKey, normalizeHeader } from '../../../src/lib/mapping/normalize-header';

describe('normalizeHeader', () => {
	it.each([
		['Customer ID', 'customer id'],
		['customer_id', 'customer id'],
		['CustomerID', 'customer id'],
		['customerId', 'customer id'],
		['  "customer-id"  ', 'customer id'],
		["'Order Date'", 'order date'],
		['\uFEFForder_id', 'order id'],
		['ＣｕｓｔｏｍｅｒＩＤ', 'customer id'],
		['Order　Date', 'order date'],
		['InvoiceNo', 'invoice no'],
		['UnitPrice', 'unit price'],
		['HTTPStatus', 'http status'],
		['Date/Time Opened', 'date time opened'],
		['Duration (s)', 'duration s'],
		['Order #', 'order no'],
		['Discount %', 'discount pct'],
		['order.purchase.timestamp', 'order purchase timestamp'],
		['客户ID', '客户id'],
		['客户 ID', '客户id'],
		['客户_ID', '客户id'],
		['通话时长（秒）', '通话时长秒'],
		['“下单时间”', '下单时间'],
		['', '']
	])('%s → %s', (raw, expected) => {
		expect(normalizeHeader(raw)).toBe(expected);
	});

	it('keys ignore spaces, so run-together and separated headers meet', () => {
		expect(headerKey('Customerid')).toBe(headerKey('customer_id'));
		expect(headerKey('Lineitem quantity')).toBe(headerKey('LineitemQuantity'));
		expect(headerKey('order id')).not.toBe(headerKey('order'));
	});
});
