import type { Profile } from '../../../src/lib/mapping/types';

/**
 * A detection profile from a small CSV written in a test (no quoted commas): every column
 * VARCHAR, as the loader stages them, with the non-empty values as samples.
 */
export function profileOf(fileName: string, csv: string, types: Record<string, string> = {}): Profile {
	const [header, ...rows] = csv.trim().split('\n');
	const names = header.split(',');
	return {
		fileName,
		columns: names.map((name, i) => {
			const sample = rows.map((r) => r.split(',')[i] ?? '').filter((v) => v !== '');
			return {
				name,
				type: types[name] ?? 'VARCHAR',
				sample,
				distinctRatio: sample.length ? new Set(sample).size / sample.length : undefined
			};
		})
	};
}
