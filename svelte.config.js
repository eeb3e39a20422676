import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Served under a sub-path when BASE_PATH is set at build time, e.g. BASE_PATH=/crm-pulse. */
const base = process.env.BASE_PATH ?? '';
/** Where the static site is written; tests build into a folder of their own. */
const out = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: '200.html' }),
		paths: { base, relative: true },
		alias: { $workers: 'src/workers' }
	}
};
