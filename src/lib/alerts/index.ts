export * from './rules';
export { starterRules } from './starter-rules';
export * from './evaluate';
export { metricInput, ANOMALY_WINDOW } from './metric-input';
export { metricSeries, completePoints, type Series, type SeriesPoint } from './series';
export { comparisonPeriods, type Comparison } from './periods';
export { reportsForRules, type ComputeReport, type RuleReports } from './rule-reports';
export { backtest, type Backtest, type BacktestPoint } from './backtest';
export { buildPayload, genericPayload, slackPayload, teamsPayload, slackEscape, type PayloadContext } from './payloads';
export {
	deliverWebhook,
	describeWebhook,
	resolveWebhookUrl,
	wasSent,
	type Attempt,
	type AttemptOutcome,
	type DeliverOptions
} from './deliver';
export * from './state-file';
export { dispatch, type DispatchResult, type SendWebhook } from './dispatch';
export { robustZ, changePct, median, MAD_SCALE, MIN_ANOMALY_HISTORY } from './condition';
