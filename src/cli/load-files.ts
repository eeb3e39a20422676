import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TableInfo } from '../lib/engine/engine';
import type { NodeEngine } from '../lib/engine/node-engine';
import { tableNameFromFile } from '../lib/engine/table-name';
import { UsageError } from './args';

const CSV_LIKE = /\.(csv|tsv|txt)$/i;

/** The files named on the command line; a folder stands for the CSV files directly in it. */
export function expandPaths(paths: string[]): string[] {
	if (!paths.length) throw new UsageError('no files given');
	return paths.flatMap((path) => {
		let stat;
		try {
			stat = statSync(path);
		} catch {
			throw new UsageError(`${path}: no such file or folder`);
		}
		if (!stat.isDirectory()) return [path];
		const files = readdirSync(path)
			.filter((f) => CSV_LIKE.test(f))
			.sort()
			.map((f) => join(path, f));
		if (!files.length) throw new UsageError(`${path}: the folder holds no .csv, .tsv or .txt files`);
		return files;
	});
}

export interface LoadedFile {
	info: TableInfo;
	fileName: string;
	rejected: number;
}

/** Load each file through the same pipeline as the browser; a file that cannot be loaded is a usage error naming it. */
export async function loadFiles(engine: NodeEngine, paths: string[], warn: (line: string) => void): Promise<LoadedFile[]> {
	const loaded = new Map<string, LoadedFile>();
	for (const path of paths) {
		const name = basename(path);
		const table = tableNameFromFile(name);
		try {
			const result = await engine.load({ table, source: { kind: 'path', path, name } });
			if (loaded.has(table)) warn(`${name}: replaces ${loaded.get(table)!.fileName} (both load as table ${table})`);
			if (result.report.rejectedCount) {
				const first = result.report.rejected[0];
				warn(`${name}: ${result.report.rejectedCount} line(s) rejected, first at line ${first.line}: ${first.reason}`);
			}
			loaded.set(table, { info: result.table, fileName: name, rejected: result.report.rejectedCount });
		} catch (err) {
			throw new UsageError(`${path}: could not be loaded — ${err instanceof Error ? err.message : String(err)}`);
		}
	}
	return [...loaded.values()];
}
