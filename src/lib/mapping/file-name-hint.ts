import type { TableKind } from '../canonical/schema';

/** Most specific first: `order_items` is lines, not orders; `order_reviews` is feedback. */
const HINTS: [RegExp, TableKind][] = [
	[/ (order )?(items?|lines?|line ?items?|order ?details?) |明细/, 'order_lines'],
	[/ (payments?|transactions?) |支付|付款/, 'payments'],
	[/ (reviews?|feedback|surveys?|nps|csat|ratings?) |评价|反馈|问卷/, 'feedback'],
	[/ (tickets?|cases?|support|helpdesk|issues?) |工单|客服/, 'tickets'],
	[/ (campaigns?|marketing|sends?) |营销|活动/, 'campaigns'],
	[/ (visits?|sessions?|access|logs?|pageviews?|requests?) |访问|日志/, 'visits'],
	[/ (communications?|calls?|interactions?|activities|engagements?|touchpoints?) |沟通|通话|联系记录/, 'communications'],
	[/ (customers?|contacts?|clients?|members?|accounts?|leads?|users?) |客户|会员|用户/, 'customers'],
	[/ (orders?|sales|invoices?|opportunities|deals?|purchases?) |订单|销售/, 'orders']
];

/** The kind a file's name suggests (`olist_order_items_dataset.csv` → order_lines), if any. */
export function fileNameHint(fileName: string): TableKind | null {
	const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
	const words = ` ${base
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()} `;
	return HINTS.find(([re]) => re.test(words))?.[1] ?? null;
}
