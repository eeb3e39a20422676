import { describe, expect, it } from 'vitest';
import { parseDuration, parseRules, serializeRules } from '../../../src/lib/alerts/rules';
import { starterRules } from '../../../src/lib/alerts/starter-rules';

describe('parseDuration', () => {
	it.each([
		['30s', 30_000],
		['30m', 30 * 60_000],
		['4h', 4 * 3_600_000],
		['1d', 86_400_000],
		['1w', 7 * 86_400_000],
		['1h30m', 90 * 60_000],
		['0m', 0],
		['1.5h', 90 * 60_000]
	])('%s = %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

	it.each(['', '4', '4 hours', 'h', '-1h', '1y'])('refuses %j, naming it', (text) => {
		expect(() => parseDuration(text)).toThrow(`invalid duration ${JSON.stringify(text)}`);
	});
});

const DESIGN_EXAMPLE = {
	version: 1,
	rules: [
		{
			id: 'slow-tickets',
			name: 'Ticket resolution p90 above 48 h',
			metric: 'process.ticket_resolution_hours.p90',
			op: '>',
			threshold: 48,
			pendingFor: 1,
			cooldown: '4h',
			severity: 'warning',
			channels: [{ type: 'webhook', url: 'https://hooks.example/x', format: 'generic' }]
		}
	]
};

describe('parseRules and serializeRules', () => {
	it('reads the example of DESIGN.md §4, filling in the defaults', () => {
		expect(parseRules(JSON.stringify(DESIGN_EXAMPLE))).toEqual([
			{
				...DESIGN_EXAMPLE.rules[0],
				enabled: true,
				onResolve: true
			}
		]);
	});

	it('an anomaly rule without a threshold uses 3.5; a webhook without a format is generic; a missing name is the id', () => {
		const [rule] = parseRules({
			version: 1,
			rules: [{ id: 'odd-revenue', metric: 'behaviour.revenue', op: 'anomaly', channels: [{ type: 'webhook', url: 'env:HOOK' }] }]
		});
		expect(rule).toMatchObject({
			name: 'odd-revenue',
			threshold: 3.5,
			pendingFor: 1,
			severity: 'warning',
			channels: [{ type: 'webhook', url: 'env:HOOK', format: 'generic' }]
		});
	});

	it('keeps unknown fields of rules and channels through a round trip', () => {
		const doc = {
			version: 1,
			rules: [
				{
					...DESIGN_EXAMPLE.rules[0],
					filters: { channel: 'web', from: '2025-01-01' },
					owner: 'ops',
					labels: { team: 'support' },
					channels: [
						{ type: 'browser', sound: true },
						{ type: 'webhook', url: 'https://hooks.example/x', format: 'slack', mention: '@here' }
					]
				}
			]
		};
		const rules = parseRules(doc);
		expect(rules[0].extra).toEqual({ owner: 'ops', labels: { team: 'support' } });
		const text = serializeRules(rules, { includeSecrets: true });
		const again = JSON.parse(text);
		expect(again.rules[0]).toMatchObject({ owner: 'ops', labels: { team: 'support' }, filters: { channel: 'web', from: '2025-01-01' } });
		expect(again.rules[0].channels).toEqual([
			{ type: 'browser', sound: true },
			{ type: 'webhook', url: 'https://hooks.example/x', format: 'slack', mention: '@here' }
		]);
		expect(parseRules(text)).toEqual(rules);
	});

	it('leaves webhook URLs out unless secrets are included; env:NAME names no secret and stays', () => {
		const rules = parseRules({
			version: 1,
			rules: [
				{
					...DESIGN_EXAMPLE.rules[0],
					channels: [
						{ type: 'webhook', url: 'https://hooks.slack.com/services/T0/B0/secret', format: 'slack' },
						{ type: 'webhook', url: 'env:TEAMS_URL', format: 'teams' }
					]
				}
			]
		});
		const without = serializeRules(rules);
		expect(without).not.toContain('hooks.slack.com');
		expect(JSON.parse(without).rules[0].channels).toEqual([
			{ type: 'webhook', format: 'slack' },
			{ type: 'webhook', url: 'env:TEAMS_URL', format: 'teams' }
		]);
		// Read back, the webhook has no URL: the user must give it again.
		expect(parseRules(without)[0].channels[0]).toEqual({ type: 'webhook', format: 'slack' });
		expect(JSON.parse(serializeRules(rules, { includeSecrets: true })).rules[0].channels[0].url).toBe(
			'https://hooks.slack.com/services/T0/B0/secret'
		);
	});
});

describe('starter rules', () => {
	it('are the six of the issue, all off, valid and stable through export and import', () => {
		const rules = starterRules();
		expect(rules.map((r) => [r.metric, r.op, r.threshold])).toEqual([
			['quality.duplicate_keys_pct.orders', '>', 1],
			['process.order_processing_hours.p90', '>', 48],
			['process.ticket_resolution_hours.p90', '>', 48],
			['value.csat_pct', '<', 80],
			['system.availability_pct', '<', 99.5],
			['behaviour.revenue', 'change_pct_lt', -20]
		]);
		expect(rules.every((r) => !r.enabled)).toBe(true);
		expect(parseRules(serializeRules(rules))).toEqual(rules);
	});

	it('take the ticket threshold from the SLA setting', () => {
		const ticket = starterRules({ slaHours: 24 }).find((r) => r.metric === 'process.ticket_resolution_hours.p90')!;
		expect(ticket.threshold).toBe(24);
		expect(ticket.name).toContain('24 h');
	});
});

/** parseRules must refuse `rule` with a message naming the rule, the field and the bad value. */
function refused(rule: unknown, ...names: string[]): string {
	let message = '';
	try {
		parseRules({ version: 1, rules: [{ id: 'ok', metric: 'value.csat_pct', op: '<', threshold: 80 }, rule] });
	} catch (err) {
		message = (err as Error).message;
	}
	for (const name of names) expect(message).toContain(name);
	return message;
}

const good = { id: 'bad', metric: 'value.csat_pct', op: '<', threshold: 80 };

describe('parseRules refuses invalid rules, naming the rule, the field and the value', () => {
	it.each([
		[{ ...good, threshold: '48' }, 'threshold', '"48"'],
		[{ ...good, threshold: undefined }, 'threshold', 'missing'],
		[{ ...good, op: 'gt' }, 'op', '"gt"'],
		[{ ...good, metric: 'csat' }, 'metric', '"csat"'],
		[{ ...good, metric: undefined }, 'metric', 'missing'],
		[{ ...good, pendingFor: 0 }, 'pendingFor', '0'],
		[{ ...good, pendingFor: 1.5 }, 'pendingFor', '1.5'],
		[{ ...good, cooldown: '4 hours' }, 'cooldown', '"4 hours"'],
		[{ ...good, keepFiringFor: 30 }, 'keepFiringFor', '30'],
		[{ ...good, severity: 'high' }, 'severity', '"high"'],
		[{ ...good, enabled: 'yes' }, 'enabled', '"yes"'],
		[{ ...good, onResolve: 1 }, 'onResolve', '1'],
		[{ ...good, channels: {} }, 'channels', '{}'],
		[{ ...good, channels: [{ type: 'email' }] }, 'channels[0].type', '"email"'],
		[{ ...good, channels: [{ type: 'webhook', url: 'ftp://x', format: 'generic' }] }, 'channels[0].url', '"ftp://x"'],
		[
			{ ...good, channels: [{ type: 'browser' }, { type: 'webhook', url: 'https://x', format: 'discord' }] },
			'channels[1].format',
			'"discord"'
		],
		[{ ...good, filters: { from: '2025-13-01' } }, 'filters.from', '"2025-13-01"'],
		[{ ...good, filters: { region: 'EU' } }, 'filters.region', '"EU"'],
		[{ ...good, minBaseline: 10 }, 'minBaseline', '10'],
		[{ ...good, op: 'change_pct_lt', threshold: -20, minBaseline: -1 }, 'minBaseline', '-1'],
		[{ ...good, op: 'anomaly', threshold: 0 }, 'threshold', '0']
	])('%j → names %s', (rule, field, value) => {
		const message = refused(rule, 'rule "bad"', field, value);
		expect(message).toMatch(/^rule "bad": /);
	});

	it('a rule without an id is named by its position', () => {
		expect(refused({ metric: 'value.csat_pct', op: '<', threshold: 80 }, 'rule #2', 'id', 'missing')).toBe(
			'rule #2: id must be a non-empty string without spaces, not missing'
		);
		expect(refused('slow', 'rule #2')).toBe('rule #2: must be an object, not "slow"');
	});

	it('two rules with one id, a wrong version, no rules list, text that is not JSON', () => {
		expect(refused({ ...good, id: 'ok' }, 'rule "ok"', 'id')).toBe('rule "ok": id is used by two rules');
		expect(() => parseRules({ version: 2, rules: [] })).toThrow('version must be 1, not 2');
		expect(() => parseRules({ version: 1 })).toThrow('rules must be a list, not missing');
		expect(() => parseRules('{"version": 1,')).toThrow(/^not valid JSON/);
	});
});
