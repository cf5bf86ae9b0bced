import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SamizdatError, type Subscription } from '../model/index.js';

/** examples/demo/ of the package: from src/demo/ and from dist/demo/ alike. */
export const DEMO_DIR = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

export interface DemoFeed {
  readonly site: string;
  readonly file: string;
  readonly type: string;
}

export function loadDemoFeeds(dir = DEMO_DIR): DemoFeed[] {
  const list = join(dir, 'feeds.json');
  try {
    const feeds = JSON.parse(readFileSync(list, 'utf8')) as DemoFeed[];
    if (!Array.isArray(feeds) || feeds.some((f) => !f.site || !/^[\w.-]+$/.test(f.file) || !f.type)) throw new Error('expected [{site, file, type}]');
    return feeds;
  } catch (err) {
    throw new SamizdatError('demo', 'feeds', `demo: cannot read the demo feeds in ${list} (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
}

export interface DemoFeedServer {
  /** One subscription per demo feed, pointing at this server. */
  readonly subs: readonly Subscription[];
  close(): Promise<void>;
}

/**
 * Serves the demo feeds on 127.0.0.1 (any free port), each at `/<file>` with its content type.
 * Only the listed files exist: nothing else under the folder can be asked for.
 */
export async function startDemoFeedServer(feeds: readonly DemoFeed[], dir = DEMO_DIR): Promise<DemoFeedServer> {
  const bodies = new Map(feeds.map((f) => [`/${f.file}`, { body: readFileSync(join(dir, 'feeds', f.file)), type: f.type }]));
  const server = createServer((req, res) => {
    const feed = bodies.get((req.url ?? '/').split('?')[0]!);
    if (!feed) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': feed.type, 'content-length': feed.body.length });
    res.end(feed.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    subs: feeds.map((f) => ({ site: f.site, url: `${origin}/${f.file}` })),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
