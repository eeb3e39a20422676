import { NodeEngine } from '../lib/engine/node-engine';
import { buildReport } from '../lib/report/report';
import { parseArgs } from './args';
import { checkCorrections, readConfig } from './config-file';
import { formatReport } from './format-report';
import { expandPaths, loadFiles } from './load-files';

export const REPORT_USAGE = `crm-pulse report <files or folders...> [--json] [--from DATE --to DATE] [--channel X] [--segment X] [--reference-date DATE] [--config FILE]`;

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
}

export async function reportCommand(argv: string[], io: Io): Promise<number> {
	const { positional, flags } = parseArgs(argv, {
		values: ['from', 'to', 'channel', 'segment', 'reference-date', 'config'],
		booleans: ['json']
	});
	const config = readConfig(flags.config as string | undefined, flags);
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
