/** A usage error: the command line is wrong. Exit code 2. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

export interface ParsedArgs {
	positional: string[];
	flags: Record<string, string | true>;
}

/** `--name value`, `--name=value` and boolean `--name` (for the names in `booleans`). */
export function parseArgs(argv: string[], known: { values: string[]; booleans: string[] }): ParsedArgs {
	const positional: string[] = [];
	const flags: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (known.booleans.includes(name)) {
			if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
			flags[name] = true;
		} else if (known.values.includes(name)) {
			const value = inline ?? argv[++i];
			if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
			flags[name] = value;
		} else throw new UsageError(`unknown option --${name}`);
	}
	return { positional, flags };
}
