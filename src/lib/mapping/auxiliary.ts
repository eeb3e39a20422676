import { CANONICAL, type CanonicalType, type TableKind } from '../canonical/schema';

/**
 * Source columns that are not canonical columns but feed one: HubSpot's First/Last Name make
 * customers.name, Olist's freight_value is part of a line's amount, Zendesk's minute counts
 * give tickets their first-response and resolution times. They can be mapped like canonical
 * columns; the canonical views use them and do not show them.
 */
export interface AuxiliaryRole {
	type: CanonicalType;
	/** The canonical column it helps derive. */
	feeds: string;
}

export const AUXILIARY: Partial<Record<TableKind, Record<string, AuxiliaryRole>>> = {
	customers: {
		first_name: { type: 'VARCHAR', feeds: 'name' },
		last_name: { type: 'VARCHAR', feeds: 'name' }
	},
	order_lines: {
		freight: { type: 'DOUBLE', feeds: 'amount' }
	},
	tickets: {
		first_response_minutes: { type: 'DOUBLE', feeds: 'first_response_at' },
		resolution_minutes: { type: 'DOUBLE', feeds: 'resolved_at' }
	}
};

/** A column a source may be mapped to: canonical or auxiliary. */
export interface MappableColumn {
	name: string;
	type: CanonicalType;
	required: boolean;
	auxiliary: boolean;
}

/** Every column of `kind` a source column may be mapped to, canonical ones first (for the mapping screen too). */
export function mappableColumns(kind: TableKind): MappableColumn[] {
	const canonical = CANONICAL[kind].columns.map((c) => ({ name: c.name, type: c.type, required: !!c.required, auxiliary: false }));
	const aux = Object.entries(AUXILIARY[kind] ?? {}).map(([name, r]) => ({ name, type: r.type, required: false, auxiliary: true }));
	return [...canonical, ...aux];
}
