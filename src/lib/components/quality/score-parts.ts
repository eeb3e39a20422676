import type { Catalog } from '$lib/metrics';
import { qualityTargets } from '$lib/metrics/quality-targets';
import { SCORE_WEIGHTS, scoreComponents, type ScoreComponent } from '$lib/metrics/quality-score';

/** What each component of `quality.score` means, in the words of quality-score.ts. */
export const SCORE_TEXT: Record<ScoreComponent, { title: string; best: string; measured: string }> = {
	completeness: { title: 'Completeness', best: 'no missing cells', measured: '100 − the mean missing % over the columns' },
	uniqueness: {
		title: 'Uniqueness',
		best: 'no duplicates',
		measured: '100 − duplicate keys % (without a key: duplicate rows as % of rows)'
	},
	validity: { title: 'Validity', best: 'no invalid rows', measured: '100 − invalid rows as % of rows' },
	consistency: {
		title: 'Consistency',
		best: 'no orphans or conflicting keys',
		measured: '100 − (orphan rows + conflicting keys) as % of rows'
	},
	timeliness: {
		title: 'Timeliness',
		best: 'newest timestamp at most a day old',
		measured: '100 × (1 − (freshness days − 1) / 30), 0 after 31 days'
	}
};

export interface ScorePart {
	component: ScoreComponent;
	/** The documented weight, 0–1. */
	weight: number;
	/** Whether the component can be measured for this table; one that cannot is left out. */
	applies: boolean;
	/** The weight once the left-out components' share is spread over the others (0 when left out). */
	effective: number;
}

/** The components of one table's score, with the weights they carry for it. */
export function scoreParts(catalog: Catalog, table: string): ScorePart[] {
	const t = qualityTargets(catalog).find((x) => x.name === table);
	if (!t) throw new Error(`no quality table named ${table}`);
	const key = t.key && t.key.every((c) => t.columns.includes(c)) ? t.key : null;
	// Only which components exist matters here, not their SQL, so any "now" will do.
	const present = scoreComponents(catalog, t, key, 'NULL');
	const names = Object.keys(SCORE_WEIGHTS) as ScoreComponent[];
	const total = names.filter((n) => present[n] !== undefined).reduce((sum, n) => sum + SCORE_WEIGHTS[n], 0);
	return names.map((component) => {
		const applies = present[component] !== undefined;
		const weight = SCORE_WEIGHTS[component];
		return { component, weight, applies, effective: applies && total > 0 ? weight / total : 0 };
	});
}
