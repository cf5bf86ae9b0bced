import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FeedServer {
  readonly origin: string;
  url(path: string): string;
  /** Every request seen, in order, with its headers. */
  readonly requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a loopback address (127.0.0.x gives distinct hosts), port 0.
 * Requests go to the route for their path, else to `fallback`, else get a 404.
 */
export async function startFeedServer(host = '127.0.0.1', fallback?: Handler): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: FeedServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path) ?? fallback;
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A server on 127.0.0.1 that hands every request to one handler. */
export const startServer = (handler: Handler): Promise<FeedServer> => startFeedServer('127.0.0.1', handler);

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Serves a fixed body with a content type, ETag and Last-Modified, answering 304 when they match. */
export function staticFeed(body: string | Buffer, contentType = 'application/rss+xml; charset=utf-8', etag = '"v1"'): Handler {
  const lastModified = 'Fri, 04 Feb 2022 21:32:23 GMT';
  return (req, res) => {
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': lastModified });
    res.end(body);
  };
}

export interface RssItem {
  title: string;
  link: string;
  guid?: string;
  date?: string;
  html?: string;
  author?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document; the HTML goes in CDATA as real feeds do. */
export function rss(title: string, items: readonly RssItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>https://example.invalid/</link><description>x</description>
${items
  .map(
    (i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}${
      i.date ? `<pubDate>${i.date}</pubDate>` : ''
    }${i.author ? `<author>${esc(i.author)}</author>` : ''}<description><![CDATA[${i.html ?? '<p>text</p>'}]]></description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}
