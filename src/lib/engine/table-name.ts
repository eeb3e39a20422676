/**
 * A table name from a file name: `Olist Orders (2024).csv` → `olist_orders_2024`.
 * Letters of any script are kept (`客户.csv` → `客户`); the name never starts with a digit.
 */
export function tableNameFromFile(fileName: string): string {
	const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|txt)(\.gz)?$/i, '');
	let name = stem
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '_')
		.replace(/^_+|_+$/g, '');
	if (!name) name = 'table';
	if (/^\p{N}/u.test(name)) name = `t_${name}`;
	return name.slice(0, 63);
}
