import type { DetectedFile } from '../../../src/lib/mapping/build-views';
import type { Detection } from '../../../src/lib/mapping/types';

export const UTC = { timeZone: 'UTC', excludedStatuses: [] };

/** A raw table as detected, with a hand-written mapping (so view tests do not depend on detection). */
export function file(
	rawTable: string,
	detection: Partial<Detection> & Pick<Detection, 'kind' | 'mapping'>,
	types?: Record<string, string>
): DetectedFile {
	return {
		rawTable,
		sourceFile: `${rawTable}.csv`,
		detection: { lineLevel: false, formats: {}, ...detection },
		...(types ? { types } : {})
	};
}
