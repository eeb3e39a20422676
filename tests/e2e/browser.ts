import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface App {
	page: Page;
	context: BrowserContext;
	/** Every URL the browser asked for, workers included. */
	requests: string[];
	/** Uncaught errors in the page. */
	pageErrors: string[];
	url(path?: string): string;
	close(): Promise<void>;
}

/** Open the built site in a fresh Chromium profile, recording every request it makes. */
export async function openApp(path = ''): Promise<App> {
	const profile = mkdtempSync(join(tmpdir(), 'crm-pulse-e2e-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: ARGS
	});
	const requests: string[] = [];
	const pageErrors: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (e) => pageErrors.push(e.message));
	const site = inject('siteUrl');
	const url = (p = '') => new URL(p, site).toString();
	await page.goto(url(path));
	return {
		page,
		context,
		requests,
		pageErrors,
		url,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Fails if any request went anywhere but the site on 127.0.0.1. */
export function expectOnlyLocalRequests(app: App): void {
	const foreign = app.requests.filter((u) => {
		const { protocol, hostname } = new URL(u);
		if (protocol === 'data:' || protocol === 'blob:') return false;
		return hostname !== '127.0.0.1';
	});
	expect(foreign).toEqual([]);
	expect(app.requests.length).toBeGreaterThan(0);
}

export async function engineReady(page: Page): Promise<void> {
	await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
}

/** The table list as [name, rows] pairs, read from the test contract attributes. */
export async function listedTables(page: Page): Promise<Array<[string, number]>> {
	return page.$$eval('[data-table]', (els) =>
		els.map((e) => [(e as HTMLElement).dataset.table!, Number((e as HTMLElement).dataset.rows)] as [string, number])
	);
}
