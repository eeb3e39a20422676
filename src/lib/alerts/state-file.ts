import type { Attempt } from './deliver';
import type { AlertEvent, AlertEventType, RuleState } from './evaluate';

/** One channel's part of a notification: which target (never its URL) and every try. */
export interface Delivery {
	channel: string;
	attempts: Attempt[];
	sent: boolean;
}

export interface HistoryEntry {
	at: string;
	ruleId: string;
	type: AlertEventType;
	fingerprint: string;
	/** The notification's key (AlertEvent.key). */
	key: string;
	value: number | null;
	observed: number | null;
	threshold: number;
	deliveries: Delivery[];
}

/** A notification a channel has not taken yet; tried again at the next evaluation. */
export interface OutboxItem {
	/** `<event key>#<channel index>`. */
	key: string;
	ruleId: string;
	channel: number;
	event: AlertEvent;
	firstTriedAt: string;
	tries: number;
}

/**
 * Everything an evaluator keeps between runs: the command line's `--state` file, and the
 * shape the browser keeps in IndexedDB. `sent` holds the keys of notifications already
 * handed to a channel, so a second evaluator sharing the state never sends one twice.
 */
export interface AlertStateDoc {
	version: 1;
	rules: Record<string, RuleState>;
	history: HistoryEntry[];
	outbox: OutboxItem[];
	sent: string[];
}

/** The history and the sent keys keep this many of the newest entries. */
export const HISTORY_LIMIT = 500;
export const SENT_LIMIT = 2000;
/** An outbox item this old is given up. */
export const OUTBOX_MAX_AGE_MS = 86_400_000;

export function emptyState(): AlertStateDoc {
	return { version: 1, rules: {}, history: [], outbox: [], sent: [] };
}

const STATUSES = ['ok', 'pending', 'firing', 'resolved', 'no-data', 'error'];

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A state document read from JSON; throws naming the field that is wrong. */
export function parseState(json: unknown): AlertStateDoc {
	let doc = json;
	if (typeof json === 'string') {
		try {
			doc = JSON.parse(json);
		} catch (err) {
			throw new Error(`not valid JSON — ${err instanceof Error ? err.message : String(err)}`, { cause: err });
		}
	}
	if (!isObject(doc)) throw new Error('must be a JSON object');
	if (doc.version !== 1) throw new Error(`version must be 1, not ${JSON.stringify(doc.version)}`);
	if (!isObject(doc.rules)) throw new Error('rules must be an object');
	for (const [id, state] of Object.entries(doc.rules)) {
		if (
			!isObject(state) ||
			!STATUSES.includes(state.status as string) ||
			typeof state.streak !== 'number' ||
			typeof state.since !== 'string'
		)
			throw new Error(`rules.${id} is not a rule state`);
	}
	for (const field of ['history', 'outbox', 'sent'] as const) {
		if (doc[field] !== undefined && !Array.isArray(doc[field])) throw new Error(`${field} must be a list`);
	}
	if (((doc.sent ?? []) as unknown[]).some((k) => typeof k !== 'string')) throw new Error('sent must be a list of strings');
	return {
		version: 1,
		rules: doc.rules as Record<string, RuleState>,
		history: (doc.history ?? []) as HistoryEntry[],
		outbox: (doc.outbox ?? []) as OutboxItem[],
		sent: (doc.sent ?? []) as string[]
	};
}

export function serializeState(doc: AlertStateDoc): string {
	return JSON.stringify(doc, null, 2) + '\n';
}

export function hasSent(doc: AlertStateDoc, key: string): boolean {
	return doc.sent.includes(key);
}

export function markSent(doc: AlertStateDoc, key: string): void {
	if (!doc.sent.includes(key)) doc.sent.push(key);
	if (doc.sent.length > SENT_LIMIT) doc.sent.splice(0, doc.sent.length - SENT_LIMIT);
}

export function addHistory(doc: AlertStateDoc, entry: HistoryEntry): void {
	doc.history.push(entry);
	if (doc.history.length > HISTORY_LIMIT) doc.history.splice(0, doc.history.length - HISTORY_LIMIT);
}

/** The history entry of a notification, if still kept. */
export function historyEntry(doc: AlertStateDoc, key: string): HistoryEntry | undefined {
	for (let i = doc.history.length - 1; i >= 0; i--) if (doc.history[i].key === key) return doc.history[i];
	return undefined;
}
