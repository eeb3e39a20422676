import type { TableKind } from '../canonical/schema';

/**
 * The label tables of the "unify labels" step: canonical label → the spellings that mean it.
 *
 * A value is looked up by its key: trimmed, lower-cased, with spaces, `_` and `-` removed, so
 * `E-mail`, ` email `, `E_MAIL` and `e mail` are one entry. A value no table knows is kept
 * trimmed and lower-cased (so `Email ` and `email` still become one label); a blank one becomes
 * NULL. Add spellings here; every key must belong to one label only (tested).
 */
export type LabelTable = Readonly<Record<string, readonly string[]>>;

export const CHANNELS: LabelTable = {
	email: ['email', 'e-mail', 'mail', 'edm', '邮件', '电子邮件', '邮箱'],
	wechat: ['wechat', 'weixin', 'wx', '微信', '微信公众号', '公众号'],
	phone: ['phone', 'telephone', 'tel', 'call', 'phone call', 'voice', '电话', '致电', '热线'],
	web: ['web', 'website', 'online', 'internet', '网站', '官网', '网页', '线上'],
	sms: ['sms', 'text', 'text message', '短信'],
	app: ['app', 'mobile app', 'application', '应用', '移动端'],
	chat: ['chat', 'live chat', 'im', 'messenger', '在线客服', '在线聊天'],
	store: ['store', 'in-store', 'in store', 'retail', 'offline', '门店', '实体店', '线下'],
	social: ['social', 'social media', '社交媒体'],
	referral: ['referral', '推荐', '转介绍']
};

export const ORDER_STATUSES: LabelTable = {
	created: ['created', 'new', '已下单', '新订单'],
	pending: ['pending', 'unpaid', '待付款', '待支付'],
	approved: ['approved', '已审核'],
	paid: ['paid', '已付款', '已支付'],
	invoiced: ['invoiced', '已开票'],
	processing: ['processing', 'in progress', '处理中'],
	shipped: ['shipped', 'in transit', 'dispatched', '已发货', '运输中'],
	delivered: ['delivered', 'complete', 'completed', '已送达', '已完成', '已签收'],
	canceled: ['canceled', 'cancelled', 'voided', '已取消', '取消'],
	refunded: ['refunded', '已退款', '退款'],
	returned: ['returned', '已退货', '退货'],
	unavailable: ['unavailable', 'out of stock', '缺货', '无货']
};

export const TICKET_STATUSES: LabelTable = {
	open: ['open', 'new', 'reopened', '待处理', '新建', '打开', '未处理'],
	pending: ['pending', 'on hold', 'waiting', 'hold', '等待中', '挂起'],
	in_progress: ['in progress', 'working', 'processing', 'assigned', '处理中', '进行中'],
	resolved: ['resolved', 'solved', 'fixed', '已解决'],
	closed: ['closed', 'done', 'completed', '已关闭', '关闭', '已完成']
};

export const DIRECTIONS: LabelTable = {
	inbound: ['inbound', 'in', 'incoming', 'received', '呼入', '来电', '接入'],
	outbound: ['outbound', 'out', 'outgoing', 'sent', '呼出', '去电', '外呼']
};

export const RESULTS: LabelTable = {
	success: ['success', 'succeeded', 'successful', 'ok', '成功'],
	failure: ['failure', 'failed', 'fail', 'error', 'bounced', '失败', '退信']
};

/** The columns the step unifies, per table, and the table each is looked up in. */
export const LABEL_COLUMNS: Readonly<Partial<Record<TableKind, Readonly<Record<string, LabelTable>>>>> = {
	orders: { channel: CHANNELS, status: ORDER_STATUSES },
	communications: { channel: CHANNELS, direction: DIRECTIONS },
	tickets: { channel: CHANNELS, status: TICKET_STATUSES },
	feedback: { channel: CHANNELS },
	campaigns: { channel: CHANNELS, result: RESULTS },
	visits: { channel: CHANNELS }
};

/** Characters trimmed from text: ASCII white space, the no-break space and the ideographic (full-width) space. */
export const WHITESPACE = ' \t\n\r\f\u00a0\u3000';

/** Characters a label key leaves out; a regular-expression class valid in both JS and RE2. */
export const KEY_DROPPED = `[${WHITESPACE}_-]+`;

/** The lookup key of a label (the SQL of clean-steps.ts computes the same). */
export function labelKey(value: string): string {
	return value.toLowerCase().replace(new RegExp(KEY_DROPPED, 'g'), '');
}

/** Lookup key → canonical label; the canonical label is a spelling of itself. */
export function labelLookup(table: LabelTable): Map<string, string> {
	const out = new Map<string, string>();
	for (const [label, spellings] of Object.entries(table)) {
		for (const spelling of [label, ...spellings]) {
			const key = labelKey(spelling);
			const earlier = out.get(key);
			if (earlier !== undefined && earlier !== label) throw new Error(`label spelling ${spelling} means both ${earlier} and ${label}`);
			out.set(key, label);
		}
	}
	return out;
}
