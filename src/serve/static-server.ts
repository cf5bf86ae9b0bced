import { open, readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SamizdatError } from '../model/index.js';
import { contentTypeOf } from './content-types.js';
import { resolveRequest } from './resolve-request.js';
import { policyWithStyleHashes, SECURITY_HEADERS } from './security-headers.js';

export interface StaticServerOptions {
  /** The folder served (a built site). Nothing outside it is ever read. */
  readonly root: string;
  /** Default 127.0.0.1: a preview for this machine, not a public host. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** The URL path the folder is served under, e.g. '/mirror/sub/' (default '/'); other paths are 404. */
  readonly basePath?: string;
  /** Headers added to (or replacing) the security headers of every response. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface StaticServer {
  /** The address of the folder's root, ending in '/', e.g. http://127.0.0.1:4000/mirror/sub/. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const NOT_FOUND_PAGE = '404.html';

/**
 * Serves a built site from `root` over HTTP: GET and HEAD only, `index.html` for folders, the
 * site's own 404.html for what is missing, strict security headers on every response, and no
 * caching (the files change under it on every rebuild). Listening errors (port taken) reject.
 */
export async function startStaticServer(o: StaticServerOptions): Promise<StaticServer> {
  const root = await realpath(o.root).catch((err: Error) => {
    throw new SamizdatError('serve', 'root', `serve: cannot open ${o.root} (${err.message.split('\n')[0]})`, { cause: err });
  });
  const basePath = normalizeBasePath(o.basePath ?? '/');
  const headers = { ...SECURITY_HEADERS, ...o.headers };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', req.method === 'HEAD');
    }
    const r = await resolveRequest(root, req.url ?? '/', basePath);
    if (r.kind === 'bad-request') return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
    if (r.kind === 'redirect') {
      res.setHeader('Location', r.location);
      return send(res, 301, 'text/plain; charset=utf-8', `moved to ${r.location}\n`);
    }
    if (r.kind === 'not-found') return notFound(res, req.method === 'HEAD');
    if (r.path === join(root, NOT_FOUND_PAGE)) return sendPage(res, 200, await readFile(r.path, 'utf8'), req.method === 'HEAD');
    // Size and bytes from one open file: a rebuild may replace the path meanwhile.
    const file = await open(r.path);
    const size = (await file.stat()).size;
    res.writeHead(200, { 'Content-Type': contentTypeOf(r.path), 'Content-Length': size });
    if (req.method === 'HEAD') {
      await file.close();
      return void res.end();
    }
    await new Promise<void>((resolve, reject) => {
      const stream = file.createReadStream();
      stream.on('error', reject);
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  }

  async function notFound(res: ServerResponse, head: boolean): Promise<void> {
    // Looked up like any request, so a 404.html that is a link out of the folder is not read either.
    const page = await resolveRequest(root, basePath + NOT_FOUND_PAGE, basePath);
    if (page.kind !== 'file') return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
    return sendPage(res, 404, await readFile(page.path, 'utf8'), head);
  }

  /** An HTML page whose inline styles are allowed by hash (only the 404 page has any). */
  function sendPage(res: ServerResponse, status: number, html: string, head: boolean): void {
    res.setHeader('Content-Security-Policy', policyWithStyleHashes(html, headers['Content-Security-Policy']));
    send(res, status, 'text/html; charset=utf-8', html, head);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const what = err.code === 'EADDRINUSE' ? 'is in use' : `cannot be used (${err.message})`;
      reject(new SamizdatError('serve', err.code === 'EADDRINUSE' ? 'port-in-use' : 'listen', `serve: port ${o.port ?? 0} on ${o.host ?? '127.0.0.1'} ${what}`, { cause: err }));
    });
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const host = o.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${basePath}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string, head = false): void {
  const data = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': data.length });
  res.end(head ? undefined : data);
}

/** '/mirror/sub' or 'mirror/sub/' → '/mirror/sub/', percent-encoded as request paths are. */
export function normalizeBasePath(p: string): string {
  const trimmed = p.replace(/^\/+|\/+$/g, '');
  if (!trimmed) return '/';
  return new URL(`/${trimmed}/`, 'http://localhost').pathname;
}
