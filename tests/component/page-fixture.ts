import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import type { NodeEngine } from '../../src/lib/engine/node-engine';
import type { TableInfo } from '../../src/lib/engine/engine';
import { tableNameFromFile } from '../../src/lib/engine/table-name';
import type { MetricsReport } from '../../src/lib/metrics';
import type { ReportConfig } from '../../src/lib/report/config';
import { buildReport } from '../../src/lib/report/report';
import { dashboardContext } from '../../src/lib/state/dashboard-context';
import { FilterState } from '../../src/lib/state/filters.svelte';
import { MetricsState } from '../../src/lib/state/metrics.svelte';

/** Load the files through the app's pipeline and compute the report the pages show. */
export async function reportOf(engine: NodeEngine, paths: string[], config: ReportConfig = { version: 1 }): Promise<MetricsReport> {
	await engine.ready();
	const tables: Array<{ info: TableInfo; fileName: string }> = [];
	for (const path of paths) {
		const name = path.slice(path.lastIndexOf('/') + 1);
		const { table } = await engine.load({ table: tableNameFromFile(name), source: { kind: 'path', path, name } });
		tables.push({ info: table, fileName: name });
	}
	return (await buildReport(engine, tables, config)).metrics;
}

/** Mount an analytic page with `report` as the dashboard's current report (no previous period). */
export function mountPage(page: Component, report: MetricsReport) {
	const filters = new FilterState({ read: () => new URL('http://x/'), write: () => {} });
	const metrics = new MetricsState(new Promise(() => {}));
	const previous = new MetricsState(new Promise(() => {}));
	metrics.report = report;
	return render(page, { context: dashboardContext({ filters, metrics, previous }) });
}
