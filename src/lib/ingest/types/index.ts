export type { ColumnFlag, ColumnFormat, ColumnHint, ColumnPlan, ColumnStats, ColumnType } from './plan';
export { NULL_TOKENS } from './patterns';
export { columnStatsSql, readColumnStats } from './stats-sql';
export { decideColumnType, decideColumnTypes } from './decide';
export { headerSuggestsDate } from './header-hints';
export { castExpression, createTypedTableSql, type CastOptions } from './cast-sql';
