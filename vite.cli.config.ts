import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

/** The command line, bundled for Node from src/cli (Node 20 does not run TypeScript). */
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)];

export default defineConfig({
	build: {
		ssr: 'src/cli/main.ts',
		outDir: 'dist/cli',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		rollupOptions: {
			external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
			output: { format: 'es', entryFileNames: 'main.js' }
		}
	}
});
