// orders.csv, order_lines.csv and payments.csv. Each order is a pure function
// of (seed, index), so the three files (and feedback, which points at orders)
// agree without keeping a million orders in memory.
import { rngFor, cumulative } from './prng.mjs';
import { HOUR, DAY, EXPORT_AT, fmt } from './time.mjs';
import { bump, note, countLabel, channelLabel } from './plan.mjs';
import { PRODUCTS, PAYMENT_METHODS } from './vocab.mjs';

export const ORDER_HEADER = [
	'order_id',
	'customer_id',
	'channel',
	'status',
	'amount',
	'currency',
	'quantity',
	'ordered_at',
	'approved_at',
	'shipped_at',
	'delivered_at',
	'promised_at'
];
export const LINE_HEADER = ['order_id', 'line', 'product_id', 'product_name', 'quantity', 'unit_price', 'amount'];
export const PAYMENT_HEADER = ['order_id', 'method', 'amount', 'installments'];

const LINES_CUM = cumulative([55, 25, 12, 5, 3]);
const QTY = [1, 2, 3, 4, 5, 10];
const QTY_CUM = cumulative([72, 18, 6, 2, 1, 1]);
const PRODUCT_CUM = cumulative(PRODUCTS.map((_, k) => 1 / (k + 3)));
const METHOD_CUM = cumulative(PAYMENT_METHODS.map((m) => m[1]));
const round2 = (x) => Math.round(x * 100) / 100;
export const productId = (k) => 'P' + String(k + 1).padStart(4, '0');

/**
 * @typedef {{ product: number, quantity: number, unitPrice: number, amount: number }} Line
 * @typedef {{ index: number, id: string, customer: number, customerId: string, orphan: boolean,
 *   channel: string, status: string, amount: number, quantity: number, orderedAt: number,
 *   approvedAt: number | null, shippedAt: number | null, deliveredAt: number | null, promisedAt: number,
 *   lines: Line[], payment: { method: string, amount: number, installments: number } | null }} Order
 */

/** @returns {Order} */
export function makeOrder(plan, i) {
	const r = rngFor(plan.seed, 'order', i);
	const customer = plan.buyer(r.next());
	const orphan = plan.orderDirt.orphan.has(i);
	const channel = r.chance(0.65) ? plan.preferredChannel(customer) : plan.randomOrderChannel(r);
	const label = channelLabel(r, channel);
	const orderedAt = Math.floor(plan.warps.shopping.at((i + r.next()) / plan.sizes.orders));

	const lines = [];
	let amount = 0;
	let quantity = 0;
	const nLines = r.weighted(LINES_CUM) + 1;
	for (let k = 0; k < nLines; k++) {
		const product = r.weighted(PRODUCT_CUM);
		const qty = QTY[r.weighted(QTY_CUM)];
		const unitPrice = round2(PRODUCTS[product][1] * (r.chance(0.25) ? 0.9 : 1));
		const lineAmount = round2(qty * unitPrice);
		lines.push({ product, quantity: qty, unitPrice, amount: lineAmount });
		amount += lineAmount;
		quantity += qty;
	}
	amount = round2(amount);

	// Processing time: log-normal around 18 h (mostly 2-72 h) with a long tail.
	const processingHours = r.chance(0.03) ? r.int(80, 300) : Math.max(1.5, r.lognormal(18, 0.8));
	let shippedAt = orderedAt + Math.floor(processingHours * HOUR);
	let approvedAt = Math.min(orderedAt + Math.floor(r.lognormal(25, 1) * 60), shippedAt - 600);
	// Delivery: 2-15 days after ordering.
	const days = Math.min(15, Math.max(2, processingHours / 24 + 0.4, processingHours / 24 + r.lognormal(3.2, 0.45)));
	let deliveredAt = orderedAt + Math.floor(days * DAY);
	const promisedAt = Math.floor(orderedAt / DAY) * DAY + r.pick([7, 7, 8, 10]) * DAY + 18 * HOUR;

	let status;
	const u = r.next();
	if (u < 0.04 || u > 0.994) {
		status = u < 0.04 ? 'cancelled' : 'unavailable';
		if (r.chance(0.4)) approvedAt = null;
		shippedAt = deliveredAt = null;
	} else if (approvedAt >= EXPORT_AT || (orderedAt > EXPORT_AT - 4 * DAY && u < 0.3)) {
		status = 'pending';
		approvedAt = shippedAt = deliveredAt = null;
	} else if (shippedAt >= EXPORT_AT || u > 0.99) {
		status = 'processing';
		shippedAt = deliveredAt = null;
	} else if (deliveredAt >= EXPORT_AT) {
		status = 'shipped';
		deliveredAt = null;
	} else {
		status = 'delivered';
	}
	// Dirt: a few orders "shipped" hours before they were ordered, and some
	// delivered orders whose shipped_at never made it into the export.
	if (plan.orderDirt.shippedEarly.has(i) && shippedAt !== null) {
		shippedAt = orderedAt - r.int(1, 30) * HOUR - r.int(0, 3599);
	} else if (status === 'delivered' && r.chance(0.012)) {
		shippedAt = null;
	}

	let payment = null;
	if (status !== 'pending') {
		const method = PAYMENT_METHODS[r.weighted(METHOD_CUM)][0];
		const installments = method === 'credit_card' && amount > 300 ? r.pick([1, 1, 3, 6, 12]) : 1;
		payment = { method, amount, installments };
	}
	return {
		index: i,
		id: plan.orderId(i),
		customer,
		customerId: orphan ? plan.missingCustomerId(i) : plan.customerId(customer),
		orphan,
		channel: label,
		status,
		amount,
		quantity,
		orderedAt,
		approvedAt,
		shippedAt,
		deliveredAt,
		promisedAt,
		lines,
		payment
	};
}

function orderRow(o) {
	return [
		o.id,
		o.customerId,
		o.channel,
		o.status,
		o.amount.toFixed(2),
		'CNY',
		String(o.quantity),
		fmt(o.orderedAt),
		fmt(o.approvedAt),
		fmt(o.shippedAt),
		fmt(o.deliveredAt),
		fmt(o.promisedAt)
	];
}

const NOTED = new Set([
	'exact_duplicate_rows',
	'conflicting_order_ids',
	'orphan_customer_id',
	'shipped_before_ordered',
	'delivered_without_shipped_at'
]);

function emitOrder(stats, o, row, flags) {
	if (stats) {
		if (o.shippedAt === null) flags.push('missing_shipped_at');
		if (o.shippedAt === null && o.status === 'delivered') flags.push('delivered_without_shipped_at');
		if (o.shippedAt !== null && o.shippedAt < o.orderedAt) flags.push('shipped_before_ordered');
		if (o.orphan) flags.push('orphan_customer_id');
		bump(stats, 'orders', 'rows');
		for (const f of flags) {
			bump(stats, 'orders', f);
			if (NOTED.has(f)) note(stats, 'orders', f, o.id);
		}
		countLabel(stats, 'orders', o.channel);
	}
	return row;
}

export function* orderRows(plan, stats) {
	const { exactDuplicate, conflictingDuplicate } = plan.orderDirt;
	for (let i = 0; i < plan.sizes.orders; i++) {
		const o = makeOrder(plan, i);
		const row = orderRow(o);
		yield emitOrder(stats, o, row, []);
		// Dirt: the same row exported twice.
		if (exactDuplicate.has(i)) yield emitOrder(stats, o, row, ['exact_duplicate_rows', 'duplicate_order_id_rows']);
	}
	// Dirt: a later export appended with a corrected amount for some order ids.
	for (const i of conflictingDuplicate) {
		const o = makeOrder(plan, i);
		o.amount = round2(o.amount * 0.9);
		yield emitOrder(stats, o, orderRow(o), ['duplicate_order_id_rows', 'conflicting_order_ids']);
	}
}

export function* orderLineRows(plan, stats) {
	for (let i = 0; i < plan.sizes.orders; i++) {
		const o = makeOrder(plan, i);
		for (let k = 0; k < o.lines.length; k++) {
			const l = o.lines[k];
			bump(stats, 'order_lines', 'rows');
			yield [
				o.id,
				String(k + 1),
				productId(l.product),
				PRODUCTS[l.product][0],
				String(l.quantity),
				l.unitPrice.toFixed(2),
				l.amount.toFixed(2)
			];
		}
	}
}

export function* paymentRows(plan, stats) {
	for (let i = 0; i < plan.sizes.orders; i++) {
		const o = makeOrder(plan, i);
		if (!o.payment) continue;
		bump(stats, 'payments', 'rows');
		yield [o.id, o.payment.method, o.payment.amount.toFixed(2), String(o.payment.installments)];
	}
}
