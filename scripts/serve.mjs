#!/usr/bin/env node
// Serve a built site on 127.0.0.1, optionally under a sub-path: node scripts/serve.mjs [dir] [--base /path] [--port N]
import { createServer } from 'node:http';
import sirv from 'sirv';

/**
 * @param {{ dir?: string, base?: string, port?: number, host?: string, headers?: Record<string, string> }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serveSite({ dir = 'build', base = '', port = 0, host = '127.0.0.1', headers = {} } = {}) {
	const files = sirv(dir, {
		single: '200.html',
		dev: false,
		etag: true,
		setHeaders(res, path) {
			if (path.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
			for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
		}
	});
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (base && url === base) {
			res.writeHead(301, { Location: `${base}/` }).end();
			return;
		}
		if (base && !url.startsWith(`${base}/`)) {
			res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: the site is served under ${base}/`);
			return;
		}
		req.url = url.slice(base.length) || '/';
		files(req, res, () => {
			res.writeHead(404).end();
		});
	});
	return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	/** @param {string} name @param {string} fallback */
	const opt = (name, fallback) => {
		const i = args.indexOf(name);
		return i >= 0 ? args.splice(i, 2)[1] : fallback;
	};
	const base = opt('--base', process.env.BASE_PATH ?? '');
	const port = Number(opt('--port', process.env.PORT ?? '4173'));
	const dir = args[0] ?? 'build';
	const server = await serveSite({ dir, base, port });
	const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.log(`CRM Pulse is running at http://127.0.0.1:${actual}${base}/?sample  (Ctrl+C to stop)`);
}
