import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';

/** In CI each run also writes a JSON report, summed into one closing line by .ci/summary.mjs. */
const reportDir = process.env.TEST_REPORT_DIR;
const reporters = reportDir
	? ['default', ['json', { outputFile: `${reportDir}/vitest-${process.pid}.json` }] as [string, object]]
	: ['default'];

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		reporters,
		projects: [
			{
				extends: true,
				test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 }
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['tests/component/**/*.test.ts'],
					setupFiles: ['tests/component/setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: { name: 'real', environment: 'node', include: ['tests/real/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 }
			},
			{
				extends: true,
				test: {
					name: 'e2e-real',
					environment: 'node',
					include: ['tests/e2e-real/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 180_000,
					hookTimeout: 300_000,
					fileParallelism: false
				}
			}
		]
	}
});
