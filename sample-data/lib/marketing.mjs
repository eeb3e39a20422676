// campaigns.csv (one row per campaign activity) and visits.csv (access-log
// style: one row per request, grouped in sessions).
import { rngFor, cumulative } from './prng.mjs';
import { HOUR, at, fmt } from './time.mjs';
import { bump, countLabel, channelLabel } from './plan.mjs';
import { productId } from './orders.mjs';
import { CAMPAIGNS, CAMPAIGN_COST, DELIVERY_SUCCESS, PAGES, PRODUCTS } from './vocab.mjs';

export const CAMPAIGN_HEADER = ['activity_id', 'customer_id', 'campaign', 'channel', 'sent_at', 'result', 'converted', 'cost', 'revenue'];
export const VISIT_HEADER = ['started_at', 'session_id', 'customer_id', 'channel', 'page', 'duration_s', 'response_ms', 'status_code'];

const CAMPAIGN_CUM = cumulative(CAMPAIGNS.map((c) => c[5]));
const VISIT_CHANNELS = ['web', 'wechat', 'app'];
const VISIT_CHANNEL_CUM = cumulative([65, 22, 13]);
const id = (prefix, j, width = 7) => prefix + String(j + 1).padStart(width, '0');

export function* campaignRows(plan, stats) {
	const r = rngFor(plan.seed, 'campaigns');
	const n = plan.sizes.campaigns;
	for (let j = 0; j < n; j++) {
		const [name, from, to, channels, conversion] = CAMPAIGNS[r.weighted(CAMPAIGN_CUM)];
		const channel = r.pick(channels);
		const label = channelLabel(r, channel);
		const first = at(from);
		const days = Math.round((at(to) - first) / 86400) + 1;
		const sent = first + r.int(0, days - 1) * 86400 + r.int(9, 20) * HOUR + r.int(0, 3599);
		const success = r.chance(DELIVERY_SUCCESS[channel]);
		const converted = success && r.chance(conversion);
		const cost = channel === 'phone' ? CAMPAIGN_COST.phone * r.lognormal(1, 0.35) : CAMPAIGN_COST[channel];
		const revenue = converted ? r.lognormal(260, 0.7) : 0;
		bump(stats, 'campaigns', 'rows');
		if (success) bump(stats, 'campaigns', 'success');
		if (converted) bump(stats, 'campaigns', 'converted');
		countLabel(stats, 'campaigns', label);
		yield [
			id('A', j),
			plan.customerId(r.int(0, plan.sizes.customers - 1)),
			name,
			label,
			fmt(sent),
			success ? 'success' : 'failure',
			converted ? 'true' : 'false',
			cost.toFixed(2),
			revenue.toFixed(2)
		];
	}
}

function statusCode(r) {
	const u = r.next();
	if (u < 0.009) return r.pick([500, 502, 503, 504]);
	if (u < 0.05) return 404;
	if (u < 0.065) return r.pick([400, 401, 403]);
	if (u < 0.12) return 304;
	if (u < 0.14) return 302;
	return 200;
}

function responseMs(r, code, page) {
	if (code === 502 || code === 504) return r.int(5000, 30000);
	if (code >= 500) return Math.round(r.lognormal(80, 0.5));
	const base = r.lognormal(page.startsWith('/api') ? 150 : 110, 0.65) * (r.chance(0.01) ? 12 : 1);
	return Math.max(3, Math.round(base));
}

export function* visitRows(plan, stats) {
	const r = rngFor(plan.seed, 'visits');
	const n = plan.sizes.visits;
	let emitted = 0;
	for (let s = 0; emitted < n; s++) {
		const len = Math.min(n - emitted, Math.min(15, 1 + Math.floor(r.lognormal(2.2, 0.7))));
		let t = Math.floor(plan.warps.traffic.at((emitted + r.next() * len) / n));
		const customer = r.chance(0.55) ? plan.customerId(plan.buyer(r.next())) : '';
		const label = channelLabel(r, VISIT_CHANNELS[r.weighted(VISIT_CHANNEL_CUM)]);
		const session = 'S' + String(s + 1).padStart(8, '0');
		for (let k = 0; k < len; k++) {
			const page = k === 0 && r.chance(0.4) ? '/' : r.pick(PAGES).replace('{p}', productId(r.int(0, PRODUCTS.length - 1)));
			const code = statusCode(r);
			const duration = Math.max(1, Math.round(r.lognormal(25, 1)));
			bump(stats, 'visits', 'rows');
			if (code >= 500) bump(stats, 'visits', 'status_5xx');
			if (!customer) bump(stats, 'visits', 'anonymous');
			countLabel(stats, 'visits', label);
			yield [fmt(t), session, customer, label, page, String(duration), String(responseMs(r, code, page)), String(code)];
			t += duration;
		}
		emitted += len;
	}
}
