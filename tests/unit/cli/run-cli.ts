import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import type { MetricsReport } from '../../../src/lib/metrics';

export interface CliResult {
	code: number;
	out: string;
	err: string;
}

/** `crm-pulse <argv>` in-process, with stdout and stderr captured. */
export async function runCli(argv: string[]): Promise<CliResult> {
	let out = '';
	let err = '';
	const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
	return { code, out, err };
}

/** `crm-pulse report <argv> --json`, which must succeed; its parsed report. */
export async function reportJson(argv: string[]): Promise<MetricsReport> {
	const r = await runCli(['report', ...argv, '--json']);
	if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.err}`);
	return JSON.parse(r.out) as MetricsReport;
}

/** A temporary folder with the given files; `remove` deletes it. */
export function tempFolder(files: Record<string, string>): { dir: string; path: (name: string) => string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'crm-pulse-cli-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Whether the readable table's text for metric `id` (thousands separators, up to 4
 * decimals, `—` for none) shows `value`. Freshness counts days up to now, so two runs
 * some seconds apart differ in it: it gets a minute's slack.
 */
export function shownValue(id: string, shown: string, value: number | null): boolean {
	if (value === null) return shown === '—';
	// Half the fourth decimal, and a hair for values such as 88.38625 rounded up.
	const slack = id.startsWith('quality.freshness_days.') ? 1 / 1440 : 0.5e-4 + 1e-9;
	return Math.abs(Number(shown.replaceAll(',', '')) - value) <= slack;
}
