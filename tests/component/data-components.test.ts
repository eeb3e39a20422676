import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within, fireEvent, waitFor } from '@testing-library/svelte';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { workspaceContext } from '../../src/lib/engine/context';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import TableList from '../../src/lib/components/TableList.svelte';
import Notices from '../../src/lib/components/Notices.svelte';
import TablePreview from '../../src/lib/components/TablePreview.svelte';
import LoadList from '../../src/lib/components/LoadList.svelte';

let engine: NodeEngine;
let workspace: Workspace;

function csvFile(name: string, text: string): File {
	return new File([text], name, { type: 'text/csv' });
}

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	workspace = new Workspace();
	workspace.attach(engine);
	const rows = ['id,amount,at', ...Array.from({ length: 300 }, (_, i) => `${i + 1},${(i + 1) * 2},2024-05-01 08:00:00`)];
	await workspace.addFiles([
		csvFile('payments.csv', rows.join('\n') + '\n'),
		csvFile('people.csv', 'id,name\n1,<img src=x onerror=alert(1)>\n2,Bob\n')
	]);
});
afterAll(() => engine.close());

it('loaded the fixtures without errors', () => {
	expect(workspace.notices).toEqual([]);
});

describe('TableList', () => {
	it('lists each table with the test contract attributes, rows and column types', () => {
		const { container } = render(TableList, { context: workspaceContext(workspace) });
		const items = [...container.querySelectorAll('[data-table]')].map((el) => [
			el.getAttribute('data-table'),
			el.getAttribute('data-rows')
		]);
		expect(items).toEqual([
			['payments', '300'],
			['people', '2']
		]);
		const payments = container.querySelector('[data-table="payments"]') as HTMLElement;
		expect(within(payments).getByText('300 rows · 3 columns')).toBeInTheDocument();
		expect(within(payments).getByText('TIMESTAMP')).toBeInTheDocument();
		expect(within(payments).getByRole('combobox', { name: 'Encoding of payments.csv' })).toHaveValue('utf-8');
	});
});

describe('TablePreview', () => {
	it('renders only the visible window of rows, values as text', async () => {
		const people = workspace.tables.find((t) => t.name === 'people')!;
		const { container } = render(TablePreview, { props: { table: people }, context: workspaceContext(workspace) });
		await waitFor(() => expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument());
		expect(container.querySelector('img')).toBeNull();
	});

	it('asks the engine for pages of rows, not the whole table', async () => {
		const payments = workspace.tables.find((t) => t.name === 'payments')!;
		const { container } = render(TablePreview, { props: { table: payments }, context: workspaceContext(workspace) });
		// Row 1: id 1, amount 2 × 1 = 2.
		await waitFor(() => expect(container.querySelector('[aria-rowindex="2"]')).toHaveTextContent('12'));
		const rendered = container.querySelectorAll('.body [role=row]').length;
		expect(rendered).toBeGreaterThan(0);
		expect(rendered).toBeLessThan(300);
	});
});

describe('Notices and LoadList', () => {
	it('shows an error as an alert naming the file, and dismisses it', async () => {
		render(Notices, { context: workspaceContext(workspace) });
		await workspace.addFiles([csvFile('blank.csv', '')]);
		const alert = await screen.findByRole('alert');
		expect(alert).toHaveTextContent('blank.csv: could not be loaded — the file is empty (0 bytes)');
		await fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss message' }));
		expect(screen.queryByRole('alert')).toBeNull();
		expect(workspace.tables.map((t) => t.name)).toEqual(['payments', 'people']);
	});

	it('shows nothing while no file is loading', () => {
		const { container } = render(LoadList, { context: workspaceContext(workspace) });
		expect(container.querySelector('[data-loading]')).toBeNull();
	});
});
