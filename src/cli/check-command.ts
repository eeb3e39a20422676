import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dispatch, type DispatchResult } from '../lib/alerts/dispatch';
import { deliverWebhook, resolveWebhookUrl } from '../lib/alerts/deliver';
import { evaluate, type AlertEvent } from '../lib/alerts/evaluate';
import { metricInput } from '../lib/alerts/metric-input';
import { reportsForRules, type ComputeReport } from '../lib/alerts/rule-reports';
import { parseRules, type Rule } from '../lib/alerts/rules';
import { emptyState, parseState, serializeState, type AlertStateDoc } from '../lib/alerts/state-file';
import { deliveryLine, ruleLine } from '../lib/alerts/status-text';
import { NodeEngine } from '../lib/engine/node-engine';
import { findMetric, readCatalog, runMetrics } from '../lib/metrics';
import { rawTables } from '../lib/report/model';
import { buildReport, metricSettings } from '../lib/report/report';
import { readConfig, readText } from './config-file';
import { parseArgs, UsageError } from './args';
import { expandPaths, loadFiles } from './load-files';
import type { Io } from './report-command';

export const CHECK_USAGE = `crm-pulse check <files or folders...> --rules FILE [--state FILE] [--config FILE] [--from DATE --to DATE] [--channel X] [--segment X] [--reference-date DATE] [--link URL]`;

/** A lock older than this was left by a run that died; it is taken over. */
const STALE_LOCK_MS = 10 * 60_000;
const LOCK_WAIT_MS = 30_000;

/** The rules file, refused whole if one rule is invalid or an enabled rule's webhook has no usable URL. */
function readRules(path: string): Rule[] {
	let rules: Rule[];
	try {
		rules = parseRules(readText(path, 'rules file'));
	} catch (err) {
		if (err instanceof UsageError) throw err;
		throw new UsageError(`${path}: invalid rules: ${err instanceof Error ? err.message : String(err)}`);
	}
	for (const rule of rules.filter((r) => r.enabled)) {
		for (const [i, channel] of rule.channels.entries()) {
			if (channel.type !== 'webhook') continue;
			const url = resolveWebhookUrl(channel, process.env);
			if ('error' in url) throw new UsageError(`${path}: rule ${JSON.stringify(rule.id)}: channels[${i}].url: ${url.error}`);
		}
	}
	return rules;
}

function readState(path: string | undefined): AlertStateDoc {
	if (!path) return emptyState();
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
		throw new UsageError(`${path}: the state file cannot be read`);
	}
	try {
		return parseState(text);
	} catch (err) {
		throw new UsageError(`${path}: invalid state file: ${err instanceof Error ? err.message : String(err)}`);
	}
}

/** Written beside the target, then renamed over it, so a crash never leaves half a state file. */
function writeStateAtomically(path: string, doc: AlertStateDoc): void {
	const temp = `${path}.${process.pid}.tmp`;
	writeFileSync(temp, serializeState(doc));
	renameSync(temp, path);
}

/** One check at a time per state file, so two cron runs cannot both send an alert. */
async function lockState(path: string): Promise<() => void> {
	const lock = `${path}.lock`;
	const deadline = Date.now() + LOCK_WAIT_MS;
	for (;;) {
		try {
			const fd = openSync(lock, 'wx');
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			return () => unlinkSync(lock);
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`${lock}: cannot create the lock file`);
		}
		let age: number;
		try {
			age = Date.now() - statSync(lock).mtimeMs;
		} catch {
			continue; // released meanwhile
		}
		if (age > STALE_LOCK_MS) unlinkSync(lock);
		else if (Date.now() > deadline) throw new UsageError(`${path}: locked by another crm-pulse check (remove ${lock} if none is running)`);
		else await new Promise((r) => setTimeout(r, 200));
	}
}

export async function checkCommand(argv: string[], io: Io): Promise<number> {
	const { positional, flags } = parseArgs(argv, {
		values: ['rules', 'state', 'config', 'from', 'to', 'channel', 'segment', 'reference-date', 'link'],
		booleans: []
	});
	if (typeof flags.rules !== 'string') throw new UsageError('--rules FILE is required');
	const rules = readRules(flags.rules);
	const statePath = typeof flags.state === 'string' ? flags.state : undefined;
	readState(statePath);
	const config = readConfig(typeof flags.config === 'string' ? flags.config : undefined, flags);
	const paths = expandPaths(positional);
	const enabled = rules.filter((r) => r.enabled);
	if (!statePath && enabled.some((r) => r.pendingFor > 1 || r.cooldown || r.keepFiringFor))
		io.err('crm-pulse: without --state every run starts afresh: pendingFor, cooldown and keepFiringFor need it\n');

	const engine = new NodeEngine();
	try {
		await engine.ready();
		const loaded = await loadFiles(engine, paths, (line) => io.err(line + '\n'));
		const report = await buildReport(engine, loaded, config);
		const catalog = await readCatalog(engine, rawTables(report.tables));
		const compute: ComputeReport = (filters, fullIds, options) => {
			const only = [...new Set(fullIds.map((id) => findMetric(catalog, id)?.def.id).filter((id): id is string => id !== undefined))];
			return runMetrics(engine, catalog, filters, metricSettings(config), { only, breakdowns: options.breakdowns });
		};
		const inputs = await reportsForRules(enabled, { report: report.metrics, filters: config.filters ?? {} }, compute);

		const unlock = statePath ? await lockState(statePath) : () => {};
		try {
			const doc = readState(statePath);
			const now = Date.now();
			const events: AlertEvent[] = [];
			for (const rule of enabled) {
				const input = inputs.get(rule.id)!;
				const out = evaluate(rule, metricInput(rule, input.current, input.previous), doc.rules[rule.id], now);
				doc.rules[rule.id] = out.state;
				events.push(...out.events);
			}
			const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
			const results: DispatchResult[] = await dispatch(doc, enabled, events, {
				now,
				send: (channel, payload) => deliverWebhook(channel, payload, { fetch: globalThis.fetch, sleep, env: process.env }),
				payload: typeof flags.link === 'string' ? { generatorURL: flags.link } : {}
			});
			if (statePath) writeStateAtomically(statePath, doc);
			return printOutcome(rules, doc, results, io, flags.rules);
		} finally {
			unlock();
		}
	} finally {
		await engine.close();
	}
}

/** One line per rule and per delivery; exit 1 when a rule is firing, else 2 when one is in error, else 0. */
function printOutcome(rules: Rule[], doc: AlertStateDoc, results: DispatchResult[], io: Io, rulesPath: string): number {
	const width = Math.max(0, ...rules.map((r) => r.id.length));
	for (const rule of rules) {
		const state = rule.enabled ? doc.rules[rule.id] : undefined;
		io.out(ruleLine(rule, state, width) + '\n');
		for (const r of results.filter((x) => x.ruleId === rule.id)) io.out(deliveryLine(r) + '\n');
		if (state?.status === 'error') io.err(`crm-pulse: ${rulesPath}: rule ${JSON.stringify(rule.id)}: metric: ${state.note}\n`);
	}
	const states = rules.filter((r) => r.enabled).map((r) => doc.rules[r.id]?.status);
	const firing = states.filter((s) => s === 'firing').length;
	io.out(`${firing} of ${states.length} enabled rule${states.length === 1 ? '' : 's'} firing\n`);
	if (firing) return 1;
	return states.includes('error') ? 2 : 0;
}
