import { getContext, setContext } from 'svelte';
import type { Workspace } from '../state/workspace.svelte';

const KEY = Symbol('workspace');

/** The context map that provides a workspace, for mounting components on their own (tests). */
export function workspaceContext(workspace: Workspace): Map<symbol, Workspace> {
	return new Map([[KEY, workspace]]);
}

export function setWorkspace(workspace: Workspace): void {
	setContext(KEY, workspace);
}

/** The workspace of this page; throws when a component is used outside the app shell. */
export function getWorkspace(): Workspace {
	const workspace = getContext<Workspace | undefined>(KEY);
	if (!workspace) throw new Error('no workspace: this component must be inside the app layout');
	return workspace;
}
