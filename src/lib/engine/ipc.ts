import { tableFromIPC, type Table } from 'apache-arrow';

/** Decode the Arrow IPC stream a query returned. */
export function decodeIPC(bytes: Uint8Array): Table {
	return tableFromIPC(bytes);
}
