import type { FileKind } from '$lib/canonical/schema';
import type { RawTableModel } from '$lib/state/model.svelte';

export const KIND_LABELS: Record<FileKind, string> = {
	customers: 'Customers',
	orders: 'Orders',
	order_lines: 'Order lines',
	payments: 'Payments',
	communications: 'Communications',
	tickets: 'Tickets',
	feedback: 'Feedback',
	campaigns: 'Campaigns',
	visits: 'Web visits',
	other: 'Other (plain table)'
};

/** How sure the app is of a table's kind, in words: a share for detection, or who chose it. */
export function confidenceLabel(entry: RawTableModel): string {
	if (entry.choiceSource === 'user') return 'set by you';
	if (entry.choiceSource === 'remembered') return 'remembered';
	if (!entry.detection) return '';
	// For `other` the confidence only says how weak the best CRM reading was: not worth a number.
	if (entry.detection.kind === 'other') return 'no CRM kind found';
	return `${Math.round(entry.detection.confidence * 100)}% sure`;
}

/** Low, medium or high, for colouring: a kind below half is a guess the user should check. */
export function confidenceLevel(entry: RawTableModel): 'none' | 'low' | 'medium' | 'high' | 'user' {
	if (entry.choiceSource) return 'user';
	if (entry.detection?.kind === 'other') return 'none';
	const c = entry.detection?.confidence ?? 0;
	return c < 0.5 ? 'low' : c < 0.75 ? 'medium' : 'high';
}
