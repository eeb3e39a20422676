// Types for generate.mjs (plain JavaScript, so Node 20 runs it directly).

export type TableName =
	'customers' | 'orders' | 'order_lines' | 'payments' | 'communications' | 'tickets' | 'tickets_cn' | 'feedback' | 'campaigns' | 'visits';

/** Counters filled while rows are emitted. */
export interface Stats {
	/** table -> check -> count (see CHECKS and README.md) */
	counts: Record<string, Record<string, number>>;
	/** table -> channel label as written -> rows */
	labels: Record<string, Record<string, number>>;
	/** table -> check -> first few ids (or values) involved, in file order */
	examples: Record<string, Record<string, string[]>>;
}

export interface Plan {
	seed: number;
	sizes: Record<TableName, number>;
	customerId(index: number): string;
	missingCustomerId(k: number): string;
	orderId(index: number): string;
}

export interface TableSpec {
	name: TableName;
	file: string;
	header: string[];
	encoding: 'utf-8' | 'gb18030';
	rows(plan: Plan, stats: Stats | null): Iterable<string[]>;
}

export interface Order {
	index: number;
	id: string;
	customer: number;
	customerId: string;
	orphan: boolean;
	channel: string;
	status: string;
	amount: number;
	quantity: number;
	orderedAt: number;
	approvedAt: number | null;
	shippedAt: number | null;
	deliveredAt: number | null;
	promisedAt: number;
	lines: { product: number; quantity: number; unitPrice: number; amount: number }[];
	payment: { method: string; amount: number; installments: number } | null;
}

export interface SizeOptions {
	/** number of base orders; other tables scale with it (default 1500) */
	orders?: number;
	seed?: number;
}

export const DEFAULT_ORDERS: number;
export const DEFAULT_SEED: number;
export const SAMPLE_DIR: string;
export const TABLES: TableSpec[];
export const TABLE_NAMES: TableName[];
export const CHECKS: Record<string, Record<string, string>>;

export function createPlan(options?: SizeOptions): Plan;
export function createStats(): Stats;
export function makeOrder(plan: Plan, index: number): Order;
export function tableRows(name: TableName, options?: SizeOptions & { stats?: Stats }): Generator<string[], void, undefined>;
export function renderDataset(options?: SizeOptions & { tables?: TableName[] }): {
	files: Record<string, Uint8Array>;
	stats: Stats;
	readme: string | null;
};
export function writeDataset(
	options: SizeOptions & { tables?: TableName[]; out: string; log?: (line: string) => void }
): Promise<{ plan: Plan; stats: Stats; bytes: Record<string, number> }>;
export function renderReadme(stats: Stats, bytes: Record<string, number>, options: { orders: number; seed: number }): string;
export function encodeGb18030Checked(text: string): Uint8Array;
