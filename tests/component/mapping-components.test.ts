// The mapping screen's parts, mounted with a real workspace, model and NodeEngine.
import '@testing-library/jest-dom/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { NodeEngine } from '../../src/lib/engine/node-engine';
import { workspaceContext } from '../../src/lib/engine/context';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { CrmModel } from '../../src/lib/state/model.svelte';
import { modelContext } from '../../src/lib/state/model-context';
import TableList from '../../src/lib/components/TableList.svelte';
import FileKinds from '../../src/lib/components/mapping/FileKinds.svelte';
import ColumnMapping from '../../src/lib/components/mapping/ColumnMapping.svelte';
import CanonicalViews from '../../src/lib/components/mapping/CanonicalViews.svelte';
import ViewPreview from '../../src/lib/components/mapping/ViewPreview.svelte';
import DataSettingsForm from '../../src/lib/components/mapping/DataSettingsForm.svelte';

const csv = (name: string, lines: string[]) => new File([lines.join('\n') + '\n'], name, { type: 'text/csv' });

let engine: NodeEngine;
let workspace: Workspace;
let model: CrmModel;
const context = () => new Map<symbol, unknown>([...workspaceContext(workspace), ...modelContext(model)]);

beforeAll(async () => {
	engine = new NodeEngine();
	await engine.ready();
	workspace = new Workspace();
	workspace.attach(engine);
	model = new CrmModel(workspace, { storage: null });
	await workspace.addFiles([
		// `Total` is the gross amount, `Betrag` the net one; detection takes Total.
		csv('webshop_orders.csv', [
			'Order Ref,Customer Code,Order Date,Order Status,Total,Betrag',
			'A-1,C1,2024-03-01 10:00:00,paid,120.50,100.00',
			'A-2,C2,2024-03-02 11:30:00,paid,80.00,66.00',
			'A-3,C1,2024-03-05 09:15:00,cancelled,42.25,35.00'
		]),
		csv('kunden.csv', ['Client No,Full Name,E-mail,Town', 'C1,Ann Lee,ann@example.com,Berlin', 'C2,Bo Chen,bo@example.com,Shanghai']),
		csv('notes.csv', ['topic,remark', 'lunch,soup'])
	]);
	await model.idle();
}, 30_000);
afterAll(() => engine.close());

describe('TableList with a model', () => {
	it('carries each table kind in data-kind and shows it with its confidence and a link to its mapping', () => {
		const { container } = render(TableList, { context: context() });
		const kinds = [...container.querySelectorAll('li[data-table]')].map((el) => [
			el.getAttribute('data-table'),
			el.getAttribute('data-kind')
		]);
		expect(kinds).toEqual([
			['kunden', 'customers'],
			['notes', 'other'],
			['webshop_orders', 'orders']
		]);
		const orders = container.querySelector('[data-table="webshop_orders"]') as HTMLElement;
		expect(within(orders).getByText('Orders')).toBeInTheDocument();
		expect(within(orders).getByText(/^\d+% sure$/)).toBeInTheDocument();
		const link = within(orders).getByRole('link', { name: 'Edit the mapping of webshop_orders' });
		expect(link.getAttribute('href')).toMatch(/\/mapping\?table=webshop_orders$/);
	});
});

describe('FileKinds', () => {
	it('lists every table with a labelled kind select and lets the user change it', async () => {
		render(FileKinds, { props: { model } });
		const select = screen.getByRole('combobox', { name: 'Kind of kunden' });
		expect(select).toHaveValue('customers');
		expect(screen.getByRole('combobox', { name: 'Kind of notes' })).toHaveValue('other');
		await fireEvent.change(select, { target: { value: 'other' } });
		await waitFor(() => expect(model.views.map((v) => v.kind)).toEqual(['orders']));
		expect(model.kindOf('kunden')).toBe('other');
		await fireEvent.change(select, { target: { value: 'customers' } });
		await waitFor(() => expect(model.views.map((v) => v.kind)).toEqual(['customers', 'orders']));
		expect(screen.getAllByText('set by you').length).toBeGreaterThan(0);
	});
});

describe('ColumnMapping', () => {
	const entry = () => model.entry('webshop_orders')!;

	it('shows every source column with samples and a labelled select of the canonical columns', () => {
		const { container } = render(ColumnMapping, { props: { model, entry: entry() } });
		const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-column'), tr.getAttribute('data-target')]);
		expect(rows).toEqual([
			['Order Ref', 'order_id'],
			['Customer Code', 'customer_id'],
			['Order Date', 'ordered_at'],
			['Order Status', 'status'],
			['Total', 'amount'],
			['Betrag', '']
		]);
		const betrag = screen.getByRole('combobox', { name: 'Mapping of Betrag' });
		expect(betrag).toHaveValue('');
		const options = within(betrag)
			.getAllByRole('option')
			.map((o) => o.textContent);
		// "— not used —", then the 12 canonical columns of orders, required ones starred.
		expect(options[0]).toBe('— not used —');
		expect(options).toContain('order_id *');
		expect(options).toContain('amount');
		expect(options).toHaveLength(1 + 12);
		const refs = container.querySelector('[data-column="Order Ref"] .samples') as HTMLElement;
		expect([...refs.querySelectorAll('.sample')].map((e) => e.textContent)).toEqual(['A-1', 'A-2', 'A-3']);
	});

	it('a changed select remaps the column at once and the view follows', async () => {
		const { rerender } = render(ColumnMapping, { props: { model, entry: entry() } });
		await fireEvent.change(screen.getByRole('combobox', { name: 'Mapping of Betrag' }), { target: { value: 'amount' } });
		await model.idle();
		await rerender({ model, entry: entry() });
		expect(screen.getByRole('combobox', { name: 'Mapping of Betrag' })).toHaveValue('amount');
		expect(screen.getByRole('combobox', { name: 'Mapping of Total' })).toHaveValue('');
		const rows = await model.previewRows('orders');
		expect(rows.find((r) => r.order_id === 'A-1')?.amount).toBe(100);
		expect(screen.getByRole('button', { name: 'Back to the detected mapping' })).toBeInTheDocument();
	});

	it('names the required columns that are not mapped', async () => {
		const { rerender } = render(ColumnMapping, { props: { model, entry: entry() } });
		await fireEvent.change(screen.getByRole('combobox', { name: 'Mapping of Customer Code' }), { target: { value: '' } });
		await model.idle();
		await rerender({ model, entry: entry() });
		expect(screen.getByText('customer_id')).toBeInTheDocument();
		expect(screen.getByText(/Required but not mapped/)).toBeInTheDocument();
		await fireEvent.change(screen.getByRole('combobox', { name: 'Mapping of Customer Code' }), { target: { value: 'customer_id' } });
		await model.idle();
	});

	it('offers no column select for a plain table', () => {
		render(ColumnMapping, { props: { model, entry: model.entry('notes')! } });
		expect(screen.queryByRole('combobox')).toBeNull();
		expect(screen.getByText(/Kept as a plain table/)).toBeInTheDocument();
	});
});

describe('CanonicalViews and ViewPreview', () => {
	it('lists each crm view with its row count', () => {
		const { container } = render(CanonicalViews, { props: { model } });
		const views = [...container.querySelectorAll('[data-view]')].map((el) => [el.getAttribute('data-view'), el.getAttribute('data-rows')]);
		expect(views).toEqual([
			['customers', '2'],
			['orders', '3']
		]);
		// order_id, customer_id, status, amount, ordered_at (source_file is not counted)
		expect(screen.getByText('3 rows · 5 columns')).toBeInTheDocument();
	});

	it('previews the first rows of a view, read again after a rebuild', async () => {
		const { container } = render(ViewPreview, { props: { model, kind: 'orders' } });
		await waitFor(() => expect(container.querySelectorAll('tbody tr')).toHaveLength(3));
		const amounts = () => [...container.querySelectorAll('td[data-col="amount"]')].map((td) => td.textContent);
		// Betrag was mapped to amount above: 100, 66, 35.
		expect(amounts()).toEqual(['100', '66', '35']);
		await model.setColumn('webshop_orders', 'Total', 'amount');
		await waitFor(() => expect(amounts()).toEqual(['120.5', '80', '42.25']));
	});
});

describe('DataSettingsForm', () => {
	it('refuses a time zone it cannot use, inline, and applies a valid one', async () => {
		render(DataSettingsForm, { props: { model } });
		const zone = screen.getByRole('textbox', { name: 'Time zone of the data' });
		expect(zone).toHaveValue('UTC');
		await fireEvent.change(zone, { target: { value: 'Mars/Olympus' } });
		expect(screen.getByRole('alert')).toHaveTextContent('unsupported time zone: Mars/Olympus');
		expect(zone).toHaveAttribute('aria-invalid', 'true');
		expect(model.settings.timeZone).toBe('UTC');
		await fireEvent.change(zone, { target: { value: 'Asia/Shanghai' } });
		expect(screen.queryByRole('alert')).toBeNull();
		expect(model.settings.timeZone).toBe('Asia/Shanghai');
		await model.idle();
	});

	it('takes excluded statuses as a comma-separated list', async () => {
		render(DataSettingsForm, { props: { model } });
		const statuses = screen.getByRole('textbox', { name: 'Order statuses that are not revenue' });
		expect(statuses).toHaveValue('canceled, cancelled, unavailable');
		await fireEvent.change(statuses, { target: { value: 'Refunded, VOID,' } });
		expect(model.settings.excludedStatuses).toEqual(['refunded', 'void']);
	});
});
