import { TABLE_KINDS, type FileKind } from '../canonical/schema';
import { parseCleaningConfig } from '../cleaning/parse-config';
import type { CleaningConfig } from '../cleaning/types';
import type { Mapping } from '../mapping/types';
import { timeZoneOffsetMinutes } from '../mapping/time-zone';
import { isDate } from '../metrics/settings';

/**
 * The view a report is computed for: mapping corrections, data settings and filters.
 * The same shape is the app's shareable state and the command line's `--config` file,
 * so both can be given exactly the same view.
 */
export interface ReportConfig {
	version: 1;
	/** Corrections by raw table name: a kind and/or a source column → canonical column mapping. */
	tables?: Record<string, { kind?: FileKind; mapping?: Mapping }>;
	settings?: {
		timeZone?: string;
		excludedStatuses?: string[];
		slaHours?: number;
		clvHorizonMonths?: number;
		referenceDate?: string | null;
	};
	filters?: { from?: string; to?: string; channel?: string; segment?: string };
	/** Cleaning steps per canonical table; all off when absent. */
	cleaning?: CleaningConfig;
}

function fail(path: string, message: string): never {
	throw new Error(`invalid config: ${path ? `${path} ` : ''}${message}`);
}

function optionalString(value: unknown, path: string): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string') fail(path, `must be a string, not ${JSON.stringify(value)}`);
	return value;
}

function optionalDate(value: unknown, path: string): string | undefined {
	const s = optionalString(value, path);
	if (s !== undefined && s !== '' && !isDate(s)) fail(path, `must be a date YYYY-MM-DD, not ${JSON.stringify(s)}`);
	return s || undefined;
}

function optionalTimeZone(value: unknown, path: string): string | undefined {
	const s = optionalString(value, path);
	if (s === undefined) return undefined;
	try {
		timeZoneOffsetMinutes(s);
	} catch (err) {
		fail(path, err instanceof Error ? err.message : String(err));
	}
	return s;
}

function optionalPositive(value: unknown, path: string): number | undefined {
	if (value === undefined) return undefined;
	// The metric settings refuse 0 too (an SLA or a horizon of 0 means nothing).
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
		fail(path, `must be a positive number, not ${JSON.stringify(value)}`);
	return value;
}

/** Check a config read from JSON; errors name the field and the bad value. */
export function parseConfig(input: unknown): ReportConfig {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) fail('', 'must be a JSON object');
	const raw = input as Record<string, unknown>;
	if (raw.version !== 1) fail('version', `must be 1, not ${JSON.stringify(raw.version)}`);
	const config: ReportConfig = { version: 1 };
	if (raw.tables !== undefined) {
		if (typeof raw.tables !== 'object' || raw.tables === null) fail('tables', 'must be an object');
		config.tables = {};
		for (const [name, entry] of Object.entries(raw.tables as Record<string, unknown>)) {
			if (entry !== null && entry !== undefined && (typeof entry !== 'object' || Array.isArray(entry)))
				fail(`tables.${name}`, `must be an object, not ${JSON.stringify(entry)}`);
			const e = (entry ?? {}) as Record<string, unknown>;
			const kind = optionalString(e.kind, `tables.${name}.kind`);
			if (kind !== undefined && kind !== 'other' && !(TABLE_KINDS as readonly string[]).includes(kind)) {
				fail(`tables.${name}.kind`, `must be one of ${[...TABLE_KINDS, 'other'].join(', ')}, not ${JSON.stringify(kind)}`);
			}
			const mapping = e.mapping as Record<string, unknown> | undefined;
			if (mapping !== undefined && (typeof mapping !== 'object' || mapping === null)) fail(`tables.${name}.mapping`, 'must be an object');
			for (const [k, v] of Object.entries(mapping ?? {}))
				if (typeof v !== 'string') fail(`tables.${name}.mapping.${k}`, 'must be a string');
			config.tables[name] = { kind: kind as FileKind | undefined, mapping: mapping as Mapping | undefined };
		}
	}
	const s = (raw.settings ?? {}) as Record<string, unknown>;
	config.settings = {
		timeZone: optionalTimeZone(s.timeZone, 'settings.timeZone'),
		slaHours: optionalPositive(s.slaHours, 'settings.slaHours'),
		clvHorizonMonths: optionalPositive(s.clvHorizonMonths, 'settings.clvHorizonMonths'),
		referenceDate: optionalDate(s.referenceDate ?? undefined, 'settings.referenceDate') ?? null
	};
	if (s.excludedStatuses !== undefined) {
		if (!Array.isArray(s.excludedStatuses) || s.excludedStatuses.some((x) => typeof x !== 'string')) {
			fail('settings.excludedStatuses', 'must be a list of strings');
		}
		config.settings.excludedStatuses = s.excludedStatuses as string[];
	}
	const f = (raw.filters ?? {}) as Record<string, unknown>;
	config.filters = {
		from: optionalDate(f.from, 'filters.from'),
		to: optionalDate(f.to, 'filters.to'),
		channel: optionalString(f.channel, 'filters.channel'),
		segment: optionalString(f.segment, 'filters.segment')
	};
	const { from, to } = config.filters;
	if (from && to && from > to) fail('filters.from', `${JSON.stringify(from)} is after filters.to ${JSON.stringify(to)}`);
	if (raw.cleaning !== undefined) config.cleaning = parseCleaningConfig(raw.cleaning);
	return config;
}
