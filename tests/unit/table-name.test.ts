import { describe, expect, it } from 'vitest';
import { tableNameFromFile } from '../../src/lib/engine/table-name';

describe('tableNameFromFile', () => {
	it.each([
		['olist_orders_dataset.csv', 'olist_orders_dataset'],
		['Olist Orders (2024).CSV', 'olist_orders_2024'],
		['C:\\exports\\tickets.tsv', 'tickets'],
		['/tmp/工单 导出.csv', '工单_导出'],
		['2024-orders.csv', 't_2024_orders'],
		['---.csv', 'table']
	])('%s → %s', (file, name) => {
		expect(tableNameFromFile(file)).toBe(name);
	});
});
