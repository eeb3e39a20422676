// Seeded randomness: a 32-bit mixing hash and a small mulberry32-style generator.
// Everything here is integer arithmetic on 32 bits, so results are identical on
// every platform and every run.

/** Final avalanche step (murmur3 style finaliser). */
export function mix32(h) {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Hash a list of numbers and strings into one unsigned 32-bit seed. */
export function hashOf(...parts) {
	let h = 0x811c9dc5;
	for (const p of parts) {
		if (typeof p === 'number') {
			h = mix32(h ^ (p >>> 0));
			h = mix32(h ^ Math.floor(p / 4294967296));
		} else {
			const s = String(p);
			for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
			h = mix32(h ^ s.length);
		}
	}
	return h;
}

export class Rng {
	/** @param {number} seed */
	constructor(seed) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next() {
		const a = (this.state = (this.state + 0x6d2b79f5) | 0);
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [lo, hi], both inclusive. */
	int(lo, hi) {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	chance(p) {
		return this.next() < p;
	}

	pick(items) {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Index drawn from a cumulative weight table (see cumulative()). */
	weighted(cum) {
		return searchCumulative(cum, this.next() * cum[cum.length - 1]);
	}

	/** Standard normal (Box-Muller, two draws, no cached spare). */
	normal() {
		const u = 1 - this.next();
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal with the given median and log-scale sigma. */
	lognormal(median, sigma) {
		return median * Math.exp(sigma * this.normal());
	}
}

/** A generator whose seed is derived from the given parts (e.g. seed, 'order', i). */
export function rngFor(...parts) {
	return new Rng(hashOf(...parts));
}

/** Running sums of weights, as a Float64Array. */
export function cumulative(weights) {
	const cum = new Float64Array(weights.length);
	let sum = 0;
	for (let i = 0; i < weights.length; i++) cum[i] = sum += weights[i];
	return cum;
}

/** First index whose cumulative value exceeds x. */
export function searchCumulative(cum, x) {
	let lo = 0;
	let hi = cum.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (cum[mid] > x) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** k distinct integers from [lo, hi), avoiding `taken` (which is updated), in ascending order. */
export function sampleDistinct(rng, lo, hi, k, taken = new Set()) {
	const out = [];
	const room = hi - lo - taken.size;
	k = Math.max(0, Math.min(k, room));
	while (out.length < k) {
		const x = rng.int(lo, hi - 1);
		if (taken.has(x)) continue;
		taken.add(x);
		out.push(x);
	}
	return out.sort((a, b) => a - b);
}
