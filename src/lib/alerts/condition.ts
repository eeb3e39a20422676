import type { Op } from './rules';

/** The robust z-score scale of DESIGN.md §3: 1.4826 × MAD estimates σ for normal data. */
export const MAD_SCALE = 1.4826;
/** An anomaly rule needs at least this many earlier values to compare with. */
export const MIN_ANOMALY_HISTORY = 5;

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** z = (x − median) / (1.4826 × MAD) over `history`; null when the MAD is 0 (no spread to measure against). */
export function robustZ(x: number, history: readonly number[]): number | null {
	const m = median(history);
	const mad = median(history.map((v) => Math.abs(v - m)));
	return mad === 0 ? null : (x - m) / (MAD_SCALE * mad);
}

/** (value − previous) / |previous| × 100; null when previous is 0. */
export function changePct(value: number, previous: number): number | null {
	return previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100;
}

/** Whether `observed` breaks the threshold under `op` (`change_pct_*` and `anomaly` compare the change or |z|). */
export function breaks(op: Op, observed: number, threshold: number): boolean {
	switch (op) {
		case '>':
		case 'change_pct_gt':
			return observed > threshold;
		case '>=':
			return observed >= threshold;
		case '<':
		case 'change_pct_lt':
			return observed < threshold;
		case '<=':
			return observed <= threshold;
		case '==':
			return observed === threshold;
		case '!=':
			return observed !== threshold;
		case 'anomaly':
			return Math.abs(observed) > threshold;
	}
}
