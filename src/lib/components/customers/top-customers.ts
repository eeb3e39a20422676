export interface CustomerRow {
	customer: string;
	orders: number | null;
	monetary: number | null;
	aov: number | null;
	cycle_days: number | null;
	cv30: number | null;
	clv: number | null;
	segment: string | null;
}

export type SortKey = keyof CustomerRow;
export interface Sort {
	key: SortKey;
	descending: boolean;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Per-customer value rows (`value.clv.by_customer`) with each customer's RFM segment (`value.rfm.by_customer`). */
export function customerRows(values: readonly Record<string, unknown>[], rfm: readonly Record<string, unknown>[]): CustomerRow[] {
	const segments = new Map(rfm.map((r) => [String(r.customer), typeof r.segment === 'string' ? r.segment : null]));
	return values.map((v) => ({
		customer: String(v.customer),
		orders: num(v.orders),
		monetary: num(v.monetary),
		aov: num(v.aov),
		cycle_days: num(v.cycle_days),
		cv30: num(v.cv30),
		clv: num(v.clv),
		segment: segments.get(String(v.customer)) ?? null
	}));
}

/** Rows sorted by one column, missing values last either way; ties by customer id so the order is stable. */
export function sortRows(rows: readonly CustomerRow[], sort: Sort): CustomerRow[] {
	const sign = sort.descending ? -1 : 1;
	return [...rows].sort((a, b) => {
		const x = a[sort.key];
		const y = b[sort.key];
		if (x === null || y === null) return x === y ? a.customer.localeCompare(b.customer) : x === null ? 1 : -1;
		const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
		return sign * order || a.customer.localeCompare(b.customer);
	});
}
