import { readFileSync } from 'node:fs';
import { NodeEngine } from '../lib/engine/node-engine';
import { parseConfig, type ReportConfig } from '../lib/report/config';
import { buildReport } from '../lib/report/report';
import { parseArgs, UsageError } from './args';
import { formatReport } from './format-report';
import { expandPaths, loadFiles, type LoadedFile } from './load-files';

export const REPORT_USAGE = `crm-pulse report <files or folders...> [--json] [--from DATE --to DATE] [--channel X] [--segment X] [--reference-date DATE] [--config FILE]`;

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
}

function readConfig(path: string | undefined): ReportConfig {
	if (!path) return { version: 1 };
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		throw new UsageError(`${path}: the config file cannot be read`);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		throw new UsageError(`${path}: the config file is not valid JSON — ${err instanceof Error ? err.message : String(err)}`);
	}
	try {
		return parseConfig(json);
	} catch (err) {
		throw new UsageError(`${path}: ${err instanceof Error ? err.message : String(err)}`);
	}
}

/** Options on the command line override the config file's filters and reference date. */
function withFlags(config: ReportConfig, flags: Record<string, string | true>): ReportConfig {
	const value = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
	const merged = parseConfig({
		...config,
		filters: {
			...config.filters,
			...(value('from') !== undefined ? { from: value('from') } : {}),
			...(value('to') !== undefined ? { to: value('to') } : {}),
			...(value('channel') !== undefined ? { channel: value('channel') } : {}),
			...(value('segment') !== undefined ? { segment: value('segment') } : {})
		},
		settings: { ...config.settings, ...(value('reference-date') !== undefined ? { referenceDate: value('reference-date') } : {}) }
	});
	return merged;
}

/** A correction must name columns its table has; one for a table not loaded is only a warning. */
function checkCorrections(config: ReportConfig, loaded: LoadedFile[], source: string, warn: (line: string) => void): void {
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

export async function reportCommand(argv: string[], io: Io): Promise<number> {
	const { positional, flags } = parseArgs(argv, {
		values: ['from', 'to', 'channel', 'segment', 'reference-date', 'config'],
		booleans: ['json']
	});
	let config: ReportConfig;
	try {
		config = withFlags(readConfig(flags.config as string | undefined), flags);
	} catch (err) {
		throw err instanceof UsageError ? err : new UsageError(err instanceof Error ? err.message : String(err));
	}
	const paths = expandPaths(positional);
	const engine = new NodeEngine();
	try {
		await engine.ready();
		const warn = (line: string) => io.err(line + '\n');
		const loaded = await loadFiles(engine, paths, warn);
		checkCorrections(config, loaded, typeof flags.config === 'string' ? flags.config : 'config', warn);
		const { metrics } = await buildReport(engine, loaded, config);
		io.out(flags.json ? JSON.stringify(metrics, null, 2) + '\n' : formatReport(metrics));
		return 0;
	} finally {
		await engine.close();
	}
}
