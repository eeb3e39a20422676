import { DEFAULT_DATA_SETTINGS } from '../mapping/build-views';
import { timeZoneOffsetMinutes } from '../mapping/time-zone';
import type { DataSettings } from '../mapping/types';
import { parseChoice, type MappingChoice } from './model-mapping';

const MAPPINGS_KEY = 'crm-pulse:mappings';
const SETTINGS_KEY = 'crm-pulse:data-settings';

/** The part of the Web Storage API the model uses (tests pass their own). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or null where there is none or it is refused (private modes, sandboxed frames). */
export function browserStorage(): KeyValueStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function read(storage: KeyValueStorage | null, key: string): unknown {
	try {
		const text = storage?.getItem(key);
		return text ? JSON.parse(text) : null;
	} catch {
		return null;
	}
}

/** Saving is best effort: a full or refused storage only means the choice is not kept. */
function write(storage: KeyValueStorage | null, key: string, value: unknown): void {
	try {
		storage?.setItem(key, JSON.stringify(value));
	} catch {
		// Nothing to do: the app works the same, it just forgets on reload.
	}
}

/** Kind and column choices by header signature (remember.ts), as the user last left them. */
export function loadMappings(storage: KeyValueStorage | null): Record<string, MappingChoice> {
	const stored = read(storage, MAPPINGS_KEY);
	if (typeof stored !== 'object' || stored === null) return {};
	const out: Record<string, MappingChoice> = {};
	for (const [signature, value] of Object.entries(stored)) {
		const choice = parseChoice(value);
		if (choice) out[signature] = choice;
	}
	return out;
}

export function saveMappings(storage: KeyValueStorage | null, mappings: Record<string, MappingChoice>): void {
	write(storage, MAPPINGS_KEY, mappings);
}

/** Order statuses typed by the user: trimmed, lower-cased, without blanks or repeats. */
export function normalizeStatuses(statuses: readonly string[]): string[] {
	return [...new Set(statuses.map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
}

export function loadSettings(storage: KeyValueStorage | null): DataSettings {
	const stored = read(storage, SETTINGS_KEY) as Partial<Record<keyof DataSettings, unknown>> | null;
	const settings = { ...DEFAULT_DATA_SETTINGS, excludedStatuses: [...DEFAULT_DATA_SETTINGS.excludedStatuses] };
	if (!stored || typeof stored !== 'object') return settings;
	if (typeof stored.timeZone === 'string') {
		try {
			timeZoneOffsetMinutes(stored.timeZone);
			settings.timeZone = stored.timeZone;
		} catch {
			// A zone this build cannot use: keep the default.
		}
	}
	if (Array.isArray(stored.excludedStatuses) && stored.excludedStatuses.every((s) => typeof s === 'string'))
		settings.excludedStatuses = normalizeStatuses(stored.excludedStatuses);
	return settings;
}

export function saveSettings(storage: KeyValueStorage | null, settings: DataSettings): void {
	write(storage, SETTINGS_KEY, settings);
}
