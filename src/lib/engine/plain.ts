import { DataType, type Field, type Table } from 'apache-arrow';

/** A cell as plain JS data: number, string, boolean or null. Never BigInt or an Arrow object. */
export type Plain = number | string | boolean | null | Plain[] | { [key: string]: Plain };

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** Format epoch milliseconds of a zone-less TIMESTAMP as `YYYY-MM-DD HH:MM:SS[.mmm]`. */
export function formatTimestamp(ms: number): string {
	const d = new Date(ms);
	const base = `${formatDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
	const frac = d.getUTCMilliseconds();
	return frac ? `${base}.${pad(frac, 3)}` : base;
}

export function formatDate(ms: number): string {
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	const year = y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
	return `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function plainBigInt(v: bigint): number | string {
	return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

/** Convert one Arrow value of the given type to plain data. */
export function toPlain(value: unknown, type: DataType): Plain {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') {
		if (DataType.isTimestamp(type) || DataType.isDate(type)) return plainTemporal(Number(value), type);
		return plainBigInt(value);
	}
	if (typeof value === 'number') {
		if (DataType.isTimestamp(type) || DataType.isDate(type)) return plainTemporal(value, type);
		return Number.isFinite(value) ? value : String(value);
	}
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	if (value instanceof Date) return formatTimestamp(value.getTime());
	if (DataType.isDecimal(type)) return Number(String(value)) / 10 ** type.scale;
	if (value instanceof Uint8Array) return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
	if (DataType.isList(type) && typeof (value as { toArray?: unknown }).toArray === 'function') {
		const child = type.children[0].type;
		return Array.from((value as { toArray(): ArrayLike<unknown> }).toArray(), (v) => toPlain(v, child));
	}
	const json = (value as { toJSON?: () => unknown }).toJSON?.();
	if (json !== undefined && json !== value)
		return JSON.parse(JSON.stringify(json, (_k, v) => (typeof v === 'bigint' ? plainBigInt(v) : v)));
	return String(value);
}

function plainTemporal(ms: number, type: DataType): string {
	return DataType.isDate(type) ? formatDate(ms) : formatTimestamp(ms);
}

/** All rows of an Arrow table as plain objects keyed by column name. */
export function tableToRows(table: Table): Record<string, Plain>[] {
	const fields: Field[] = table.schema.fields;
	const columns = fields.map((f, i) => table.getChildAt(i));
	const out: Record<string, Plain>[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, Plain> = {};
		for (let c = 0; c < fields.length; c++) row[fields[c].name] = toPlain(columns[c]?.get(r), fields[c].type);
		out[r] = row;
	}
	return out;
}
