// sample-data/README.md, written by the generator from the counts it produced,
// so the documented dirt can never drift from the files.
import { TABLES } from './tables.mjs';

/** Every counted check per table, with what it means. Counts are rows unless said otherwise. */
export const CHECKS = {
	customers: {
		rows: 'data rows',
		duplicate_customer_id_rows: 'rows repeating an earlier customer_id (beyond the first)',
		conflicting_names: 'customer_ids whose rows carry different names (e.g. 王伟 vs "Wei Wang")',
		missing_email: 'empty email',
		invalid_email: 'non-empty email that is not `x@y.z` (`foo@`, `bar.example.com`, `a@@b.com`, `a@bcom`, a space)',
		missing_phone: 'empty phone',
		phone_leading_zero: 'landline numbers starting with 0 (e.g. 01062345678), must stay text',
		missing_zip: 'empty zip',
		zip_leading_zero: 'postcodes starting with 0 (Hohhot 010xxx, Baotou 014xxx, Boston 021xx, ...), must stay text'
	},
	orders: {
		rows: 'data rows',
		exact_duplicate_rows: 'rows identical to the row before them',
		duplicate_order_id_rows: 'rows repeating an earlier order_id (beyond the first; includes the exact duplicates)',
		conflicting_order_ids: 'order_ids appearing with different content (re-exported at the end with another amount)',
		orphan_customer_id: 'rows whose customer_id is not in customers.csv',
		shipped_before_ordered: 'rows with shipped_at earlier than ordered_at',
		missing_shipped_at: 'empty shipped_at (pending, processing, cancelled, unavailable, and dirt below)',
		delivered_without_shipped_at: 'status delivered but shipped_at empty'
	},
	order_lines: { rows: 'data rows (1-5 lines per order)' },
	payments: { rows: 'data rows (one per order that is not pending)' },
	communications: { rows: 'data rows', missing_ended_at: 'empty ended_at and duration_s' },
	tickets: { rows: 'data rows', unresolved: 'empty resolved_at (open or pending)', missing_satisfaction: 'empty satisfaction' },
	tickets_cn: { rows: 'data rows', unresolved: 'empty 解决时间' },
	feedback: {
		rows: 'data rows',
		score_4_or_5: 'score 4 or 5',
		missing_expected_score: 'empty expected_score',
		missing_comment: 'empty comment',
		comment_with_comma: 'comment containing a comma (quoted)',
		comment_with_newline: 'comment containing a line break (quoted)',
		comment_with_quote: 'comment containing a double quote (quoted, doubled)',
		without_order: 'survey answers with an empty order_id'
	},
	campaigns: { rows: 'data rows', success: 'result = success', converted: 'converted = true' },
	visits: { rows: 'data rows', status_5xx: 'status_code >= 500', anonymous: 'empty customer_id' }
};

/** Throw when the generator counted something the README does not describe. */
export function assertKnownChecks(stats) {
	for (const [table, counts] of Object.entries(stats.counts)) {
		for (const key of Object.keys(counts)) {
			if (!CHECKS[table]?.[key]) throw new Error(`readme: no description for check ${table}.${key}`);
		}
	}
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * @param {{counts: Record<string, Record<string, number>>, labels: Record<string, Record<string, number>>, examples: Record<string, Record<string, string[]>>}} stats
 * @param {Record<string, number>} bytes file name -> size
 * @param {{orders: number, seed: number}} options
 */
export function renderReadme(stats, bytes, { orders, seed }) {
	assertKnownChecks(stats);
	const total = Object.values(bytes).reduce((a, b) => a + b, 0);
	const count = (t, k) => stats.counts[t]?.[k] ?? 0;
	const files = TABLES.map(
		(t) =>
			`| \`${t.file}\` | ${t.name === 'tickets_cn' ? 'tickets' : t.name} | ${t.encoding} | ${count(t.name, 'rows')} | ${kb(bytes[t.file] ?? 0)} |`
	);
	const checks = Object.entries(CHECKS).flatMap(([t, c]) =>
		Object.entries(c).map(([k, what]) => `| ${t} | \`${k}\` | ${count(t, k)} | ${what} |`)
	);
	const examples = Object.entries(stats.examples).flatMap(([t, e]) =>
		Object.entries(e).map(([k, list]) => `- \`${t}.${k}\`: ${JSON.stringify(list)}`)
	);
	const labels = Object.entries(stats.labels).flatMap(([t, l]) =>
		Object.entries(l)
			.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
			.map(([label, n]) => `| ${t} | ${JSON.stringify(label)} | ${n} |`)
	);
	return `# Sample data

Small, deliberately dirty CRM exports for CRM Pulse: one file per canonical
table of \`DESIGN.md\` §2, plus a second tickets export in GB18030 with Chinese
headers. **Do not edit these files by hand**: they and this README are written
by \`generate.mjs\`, and \`tests/unit/sample-data.test.ts\` fails when the
committed files differ from what the generator produces.

\`\`\`sh
node sample-data/generate.mjs                      # regenerate this folder (${orders} orders, seed ${seed})
node sample-data/generate.mjs --orders 1000000 --out /tmp/big --tables orders,customers,tickets
node sample-data/generate.mjs --seed 7 --out /tmp/other   # another, equally valid data set
\`\`\`

Options: \`--orders N\` (other tables scale with it: customers and tickets
≈ N × 0.27, communications N × 0.4, feedback N × 0.47, campaign activities
N × 0.53, visits N × 2, Chinese tickets N / 25), \`--seed N\`, \`--out DIR\`,
\`--tables a,b,c\`. Big outputs are streamed to disk in chunks. The generator
uses only Node built-ins and its own seeded PRNG (mulberry32), so output is
byte-identical on every run and machine; dates are fixed (orders over
2025-01-01 .. 2025-12-31, export taken at 2026-01-01 00:00:00).

## Files

All files: header row, LF line ends, RFC 4180 quoting (only when a value holds
a comma, quote or line break), timestamps \`YYYY-MM-DD HH:MM:SS\` without a
zone. UTF-8 without BOM, except \`tickets_cn.csv\`, which is GB18030 (decode
with \`new TextDecoder('gb18030')\`) and has the headers
${'`'}工单号,客户ID,渠道,类别,优先级,状态,创建时间,首次响应时间,解决时间,满意度${'`'}.

| file | table | encoding | rows | size |
|---|---|---|---|---|
${files.join('\n')}

Total: ${kb(total)} (${total} bytes).

## Shapes

- Repeat buyers: about 10 % of customers carry a heavy log-normal purchase
  weight and place many orders; most customers order 0-3 times. Some
  customer ids share a \`person_id\` (one person, several accounts).
- Order amounts are sums of 1-5 lines of a 38-product catalogue (prices
  19.90-1999 CNY, some 10 % discounts): right-skewed, log-normal-ish.
- Orders follow weekday, hour-of-day and seasonal patterns with peaks on
  618 (June 18) and Double 11 (November 11).
- Processing (ordered → shipped): log-normal around 18 h, mostly 2-72 h, with
  a 3 % tail of 80-300 h. Delivery (ordered → delivered): 2-15 days;
  promised 7-10 days after ordering, so some deliveries are late.
- Status follows the export time: orders not yet shipped or delivered on
  2026-01-01 are \`processing\` / \`shipped\`; about 4 % are \`cancelled\` and a few
  \`unavailable\`.
- Tickets: first response log-normal around 1.2 h (faster for high/urgent);
  resolution log-normal by priority (urgent 4 h … low 30 h median), strongly
  right-skewed. Satisfaction 1-5 on about half of the solved tickets, skewed to
  4-5 and lower when resolution took long. Feedback scores likewise, lower for
  late or undelivered orders.
- Campaigns: seven campaigns (Spring Sale, 618, Welcome Series, Win-back,
  Double 11, Christmas, VIP phone outreach) with per-channel delivery success,
  conversion flags, cost per contact and revenue on conversions.
- Visits: sessions of 1-15 requests; \`response_ms\` log-normal around 110 ms
  (API calls slower, 1 % slow outliers, 502/504 time out at 5-30 s); about 1 %
  of requests return 5xx (availability about 99 %).

## Deliberate dirt (exact counts)

| table | check | count | meaning |
|---|---|---|---|
${checks.join('\n')}

Where the rarer dirt is (ids, or the values themselves for e-mails; first 12
of each, in file order):

${examples.join('\n')}

Channel labels are mixed on purpose (about 22 % of rows use a variant such as
"E-mail", "邮件", "Web", "web " with a trailing space, "WeChat", "微信",
"Phone", "电话", "SMS", "短信", "App"). Rows per label:

| table | label | rows |
|---|---|---|
${labels.join('\n')}
`;
}
