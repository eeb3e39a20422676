import { getContext, setContext } from 'svelte';
import type { Workspace } from '../state/workspace.svelte';

const KEY = Symbol('workspace');

export function setWorkspace(workspace: Workspace): void {
	setContext(KEY, workspace);
}

/** The workspace of this page; throws when a component is used outside the app shell. */
export function getWorkspace(): Workspace {
	const workspace = getContext<Workspace | undefined>(KEY);
	if (!workspace) throw new Error('no workspace: this component must be inside the app layout');
	return workspace;
}
