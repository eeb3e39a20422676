import { readFileSync } from 'node:fs';
import { parseConfig, type ReportConfig } from '../lib/report/config';
import { UsageError } from './args';
import type { LoadedFile } from './load-files';

export function readText(path: string, what: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		throw new UsageError(`${path}: the ${what} cannot be read`);
	}
}

/** The config file (or none), with the filters and reference date given as options on top. */
export function readConfig(path: string | undefined, flags: Record<string, string | true>): ReportConfig {
	let raw: Record<string, unknown> = { version: 1 };
	if (path) {
		try {
			raw = JSON.parse(readText(path, 'config file')) as Record<string, unknown>;
		} catch (err) {
			if (err instanceof UsageError) throw err;
			throw new UsageError(`${path}: the config file is not valid JSON — ${err instanceof Error ? err.message : String(err)}`);
		}
	}
	const fail = (err: unknown) => new UsageError(`${path ?? 'options'}: ${err instanceof Error ? err.message : String(err)}`);
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		try {
			parseConfig(raw);
		} catch (err) {
			throw fail(err);
		}
	}
	const flag = (name: string) => (typeof flags[name] === 'string' ? { [name]: flags[name] } : {});
	const filters = { ...(raw.filters as object | undefined), ...flag('from'), ...flag('to'), ...flag('channel'), ...flag('segment') };
	const ref = typeof flags['reference-date'] === 'string' ? { referenceDate: flags['reference-date'] } : {};
	try {
		return parseConfig({ ...raw, filters, settings: { ...(raw.settings as object | undefined), ...ref } });
	} catch (err) {
		throw fail(err);
	}
}

/** A correction must name columns its table has; one for a table not loaded is only a warning. */
export function checkCorrections(config: ReportConfig, loaded: LoadedFile[], source: string, warn: (line: string) => void): void {
	for (const [name, entry] of Object.entries(config.tables ?? {})) {
		const table = loaded.find((t) => t.info.name === name);
		if (!table) {
			warn(`${source}: tables.${name} names no loaded table (loaded: ${loaded.map((t) => t.info.name).join(', ')})`);
			continue;
		}
		for (const [column, sourceColumn] of Object.entries(entry.mapping ?? {})) {
			if (!table.info.columns.some((c) => c.name === sourceColumn))
				throw new UsageError(
					`${source}: invalid config: tables.${name}.mapping.${column} names no column of ${table.fileName}: ${JSON.stringify(sourceColumn)}`
				);
		}
	}
}
