import { describe, expect, it } from 'vitest';
import { changePct, formatBytes, formatMetric, formatPercent } from '../../src/lib/format';

describe('formatMetric', () => {
	it.each([
		[851827.35, 'currency', '851,827.35'],
		[0.5673469, 'rate', '56.7%'],
		[78.857, 'pct', '78.9%'],
		[17.855, 'hours', '17.9 h'],
		[10.3445, 'days', '10.3 d'],
		[7.98, 'minutes', '8 min'],
		[1234.4, 'ms', '1,234 ms'],
		[0.0057, 'rpm', '0.0057/min'],
		[42.25, 'rpm', '42.3/min'],
		[1431, 'count', '1,431'],
		[null, 'count', '—'],
		[Number.NaN, 'pct', '—']
	] as const)('%s %s → %s', (value, unit, text) => {
		expect(formatMetric(value, unit)).toBe(text);
	});
});

describe('changePct', () => {
	it('is the relative change, and null without a baseline', () => {
		// (150 − 100) / 100 = +50 %; (50 − 100) / 100 = −50 %; against −200: (−100 − −200) / 200 = +50 %.
		expect(changePct(150, 100)).toBe(50);
		expect(changePct(50, 100)).toBe(-50);
		expect(changePct(-100, -200)).toBe(50);
		expect(changePct(5, 0)).toBeNull();
		expect(changePct(null, 3)).toBeNull();
	});
});

describe('formatBytes and formatPercent', () => {
	it('formats sizes and progress', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(142_937_607)).toBe('136 MB');
		expect(formatPercent(50, 200)).toBe('25%');
		expect(formatPercent(300, 200)).toBe('100%');
	});
});
