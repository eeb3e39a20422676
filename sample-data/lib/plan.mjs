// The plan: table sizes, id formats, who buys how often, and where the
// deliberate dirt goes. Everything is derived from (orders, seed) only, so a
// table can be generated on its own (--tables) and still agree with the others.
import { rngFor, cumulative, searchCumulative, sampleDistinct } from './prng.mjs';
import { TimeWarp } from './time.mjs';

export const DEFAULT_SEED = 20250101;
export const DEFAULT_ORDERS = 1500;

/** Canonical channel -> labels seen in exports; the first label is the clean one. */
export const CHANNEL_LABELS = {
	email: ['email', 'E-mail', '邮件'],
	web: ['web', 'Web', 'web '],
	wechat: ['wechat', 'WeChat', '微信'],
	phone: ['phone', 'Phone', '电话'],
	sms: ['sms', 'SMS', '短信'],
	app: ['app', 'App']
};

/** Pick a label for a canonical channel: clean most of the time, messy otherwise. */
export function channelLabel(rng, channel, messy = 0.22) {
	const labels = CHANNEL_LABELS[channel];
	if (labels.length === 1 || !rng.chance(messy)) return labels[0];
	return labels[rng.int(1, labels.length - 1)];
}

const ORDER_CHANNELS = ['web', 'wechat', 'phone', 'email'];
const ORDER_CHANNEL_CUM = cumulative([55, 28, 10, 7]);

let warps = null;
function sharedWarps() {
	warps ??= { shopping: new TimeWarp('shopping'), office: new TimeWarp('office'), traffic: new TimeWarp('traffic') };
	return warps;
}

const pad = (i, width) => String(i).padStart(width, '0');
const few = (n, rate, min) => Math.max(min, Math.round(n * rate));

/**
 * @param {{orders?: number, seed?: number}} [options]
 */
export function createPlan({ orders = DEFAULT_ORDERS, seed = DEFAULT_SEED } = {}) {
	if (!Number.isInteger(orders) || orders < 50) throw new Error(`orders must be an integer >= 50, got ${orders}`);
	if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
	const n = orders;
	const sizes = {
		customers: Math.max(20, Math.round((n * 400) / 1500)),
		orders: n,
		communications: Math.round(n * 0.4),
		tickets: Math.round((n * 400) / 1500),
		tickets_cn: Math.max(10, Math.round(n / 25)),
		feedback: Math.round((n * 7) / 15),
		campaigns: Math.round((n * 8) / 15),
		visits: n * 2
	};
	const nc = sizes.customers;
	const customerWidth = Math.max(6, String(nc * 2).length);
	const orderWidth = Math.max(7, String(n).length);
	const rng = rngFor(seed, 'plan');

	// Purchase propensity: most customers buy once or twice a year, a minority
	// ("repeat buyers") carries a heavy, log-normal weight.
	const weights = new Float64Array(nc);
	const preferred = new Uint8Array(nc);
	for (let c = 0; c < nc; c++) {
		const u = rng.next();
		weights[c] = u < 0.74 ? 0.35 : u < 0.91 ? 1.1 : rng.lognormal(9, 0.6);
		preferred[c] = rng.weighted(ORDER_CHANNEL_CUM);
	}
	const buyerCum = cumulative(weights);

	// Orders dirt: disjoint sets of order indices.
	const taken = new Set();
	const orderDirt = {
		exactDuplicate: new Set(sampleDistinct(rng, 0, n, few(n, 0.0025, 4), taken)),
		conflictingDuplicate: new Set(sampleDistinct(rng, 0, n, few(n, 0.002, 3), taken)),
		orphan: new Set(sampleDistinct(rng, 0, n, few(n, 0.0013, 2), taken)),
		shippedEarly: new Set(sampleDistinct(rng, 0, Math.floor(n * 0.9), few(n, 0.004, 6), taken))
	};

	// Customers dirt: a later row repeats an earlier customer_id with another name.
	const dupSources = sampleDistinct(rng, 0, Math.floor(nc * 0.7), few(nc, 0.0075, 3));
	/** @type {Map<number, number[]>} emit a duplicate of each listed source after this index */
	const customerDupAfter = new Map();
	for (const q of dupSources) {
		const p = rng.int(q + 1, nc - 1);
		customerDupAfter.set(p, [...(customerDupAfter.get(p) ?? []), q]);
	}

	return {
		seed,
		sizes,
		warps: sharedWarps(),
		customerId: (c) => 'C' + pad(c + 1, customerWidth),
		/** A customer id that is not in customers.csv (for orphan orders). */
		missingCustomerId: (k) => 'C' + pad(nc + 11 + k * 7, customerWidth),
		orderId: (i) => 'O' + pad(i + 1, orderWidth),
		/** Customer index for a uniform draw, weighted by purchase propensity. */
		buyer: (u) => searchCumulative(buyerCum, u * buyerCum[nc - 1]),
		preferredChannel: (c) => ORDER_CHANNELS[preferred[c]],
		randomOrderChannel: (r) => ORDER_CHANNELS[r.weighted(ORDER_CHANNEL_CUM)],
		orderDirt,
		customerDupAfter,
		customerDupSources: new Set(dupSources)
	};
}

/** Counters filled while rows are emitted: stats.counts[table][check], stats.labels[table][label], stats.examples[table][check]. */
export function createStats() {
	return { counts: {}, labels: {}, examples: {} };
}

/** Keep the first few ids (or values) involved in a dirt check, in file order. */
export function note(stats, table, key, value, keep = 12) {
	if (!stats) return;
	const list = ((stats.examples[table] ??= {})[key] ??= []);
	if (list.length < keep) list.push(value);
}

export function bump(stats, table, key, by = 1) {
	if (!stats) return;
	const t = (stats.counts[table] ??= {});
	t[key] = (t[key] ?? 0) + by;
}

export function countLabel(stats, table, label) {
	if (!stats) return;
	const t = (stats.labels[table] ??= {});
	t[label] = (t[label] ?? 0) + 1;
}
