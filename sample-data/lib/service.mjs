// communications.csv, tickets.csv, tickets_cn.csv (GB18030, Chinese headers)
// and feedback.csv.
import { rngFor, cumulative } from './prng.mjs';
import { HOUR, DAY, EXPORT_AT, fmt } from './time.mjs';
import { bump, countLabel, channelLabel } from './plan.mjs';
import { makeOrder } from './orders.mjs';
import { AGENTS, SUBJECTS, CATEGORIES, PRIORITIES, TICKET_STATUS_CN, CHANNEL_CN, COMMENTS } from './vocab.mjs';

export const COMMUNICATION_HEADER = [
	'contact_id',
	'customer_id',
	'channel',
	'agent',
	'direction',
	'started_at',
	'ended_at',
	'duration_s',
	'subject'
];
export const TICKET_HEADER = [
	'ticket_id',
	'customer_id',
	'channel',
	'category',
	'priority',
	'status',
	'created_at',
	'first_response_at',
	'resolved_at',
	'satisfaction'
];
export const TICKET_CN_HEADER = ['工单号', '客户ID', '渠道', '类别', '优先级', '状态', '创建时间', '首次响应时间', '解决时间', '满意度'];
export const FEEDBACK_HEADER = ['feedback_id', 'customer_id', 'order_id', 'channel', 'score', 'expected_score', 'comment', 'created_at'];

/** A weighted choice among [value, weight] pairs, with the cumulative table built once. */
const chooser = (entries) => {
	const cum = cumulative(entries.map((e) => e[1]));
	return (r) => entries[r.weighted(cum)][0];
};
const commChannel = chooser([
	['phone', 40],
	['email', 25],
	['wechat', 25],
	['web', 10]
]);
const COMM_SECONDS = { phone: 240, email: 300, wechat: 540, web: 420 };
const ticketChannel = chooser([
	['email', 30],
	['web', 25],
	['wechat', 25],
	['phone', 20]
]);
const feedbackChannel = chooser([
	['web', 40],
	['wechat', 35],
	['email', 15],
	['phone', 10]
]);
const CATEGORY_CUM = cumulative(CATEGORIES.map((c) => c[2]));
const PRIORITY_CUM = cumulative(PRIORITIES.map((p) => p[2]));
/** Satisfaction 1-5 by mood: skewed to 4-5 unless something went wrong. */
const SCORE_CUM = { good: cumulative([3, 4, 10, 33, 50]), normal: cumulative([6, 7, 14, 33, 40]), bad: cumulative([22, 18, 22, 24, 14]) };
export const score = (r, mood) => r.weighted(SCORE_CUM[mood]) + 1;
const id = (prefix, j, width = 7) => prefix + String(j + 1).padStart(width, '0');

export function* communicationRows(plan, stats) {
	const r = rngFor(plan.seed, 'communications');
	const n = plan.sizes.communications;
	for (let j = 0; j < n; j++) {
		const customer = plan.customerId(plan.buyer(r.next()));
		const channel = commChannel(r);
		const label = channelLabel(r, channel);
		const started = Math.floor(plan.warps.office.at((j + r.next()) / n));
		const duration = Math.max(10, Math.round(r.lognormal(COMM_SECONDS[channel], 0.8)));
		const missingEnd = r.chance(0.04);
		const direction = r.chance(channel === 'phone' ? 0.7 : 0.6) ? 'inbound' : 'outbound';
		bump(stats, 'communications', 'rows');
		if (missingEnd) bump(stats, 'communications', 'missing_ended_at');
		countLabel(stats, 'communications', label);
		yield [
			id('CM', j),
			customer,
			label,
			r.pick(AGENTS),
			direction,
			fmt(started),
			missingEnd ? '' : fmt(started + duration),
			missingEnd ? '' : String(duration),
			r.pick(SUBJECTS)
		];
	}
}

/** One ticket in canonical terms; the Chinese export translates the labels. */
function makeTicket(plan, r, u) {
	const customer = plan.customerId(plan.buyer(r.next()));
	const channel = ticketChannel(r);
	const category = CATEGORIES[r.weighted(CATEGORY_CUM)];
	const priority = PRIORITIES[r.weighted(PRIORITY_CUM)];
	const created = Math.floor(plan.warps.office.at(u));
	const urgency = priority[0] === 'urgent' ? 0.3 : priority[0] === 'high' ? 0.6 : 1;
	const firstResponse = created + Math.max(60, Math.floor(r.lognormal(1.2 * urgency, 1) * HOUR));
	const resolved = Math.max(firstResponse + 300, created + Math.floor(r.lognormal(priority[3], 1.1) * HOUR));
	const stuck = r.chance(0.03);
	let status;
	if (firstResponse >= EXPORT_AT) status = 'open';
	else if (stuck || resolved >= EXPORT_AT) status = 'pending';
	else status = r.chance(0.6) ? 'closed' : 'resolved';
	const done = status === 'closed' || status === 'resolved';
	const hours = (resolved - created) / HOUR;
	const mood = hours > 72 ? 'bad' : hours < 12 ? 'good' : 'normal';
	const satisfaction = done && r.chance(0.55) ? String(score(r, mood)) : '';
	return {
		customer,
		channel,
		category,
		priority,
		status,
		created,
		firstResponse: status === 'open' ? null : firstResponse,
		resolved: done ? resolved : null,
		satisfaction
	};
}

export function* ticketRows(plan, stats) {
	const r = rngFor(plan.seed, 'tickets');
	const n = plan.sizes.tickets;
	for (let j = 0; j < n; j++) {
		const t = makeTicket(plan, r, (j + r.next()) / n);
		const label = channelLabel(r, t.channel);
		bump(stats, 'tickets', 'rows');
		if (t.resolved === null) bump(stats, 'tickets', 'unresolved');
		if (t.satisfaction === '') bump(stats, 'tickets', 'missing_satisfaction');
		countLabel(stats, 'tickets', label);
		yield [
			id('T', j),
			t.customer,
			label,
			t.category[0],
			t.priority[0],
			t.status,
			fmt(t.created),
			fmt(t.firstResponse),
			fmt(t.resolved),
			t.satisfaction
		];
	}
}

/** A second, smaller export from a Chinese help-desk tool (written as GB18030). */
export function* ticketCnRows(plan, stats) {
	const r = rngFor(plan.seed, 'tickets_cn');
	const n = plan.sizes.tickets_cn;
	for (let j = 0; j < n; j++) {
		const t = makeTicket(plan, r, (j + r.next()) / n);
		bump(stats, 'tickets_cn', 'rows');
		if (t.resolved === null) bump(stats, 'tickets_cn', 'unresolved');
		yield [
			id('GD2025', j, 5),
			t.customer,
			CHANNEL_CN[t.channel],
			t.category[1],
			t.priority[1],
			TICKET_STATUS_CN[t.status],
			fmt(t.created),
			fmt(t.firstResponse),
			fmt(t.resolved),
			t.satisfaction
		];
	}
}

export function* feedbackRows(plan, stats) {
	const r = rngFor(plan.seed, 'feedback');
	const n = plan.sizes.feedback;
	for (let j = 0; j < n; j++) {
		let customer = '';
		let orderId = '';
		let created = NaN;
		let mood = 'normal';
		if (r.chance(0.85)) {
			const o = makeOrder(plan, r.int(0, plan.sizes.orders - 1));
			const base = o.deliveredAt ?? o.orderedAt;
			const when = base + Math.floor(r.lognormal(2, 0.8) * DAY);
			if (!o.orphan && when < EXPORT_AT) {
				customer = o.customerId;
				orderId = o.id;
				created = when;
				mood = o.deliveredAt === null ? 'bad' : o.deliveredAt > o.promisedAt ? (r.chance(0.6) ? 'bad' : 'normal') : 'good';
			}
		}
		if (!orderId) {
			// A survey answer not tied to an order.
			customer = plan.customerId(r.int(0, plan.sizes.customers - 1));
			created = Math.floor(plan.warps.traffic.at(r.next()));
		}
		const s = score(r, mood);
		const expected = r.chance(0.55) ? String(Math.min(5, Math.max(1, Math.round(4.1 + 0.7 * r.normal())))) : '';
		const comment = r.chance(0.4) ? '' : r.pick(s >= 4 ? COMMENTS.good : s === 3 ? COMMENTS.mixed : COMMENTS.bad);
		const label = channelLabel(r, feedbackChannel(r));
		bump(stats, 'feedback', 'rows');
		if (s >= 4) bump(stats, 'feedback', 'score_4_or_5');
		if (!expected) bump(stats, 'feedback', 'missing_expected_score');
		if (!comment) bump(stats, 'feedback', 'missing_comment');
		if (comment.includes(',')) bump(stats, 'feedback', 'comment_with_comma');
		if (comment.includes('\n')) bump(stats, 'feedback', 'comment_with_newline');
		if (comment.includes('"')) bump(stats, 'feedback', 'comment_with_quote');
		if (!orderId) bump(stats, 'feedback', 'without_order');
		countLabel(stats, 'feedback', label);
		yield [id('F', j), customer, orderId, label, String(s), expected, comment, fmt(created)];
	}
}
