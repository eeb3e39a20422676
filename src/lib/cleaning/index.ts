export type { CleaningConfig, CleaningStep, FillMethod, KeepPerKey, StepCounts, TableCleaning } from './types';
export { STEP_ORDER } from './types';
export { cleanViewSql } from './clean-sql';
export { stepCountsSql } from './step-counts';
export { applyCleaning, type ApplyOptions, type CleaningCatalog } from './apply';
export { parseCleaningConfig } from './parse-config';
export { CHANNELS, DIRECTIONS, LABEL_COLUMNS, ORDER_STATUSES, RESULTS, TICKET_STATUSES, labelKey } from './labels';
