import { UsageError } from './args';
import { CHECK_USAGE, checkCommand } from './check-command';
import { REPORT_USAGE, reportCommand, type Io } from './report-command';

const USAGE = `usage:\n  ${REPORT_USAGE}\n  ${CHECK_USAGE}\n`;

/** The command line: returns the exit code (0 done, 1 an alert rule is firing, 2 bad input or configuration). */
export async function run(
	argv: string[],
	io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }
): Promise<number> {
	const [command, ...rest] = argv;
	try {
		if (command === 'report') return await reportCommand(rest, io);
		if (command === 'check') return await checkCommand(rest, io);
		if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
			io.out(USAGE);
			return command === undefined ? 2 : 0;
		}
		throw new UsageError(`unknown command ${JSON.stringify(command)}`);
	} catch (err) {
		if (err instanceof UsageError) {
			io.err(`crm-pulse: ${err.message}\n${USAGE}`);
			return 2;
		}
		io.err(`crm-pulse: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
		return 2;
	}
}
