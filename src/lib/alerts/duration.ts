const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `"30m"`, `"4h"`, `"1d"`, `"1h30m"` (units s, m, h, d, w) in milliseconds; throws naming the bad text. */
export function parseDuration(text: string): number {
	const trimmed = typeof text === 'string' ? text.trim() : '';
	if (!/^(\d+(\.\d+)?[smhdw])+$/.test(trimmed)) throw new Error(`invalid duration ${JSON.stringify(text)} (use e.g. "30m", "4h", "1d")`);
	let ms = 0;
	for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) ms += Number(amount) * UNIT_MS[unit];
	return ms;
}
