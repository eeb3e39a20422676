import { getContext, setContext } from 'svelte';
import type { CrmModel } from './model.svelte';

const KEY = Symbol('crm-model');

/** The context map that provides a model, for mounting components on their own (tests). */
export function modelContext(model: CrmModel): Map<symbol, CrmModel> {
	return new Map([[KEY, model]]);
}

export function setModel(model: CrmModel): void {
	setContext(KEY, model);
}

/** The CRM model of this page; throws when a component is used outside the app shell. */
export function getModel(): CrmModel {
	const model = getContext<CrmModel | undefined>(KEY);
	if (!model) throw new Error('no CRM model: this component must be inside the app layout');
	return model;
}

/** The model when there is one: components that also work without it (the table list) show less. */
export function findModel(): CrmModel | undefined {
	return getContext<CrmModel | undefined>(KEY);
}
