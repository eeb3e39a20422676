import { readFileSync } from 'node:fs';
import { NodeEngine } from '../lib/engine/node-engine';
import { parseConfig, type ReportConfig } from '../lib/report/config';
import { buildReport } from '../lib/report/report';
import { parseArgs, UsageError } from './args';
import { formatReport } from './format-report';
import { expandPaths, loadFiles } from './load-files';

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
	try {
		return parseConfig(JSON.parse(text));
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
		const loaded = await loadFiles(engine, paths, (line) => io.err(line + '\n'));
		const { metrics } = await buildReport(engine, loaded, config);
		io.out(flags.json ? JSON.stringify(metrics, null, 2) + '\n' : formatReport(metrics));
		return 0;
	} finally {
		await engine.close();
	}
}
