// `crm-pulse check` in-process over sample-data, delivering to a real receiver on 127.0.0.1.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../helpers/csv-records';
import { startReceiver } from '../alerts/receiver';
import { runCli, tempFolder } from './run-cli';

const DATA = fileURLToPath(new URL('../../../sample-data/', import.meta.url));

/** value.csat_pct from feedback.csv, independently of the engine: scores of 4 or 5 / all scores × 100. */
function sampleCsat(): number {
	const [header, ...records] = parseCsv(readFileSync(DATA + 'feedback.csv', 'utf8'));
	const i = header.indexOf('score');
	const scores = records.map((r) => Number(r[i])).filter((s) => s >= 1 && s <= 5);
	return (scores.filter((s) => s >= 4).length / scores.length) * 100;
}

const csat = sampleCsat();
const folder = tempFolder({});
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
	receiver = await startReceiver();
	process.env.CRM_PULSE_TEST_HOOK = `${receiver.url}/now`;
});
afterAll(async () => {
	delete process.env.CRM_PULSE_TEST_HOOK;
	await receiver.close();
	folder.remove();
});

function rulesFile(name: string, rules: unknown[]): string {
	writeFileSync(folder.path(name), JSON.stringify({ version: 1, rules }));
	return folder.path(name);
}

const csatRule = (over: object) => ({ metric: 'value.csat_pct', op: '<', severity: 'warning', ...over });

describe('crm-pulse check over sample-data', () => {
	it('the sample CSAT lies between two whole numbers, so one rule fires and one does not', () => {
		// 552 of 700 scores are 4 or 5: 78.857…
		expect(Math.floor(csat)).toBe(78);
		expect(Math.ceil(csat)).toBe(79);
	});

	const state = () => folder.path('state.json');
	const fine = csatRule({ id: 'csat-fine', threshold: Math.floor(csat) });
	const pending = csatRule({ id: 'csat-pending', name: 'CSAT below 79', threshold: Math.ceil(csat), pendingFor: 2 });
	const now = csatRule({ id: 'csat-now', name: 'CSAT < 79 & falling', threshold: Math.ceil(csat), severity: 'critical' });

	it('first run: a rule that does not fire and a pendingFor 2 rule that is pending: exit 0, nothing sent', async () => {
		const rules = rulesFile('first.json', [
			{ ...fine, channels: [{ type: 'webhook', url: `${receiver.url}/fine`, format: 'generic' }] },
			{ ...pending, channels: [{ type: 'webhook', url: `${receiver.url}/pending`, format: 'slack' }] }
		]);
		const r = await runCli(['check', DATA, '--rules', rules, '--state', state()]);
		expect(r.err).toBe('');
		expect(r.code).toBe(0);
		expect(receiver.received).toHaveLength(0);
		expect(r.out).toMatch(/^ok +csat-fine +value\.csat_pct = 78\.86 \(condition < 78\)$/m);
		expect(r.out).toMatch(/^pending +csat-pending +value\.csat_pct = 78\.86 \(condition < 79, 1 of 2 evaluations\)$/m);
		expect(r.out).toContain('0 of 2 enabled rules firing');
		const doc = JSON.parse(readFileSync(state(), 'utf8'));
		expect(doc.rules['csat-pending']).toMatchObject({ status: 'pending', streak: 1 });
		expect(doc.sent).toEqual([]);
	}, 120_000);

	it('second run: the pending rule fires and a new rule fires at once: exit 1, one webhook each', async () => {
		const rules = rulesFile('second.json', [
			{ ...fine, channels: [{ type: 'webhook', url: `${receiver.url}/fine`, format: 'generic' }] },
			{ ...pending, channels: [{ type: 'webhook', url: `${receiver.url}/pending`, format: 'slack' }] },
			{ ...now, channels: [{ type: 'browser' }, { type: 'webhook', url: 'env:CRM_PULSE_TEST_HOOK', format: 'generic' }] }
		]);
		const r = await runCli(['check', DATA, '--rules', rules, '--state', state(), '--link', 'https://pulse.example/?sample']);
		expect(r.err).toBe('');
		expect(r.code).toBe(1);
		expect(receiver.received.map((x) => x.path).sort()).toEqual(['/hook/now', '/hook/pending']);

		const generic = JSON.parse(receiver.received.find((x) => x.path === '/hook/now')!.body);
		const fingerprint = generic.alerts[0].fingerprint as string;
		expect(fingerprint).toMatch(/^csat-now:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(generic).toEqual({
			status: 'firing',
			alerts: [
				{
					status: 'firing',
					labels: { alertname: 'CSAT < 79 & falling', severity: 'critical', metric: 'value.csat_pct', rule_id: 'csat-now' },
					annotations: {
						summary: 'Firing: CSAT < 79 & falling — value.csat_pct is 78.86 (condition < 79)',
						description: `Rule csat-now (critical) firing since ${fingerprint.slice('csat-now:'.length)}: value.csat_pct is 78.86, condition < 79.`
					},
					startsAt: fingerprint.slice('csat-now:'.length),
					endsAt: '0001-01-01T00:00:00Z',
					generatorURL: 'https://pulse.example/?sample',
					value: expect.closeTo(csat, 9),
					threshold: 79,
					fingerprint
				}
			]
		});
		const slack = JSON.parse(receiver.received.find((x) => x.path === '/hook/pending')!.body);
		expect(slack.text).toBe('Firing: CSAT below 79 — value.csat_pct is 78.86 (condition &lt; 79)');

		expect(r.out).toMatch(/^firing +csat-pending +value\.csat_pct = 78\.86 \(condition < 79\)$/m);
		expect(r.out).toMatch(/^firing +csat-now +/m);
		expect(r.out).toMatch(/^ {2}→ firing csat-now: generic webhook from env:CRM_PULSE_TEST_HOOK: sent \(HTTP 200, 1 attempt\)$/m);
		expect(r.out).toMatch(/^ {2}→ firing csat-pending: slack webhook to 127\.0\.0\.1:\d+: sent \(HTTP 200, 1 attempt\)$/m);
		expect(r.out).toContain('2 of 3 enabled rules firing');
	}, 120_000);

	it('third run: still firing (exit 1), nothing sent again; the state file keeps the fingerprints', async () => {
		const r = await runCli(['check', DATA, '--rules', folder.path('second.json'), '--state', state()]);
		expect(r.code).toBe(1);
		expect(receiver.received).toHaveLength(2);
		expect(r.out).not.toContain('→');
		const doc = JSON.parse(readFileSync(state(), 'utf8'));
		expect(doc.sent).toHaveLength(2);
		expect(doc.sent.every((k: string) => /^csat-(now|pending):.*\/firing#\d$/.test(k))).toBe(true);
		expect(doc.history.map((h: { ruleId: string; type: string }) => `${h.ruleId} ${h.type}`).sort()).toEqual([
			'csat-now firing',
			'csat-pending firing'
		]);
		// Written through a temporary file and renamed; the lock is gone.
		expect(readdirSync(folder.dir).filter((f) => f.startsWith('state.json'))).toEqual(['state.json']);
	}, 120_000);
});

describe('crm-pulse check over a small orders file', () => {
	it('a metric the loaded tables cannot give is no-data (exit 0); an id no metric has is an error (exit 2)', async () => {
		writeFileSync(
			folder.path('orders.csv'),
			'order_id,customer_id,amount,ordered_at\nO1,C1,10,2025-01-01 10:00:00\nO2,C2,30,2025-01-02 10:00:00\n'
		);
		const noVisits = rulesFile('no-visits.json', [{ id: 'uptime', metric: 'system.availability_pct', op: '<', threshold: 99.5 }]);
		const quiet = await runCli(['check', folder.path('orders.csv'), '--rules', noVisits]);
		expect(quiet.code).toBe(0);
		expect(quiet.out).toMatch(/^no-data +uptime +system\.availability_pct — system\.availability_pct unavailable: .*visits/m);

		const typo = rulesFile('typo.json', [
			{ id: 'revenue', metric: 'behaviour.revenue', op: '>', threshold: 39 }, // 10 + 30 = 40
			{ id: 'typo', metric: 'behaviour.revenu', op: '>', threshold: 0 }
		]);
		const r = await runCli(['check', folder.path('orders.csv'), '--rules', typo]);
		expect(r.out).toMatch(/^firing +revenue +behaviour\.revenue = 40 \(condition > 39\)$/m);
		expect(r.out).toMatch(/^error +typo +behaviour\.revenu — unknown metric behaviour\.revenu/m);
		expect(r.err).toBe(
			`crm-pulse: ${typo}: rule "typo": metric: unknown metric behaviour.revenu (not in the catalogue for the loaded tables)\n`
		);
		// Firing wins over the error in the exit code; without it the error gives 2.
		expect(r.code).toBe(1);
		const onlyTypo = rulesFile('only-typo.json', [{ id: 'typo', metric: 'behaviour.revenu', op: '>', threshold: 0 }]);
		expect((await runCli(['check', folder.path('orders.csv'), '--rules', onlyTypo])).code).toBe(2);
	}, 120_000);
});

describe('crm-pulse check refuses bad input with exit 2', () => {
	async function refused(argv: string[], ...names: string[]) {
		const r = await runCli(['check', DATA, ...argv]);
		expect(r.code).toBe(2);
		for (const name of names) expect(r.err).toContain(name);
		expect(r.err).not.toMatch(/^\s+at /m);
		return r.err;
	}

	it('an invalid rule, named with its field and value', async () => {
		const bad = rulesFile('bad.json', [csatRule({ id: 'ok', threshold: 80 }), csatRule({ id: 'slow', threshold: '48' })]);
		const err = await refused(['--rules', bad], bad, 'rule "slow"', 'threshold', '"48"');
		expect(err.split('\n')[0]).toBe(`crm-pulse: ${bad}: invalid rules: rule "slow": threshold must be a number, not "48"`);
	});

	it('no --rules, a missing rules file, rules that are not JSON', async () => {
		await refused([], '--rules FILE is required');
		await refused(['--rules', folder.path('nope.json')], folder.path('nope.json'), 'cannot be read');
		writeFileSync(folder.path('broken.json'), '{"version": 1,');
		await refused(['--rules', folder.path('broken.json')], folder.path('broken.json'), 'not valid JSON');
	});

	it('an enabled webhook whose env:NAME is not set, or that has no URL', async () => {
		const unset = rulesFile('unset.json', [
			csatRule({ id: 'hook', threshold: 80, channels: [{ type: 'webhook', url: 'env:CRM_PULSE_NOT_SET' }] })
		]);
		await refused(['--rules', unset], 'rule "hook"', 'channels[0].url', 'environment variable CRM_PULSE_NOT_SET is not set');
		const noUrl = rulesFile('no-url.json', [csatRule({ id: 'hook', threshold: 80, channels: [{ type: 'webhook', format: 'slack' }] })]);
		await refused(['--rules', noUrl], 'rule "hook"', 'channels[0].url', 'no url');
	});

	it('a state file that is not a state', async () => {
		const rules = rulesFile('plain.json', [csatRule({ id: 'plain', threshold: 80 })]);
		writeFileSync(folder.path('bad-state.json'), JSON.stringify({ version: 1, rules: { plain: { status: 'burning' } } }));
		await refused(
			['--rules', rules, '--state', folder.path('bad-state.json')],
			folder.path('bad-state.json'),
			'rules.plain is not a rule state'
		);
	});
});
