import { execFileSync } from 'node:child_process';
import type { AddressInfo, Server } from 'node:net';
import type { TestProject } from 'vitest/node';
import { serveSite } from '../../scripts/serve.mjs';

/** The end-to-end tests run the built site, served under a sub-path, as a host would serve it. */
export const E2E_BASE = '/crm-pulse/app';
const BUILD_DIR = '.e2e/build';

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
	}
}

export default async function setup(project: TestProject) {
	// The command line too: the pages' numbers are checked against `crm-pulse report --json`.
	execFileSync('npm', ['run', 'build:cli'], { stdio: 'inherit' });
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		env: { ...process.env, BASE_PATH: E2E_BASE, BUILD_DIR },
		stdio: 'inherit'
	});
	const server = (await serveSite({ dir: BUILD_DIR, base: E2E_BASE })) as Server;
	const { port } = server.address() as AddressInfo;
	project.provide('siteUrl', `http://127.0.0.1:${port}${E2E_BASE}/`);
	return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
