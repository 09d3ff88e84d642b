/**
 * The preview's HTTP server (node:http), for one browser on this machine. Routes:
 *
 * | path | what |
 * |---|---|
 * | `/` | the view (view/index.html) |
 * | `/view/<file>` | the view's assets |
 * | `/out/<file>` | the build's outputs (page PDFs and images, report.json, edition.pdf written on demand) |
 * | `/zoom/<page>.png?v=<version>` | the page at zoom resolution, rendered when first asked for |
 * | `/state` | the view state as JSON |
 * | `/events` | the view state as server-sent events, pushed on every change |
 *
 * Only GET and HEAD; only requests addressed to the loopback host it listens on (a page on another site
 * cannot reach it through a DNS name that points here); files only from the two folders (paths.ts).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { EventHub } from './events.js';
import { resolveUnder } from './paths.js';
import type { PreviewSession } from './session.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
};

export interface ServerOptions {
  outDir: string;
  viewDir: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function createServer(session: PreviewSession, hub: EventHub, opts: ServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.end();
    });
  });

  const send = (res: http.ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(`${text}\n`);
  };
  const bytes = (req: http.IncomingMessage, res: http.ServerResponse, type: string, body: Buffer | string): void => {
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      // URLs of changing files carry their version; everything else is asked again each time
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const file = (req: http.IncomingMessage, res: http.ServerResponse, root: string, rawPath: string): void => {
    const r = resolveUnder(root, rawPath);
    if ('status' in r) {
      send(res, r.status, r.status === 403 ? 'forbidden' : 'not found');
      return;
    }
    const type = TYPES[path.extname(r.file).toLowerCase()] ?? 'application/octet-stream';
    bytes(req, res, type, fs.readFileSync(r.file));
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed');
    }
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOOPBACK_HOSTS.has(host)) return send(res, 403, 'forbidden');
    // The raw path, still percent-encoded: paths.ts judges it before and after decoding.
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));

    if (pathname === '/' || pathname === '/index.html') return file(req, res, opts.viewDir, 'index.html');
    if (pathname.startsWith('/view/')) return file(req, res, opts.viewDir, pathname.slice('/view/'.length));
    if (pathname === '/out/edition.pdf') await session.writeEditionPdf();
    if (pathname.startsWith('/out/')) return file(req, res, opts.outDir, pathname.slice('/out/'.length));
    if (pathname === '/state') return bytes(req, res, TYPES['.json']!, JSON.stringify(session.state));
    if (pathname === '/events') return hub.open(req, res, session.state);
    const zoom = /^\/zoom\/(\d{1,4})\.png$/.exec(pathname);
    if (zoom) {
      const png = session.zoomImage(Number(zoom[1]), Number(query.get('v')));
      return png ? bytes(req, res, TYPES['.png']!, await png) : send(res, 404, 'not found');
    }
    return send(res, 404, 'not found');
  }

  return server;
}
