import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
}

/** How the receiver answers its n-th request (1-based): a status and body, or `hang` (never answer). */
export type Answer = (n: number, request: Received) => { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/** A real webhook receiver on 127.0.0.1 (port 0: any free port) recording every request. */
export async function startReceiver(answer: Answer = () => ({ status: 200, body: 'ok' })) {
	const received: Received[] = [];
	const server = createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (body += chunk));
		req.on('end', () => {
			const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
			received.push(request);
			const a = answer(received.length, request);
			if (a === 'hang') return;
			res.writeHead(a.status, { 'content-type': 'text/plain', ...a.headers });
			res.end(a.body ?? '');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		/** Parsed JSON bodies. */
		bodies: () => received.map((r) => JSON.parse(r.body) as unknown),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** A URL on 127.0.0.1 where nothing listens (a server's port, closed again). */
export async function refusingUrl(): Promise<string> {
	const r = await startReceiver();
	await r.close();
	return r.url;
}
