import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of real data beside the checkout. Tests over it fail, never skip, when it is absent. */
export function sharedDir(...parts: string[]): string {
	const root = resolve(process.cwd(), '..', 'shared');
	if (!existsSync(root))
		throw new Error(`../shared is missing (looked in ${root}): npm run test:real needs the shared data beside the checkout`);
	const path = resolve(root, ...parts);
	if (!existsSync(path)) throw new Error(`missing shared data: ${path}`);
	return path;
}
