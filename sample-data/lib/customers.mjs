// customers.csv: one row per customer id, plus a few later rows that repeat an
// id with a different spelling of the name (conflicting attributes).
import { rngFor, cumulative } from './prng.mjs';
import { PERIOD_START, EXPORT_AT, DAY, fmt } from './time.mjs';
import { bump, note } from './plan.mjs';
import { FAMILY, GIVEN, WESTERN_GIVEN, WESTERN_FAMILY, EMAIL_DOMAINS, CITIES, SEGMENTS } from './vocab.mjs';

export const CUSTOMER_HEADER = [
	'customer_id',
	'person_id',
	'name',
	'email',
	'phone',
	'gender',
	'age',
	'city',
	'zip',
	'segment',
	'created_at',
	'updated_at'
];

const CITY_CUM = cumulative(CITIES.map((c) => c[3]));
const SEGMENT_CUM = cumulative([60, 12, 22, 6]);
const AREA_CODES = ['010', '021', '020', '0755', '0571', '028', '027', '025', '029', '022', '023', '0512', '0451', '0471'];

const ascii = (s) =>
	s
		.normalize('NFD')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
const digits = (rng, k) => {
	let s = '';
	for (let i = 0; i < k; i++) s += rng.int(0, 9);
	return s;
};

/** A person: display name, an alternative spelling, and romanised parts for the e-mail. */
function person(rng) {
	const u = rng.next();
	if (u < 0.9) {
		const [fh, fp] = rng.pick(FAMILY);
		const [gh, gp] = rng.pick(GIVEN);
		const hanzi = fh + gh;
		const pinyin = rng.chance(0.1) ? `${fp}, ${gp}` : `${gp} ${fp}`;
		const [name, alt] = u < 0.62 ? [hanzi, pinyin] : [pinyin, hanzi];
		return { name, alt, given: gp, family: fp };
	}
	const given = rng.pick(WESTERN_GIVEN);
	const family = rng.pick(WESTERN_FAMILY);
	const comma = rng.chance(0.15);
	return { name: comma ? `${family}, ${given}` : `${given} ${family}`, alt: `${given.slice(0, 1)}. ${family}`, given, family };
}

/** `state.invalid` cycles through the kinds of broken address, so each kind appears. */
function email(rng, p, flags, state) {
	const local = `${ascii(p.given)}.${ascii(p.family)}${rng.chance(0.5) ? rng.int(1, 99) : ''}`;
	const domain = rng.pick(EMAIL_DOMAINS);
	const u = rng.next();
	if (u < 0.05) {
		flags.push('missing_email');
		return '';
	}
	if (u < 0.075) {
		flags.push('invalid_email');
		const bad = [
			`${local}@`,
			`${local}.${domain}`,
			`${local}@@${domain}`,
			`${local}@${domain.replace('.', '')}`,
			`${p.given} ${p.family}@${domain}`
		];
		return bad[state.invalid++ % bad.length];
	}
	return `${local}@${domain}`;
}

function phone(rng, flags) {
	const u = rng.next();
	if (u < 0.06) {
		flags.push('missing_phone');
		return '';
	}
	if (u < 0.2) {
		flags.push('phone_leading_zero');
		const area = rng.pick(AREA_CODES);
		return area + digits(rng, area.length === 3 ? 8 : 7 + rng.int(0, 1)).replace(/^0/, '6');
	}
	return '1' + rng.pick(['3', '5', '7', '8', '9']) + digits(rng, 9);
}

function zip(rng, city, flags) {
	const [, prefix, len] = city;
	if (len === 0 || rng.chance(0.03)) {
		flags.push('missing_zip');
		return '';
	}
	if (prefix.startsWith('0')) flags.push('zip_leading_zero');
	return prefix + digits(rng, len - prefix.length);
}

export function* customerRows(plan, stats) {
	const rng = rngFor(plan.seed, 'customers');
	const n = plan.sizes.customers;
	const personOf = new Int32Array(n);
	const state = { invalid: 0 };
	/** @type {Map<number, {row: string[], alt: string, flags: string[], updated: number}>} */
	const kept = new Map();
	for (let c = 0; c < n; c++) {
		personOf[c] = c > 0 && rng.chance(0.05) ? personOf[rng.int(0, c - 1)] : c;
		const flags = [];
		const p = person(rng);
		const city = CITIES[rng.weighted(CITY_CUM)];
		const created = PERIOD_START - Math.floor(rng.next() * 6 * 365 * DAY);
		const updated = created + Math.floor(rng.next() ** 0.5 * (EXPORT_AT - 1 - created));
		const row = [
			plan.customerId(c),
			'P' + plan.customerId(personOf[c]).slice(1),
			p.name,
			email(rng, p, flags, state),
			phone(rng, flags),
			rng.chance(0.04) ? '' : rng.chance(0.52) ? 'F' : 'M',
			rng.chance(0.05) ? '' : String(Math.min(85, Math.round(19 + rng.lognormal(16, 0.55)))),
			city[0],
			zip(rng, city, flags),
			SEGMENTS[rng.weighted(SEGMENT_CUM)],
			fmt(created),
			fmt(updated)
		];
		yield emit(stats, row, flags);
		if (plan.customerDupSources.has(c)) kept.set(c, { row, alt: p.alt, flags, updated });
		for (const q of plan.customerDupAfter.get(c) ?? []) {
			const src = /** @type {{row: string[], alt: string, flags: string[], updated: number}} */ (kept.get(q));
			const dup = [...src.row];
			dup[2] = src.alt;
			dup[11] = fmt(Math.min(EXPORT_AT - 1, src.updated + rng.int(1, 90) * DAY));
			yield emit(stats, dup, [...src.flags, 'duplicate_customer_id_rows', 'conflicting_names']);
		}
	}
}

function emit(stats, row, flags) {
	bump(stats, 'customers', 'rows');
	for (const f of flags) bump(stats, 'customers', f);
	if (flags.includes('duplicate_customer_id_rows')) note(stats, 'customers', 'duplicate_customer_id_rows', row[0]);
	if (flags.includes('invalid_email')) note(stats, 'customers', 'invalid_email', row[3]);
	return row;
}
