import * as Plot from '@observablehq/plot';
import { ACCENT, chartDocument } from './plot-document';

export interface ValueDistributionOptions {
	/** Axis label with the unit, e.g. 'value per 30 days (currency)'. */
	label: string;
	/** 'auto' takes a log scale when all values are positive and span two orders of magnitude or more. */
	scale?: 'linear' | 'log' | 'auto';
	/** Draw and label a rule at the median. */
	median?: number | null;
	width?: number;
	height?: number;
	document?: Document;
}

const STEPS = [1, 2, 5];

/** Bin edges 1, 2, 5, 10, 20, 50, … from the last edge ≤ min to the first edge > max (min > 0). */
export function logThresholds(min: number, max: number): number[] {
	if (!(min > 0) || !(max >= min)) throw new Error(`log bins need 0 < min ≤ max, got ${min} and ${max}`);
	const edges: number[] = [];
	for (let exp = Math.floor(Math.log10(min)); ; exp++) {
		for (const step of STEPS) {
			const edge = Number((step * 10 ** exp).toPrecision(12));
			if (edge <= min) edges.length = 0;
			edges.push(edge);
			if (edge > max) return edges;
		}
	}
}

/** Whether values are better shown on a log axis. */
export function wantsLog(values: readonly number[], scale: ValueDistributionOptions['scale'] = 'auto'): boolean {
	if (scale !== 'auto') return scale === 'log';
	if (values.length < 2 || values.some((v) => v <= 0)) return false;
	return Math.max(...values) / Math.min(...values) >= 100;
}

/**
 * How many customers have a value in each bin (per-customer values: cv30, CLV, purchase cycle),
 * with the median marked; a long right tail is shown on a log axis.
 */
export function valueDistribution(values: readonly number[], o: ValueDistributionOptions): SVGSVGElement | HTMLElement {
	const data = values.filter((v) => Number.isFinite(v));
	const log = wantsLog(data, o.scale) && data.length > 0;
	const thresholds = log ? logThresholds(Math.min(...data), Math.max(...data)) : undefined;
	const median = typeof o.median === 'number' && Number.isFinite(o.median) && (!log || o.median > 0) ? o.median : null;
	return Plot.plot({
		document: chartDocument(o.document),
		width: o.width ?? 420,
		height: o.height ?? 230,
		marginLeft: 44,
		marginTop: 28,
		x: log ? { type: 'log', label: `${o.label}, log scale`, tickFormat: '~s' } : { label: o.label },
		y: { label: 'customers', grid: true },
		marks: [
			Plot.rectY(data, {
				...Plot.binX({ y: 'count' }, { x: (d: number) => d, ...(thresholds ? { thresholds } : {}) }),
				fill: ACCENT,
				insetLeft: 0.5,
				insetRight: 0.5,
				tip: true
			}),
			Plot.ruleY([0]),
			...(median === null
				? []
				: [
						Plot.ruleX([median], { stroke: '#D55E00', strokeWidth: 1.5, strokeDasharray: '4,3' }),
						Plot.text([median], { x: (d: number) => d, frameAnchor: 'top', dy: -10, fill: '#D55E00', text: () => 'median' })
					])
		]
	});
}
