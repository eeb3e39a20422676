// Sums the JSON reports vitest wrote (TEST_REPORT_DIR) into one closing line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
	const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
	passed += report.numPassedTests ?? 0;
	failed += report.numFailedTests ?? 0;
	// A file whose set-up failed has no failed test of its own: count the file.
	if (!report.success && !report.numFailedTests) failed += report.numFailedTestSuites || 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
