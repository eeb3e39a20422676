import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { tableNameFromFile } from '../../src/lib/engine/table-name';
import { countRecords, parseCsv } from '../helpers/csv-records';
import { sharedDir } from '../helpers/shared';

/** Record counts stated in ../shared/datasets/README.md, checked independently by its authors. */
const STATED: Record<string, number> = {
	'olist_orders_dataset.csv': 8135,
	'olist_order_reviews_dataset.csv': 8225,
	'olist_order_items_dataset.csv': 8365,
	'olist_order_payments_dataset.csv': 8924,
	'olist_customers_dataset.csv': 8135,
	'olist_products_dataset.csv': 5460,
	'olist_sellers_dataset.csv': 1610,
	'product_category_name_translation.csv': 71,
	'olist_geolocation_dataset.csv': 45928
};

const dir = sharedDir('datasets', 'olist');
const engine = new NodeEngine();
beforeAll(() => engine.ready());
afterAll(() => engine.close());

describe('the nine Olist files', () => {
	it('are all there', () => {
		expect(
			readdirSync(dir)
				.filter((f) => f.endsWith('.csv'))
				.sort()
		).toEqual(Object.keys(STATED).sort());
	});

	it.each(Object.entries(STATED))('%s loads with exactly its %i records', async (file, stated) => {
		const path = join(dir, file);
		// A second, independent count: an RFC 4180 record counter over the file's text.
		expect(countRecords(readFileSync(path, 'utf8'))).toBe(stated);
		const t0 = performance.now();
		const result = await engine.load({ table: tableNameFromFile(file), source: { kind: 'path', path, name: file } });
		console.log(`${file}: ${result.table.rows} rows in ${Math.round(performance.now() - t0)} ms`);
		expect(result.table.rows).toBe(stated);
		expect(result.encoding.encoding).toBe('utf-8');
	});

	it('keeps zip codes with leading zeros as text', async () => {
		const table = (await engine.listTables()).find((t) => t.name === 'olist_customers_dataset')!;
		expect(table.columns.find((c) => c.name === 'customer_zip_code_prefix')?.type).toBe('VARCHAR');
	});

	it('keeps review comments with embedded CRLF inside one record', async () => {
		const [row] = await engine.rows(
			`SELECT count(*) AS n FROM olist_order_reviews_dataset WHERE review_comment_message LIKE '%' || chr(13) || chr(10) || '%'`
		);
		const [header, ...records] = parseCsv(readFileSync(join(dir, 'olist_order_reviews_dataset.csv'), 'utf8'));
		const column = header.indexOf('review_comment_message');
		const withCrlf = records.filter((r) => r[column].includes('\r\n')).length;
		expect(withCrlf).toBeGreaterThan(0);
		expect(row.n).toBe(withCrlf);
	});
});
