import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const PAGES = ['overview', 'quality', 'process', 'customers', 'channels', 'system'] as const;

export interface CliReport {
	metrics: Record<string, number | null>;
	unavailable: Record<string, string>;
}

/** `crm-pulse report --json` over the same files and filters, run as a user would run it. */
export function cliReport(paths: string[], filters: Record<string, string> = {}): CliReport {
	const flags = Object.entries(filters).flatMap(([k, v]) => [`--${k}`, v]);
	const out = execFileSync('node', ['bin/crm-pulse.mjs', 'report', ...paths, '--json', ...flags], {
		encoding: 'utf8',
		maxBuffer: 64 << 20
	});
	return JSON.parse(out) as CliReport;
}

/** Wait until the page's metrics are computed for the current filters. */
export async function metricsSettled(page: Page): Promise<void> {
	await page.waitForFunction(
		() => {
			const status = document.querySelector('form[aria-label="Filters"] [role=status]');
			return !!status && !/Updating/.test(status.textContent ?? '') && document.querySelectorAll('[data-metric]').length > 0;
		},
		null,
		{ timeout: 120_000 }
	);
}

/** Every number the page shows, as [id, raw value or null when shown as unavailable]. */
export async function shownMetrics(page: Page): Promise<Array<[string, string | null]>> {
	return page.$$eval('[data-metric]', (els) =>
		els.map((e) => [(e as HTMLElement).dataset.metric!, (e as HTMLElement).dataset.value ?? null] as [string, string | null])
	);
}

/** Freshness is measured against the current time, which moves between the two runs. */
const CLOCK_BOUND = /^quality\.(freshness_days|score)\./;

/** Each shown number equals the command line's; each shown as unavailable is unavailable there too. */
export function expectSameNumbers(shown: Array<[string, string | null]>, cli: CliReport): number {
	let compared = 0;
	for (const [id, raw] of shown) {
		if (raw === null) {
			const base = Object.keys(cli.unavailable).find((u) => id === u || id.startsWith(`${u}.`));
			expect(base, `${id} is unavailable in the page but not in the command line`).toBeDefined();
			continue;
		}
		expect(cli.metrics, `${id} is not in the command line's report`).toHaveProperty([id]);
		const expected = cli.metrics[id];
		if (raw === '') expect(expected, id).toBeNull();
		else if (CLOCK_BOUND.test(id)) expect(Number(raw), id).toBeCloseTo(expected as number, 1);
		else expect(Number(raw), id).toBe(expected);
		compared++;
	}
	return compared;
}

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync('test-results/pages', { recursive: true });
	await page.screenshot({ path: `test-results/pages/${name}.png` });
}

/** Set the global filters through the filter bar, as a user would, and wait for the numbers. */
export async function setFilters(page: Page, filters: Record<string, string>): Promise<void> {
	const form = page.locator('form[aria-label="Filters"]');
	if (filters.from) await form.getByLabel('From').fill(filters.from);
	if (filters.to) await form.getByLabel('To').fill(filters.to);
	if (filters.channel) await form.getByLabel('Channel').selectOption(filters.channel);
	if (filters.segment) await form.getByLabel('Segment').fill(filters.segment);
	for (const [key, value] of Object.entries(filters)) await page.waitForURL((url) => url.searchParams.get(key) === value);
	await metricsSettled(page);
}
