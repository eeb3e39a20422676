import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import pkg from '../package.json' with { type: 'json' };

/** The native-DuckDB reference, bundled for Node from bench/native (it imports the app's TypeScript metric library). */
const deps = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...deps];

export default defineConfig({
	build: {
		ssr: 'bench/native/main.ts',
		outDir: 'bench-results/native-build',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		rollupOptions: {
			external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
			output: { format: 'es', entryFileNames: 'main.js' }
		}
	}
});
