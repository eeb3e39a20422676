import type { MappableColumn } from './auxiliary';
import type { ProfileColumn } from './types';
import { isNumericType, isTemporalType, type ValueShape } from './value-hints';

const SCORE_COLUMNS = new Set(['score', 'expected_score', 'satisfaction']);

/**
 * How well a source column's values suit a canonical column, 0..1: a header may say `Resolution
 * time`, but a column of hour counts is not a timestamp. An empty column fits by header alone, a
 * little less well.
 */
export function columnFit(target: MappableColumn, source: ProfileColumn, shape: ValueShape): number {
	const empty = shape.samples === 0;
	const temporal = isTemporalType(source.type);
	switch (target.type) {
		case 'TIMESTAMP':
			if (temporal) return 1;
			if (isNumericType(source.type)) return 0;
			if (empty) return 0.7;
			return shape.timestamp >= 0.8 ? 1 : shape.timestamp >= 0.5 ? 0.6 : 0;
		case 'DOUBLE':
		case 'BIGINT':
			if (temporal) return 0;
			if (target.name === 'status_code') return shape.httpStatus ? 1 : empty ? 0.5 : 0;
			if (empty) return 0.7;
			if (shape.numeric >= 0.8) return 1;
			if (SCORE_COLUMNS.has(target.name) && shape.scoreWord >= 0.8) return 0.9;
			return shape.numeric >= 0.5 ? 0.6 : 0.1;
		case 'BOOLEAN':
			if (empty) return 0.7;
			return shape.boolean >= 0.8 ? 1 : 0.2;
		case 'VARCHAR':
			if (temporal) return 0.2;
			if (target.name === 'email') return empty ? 0.8 : shape.email >= 0.5 ? 1 : 0.4;
			if (target.name === 'status' && shape.httpStatus) return 0.3;
			return 1;
	}
}
