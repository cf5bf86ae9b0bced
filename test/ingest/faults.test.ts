import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer, type Handler } from '../helpers/feed-server.js';
import { makeMirror, postNames } from '../helpers/mirror.js';

const TIMEOUT_S = 3;
const goodItems = (tag: string) =>
  [1, 2, 3].map((n) => ({ title: `${tag} 新闻 ${n}`, link: `https://news.example.invalid/${tag}/${n}.html`, date: `Mon, 0${n} Jan 2024 08:00:00 GMT`, html: `<p>${tag} ${n}</p>` }));

const hang: Handler = () => {}; // never answers
const drip: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const timer = setInterval(() => res.write('<'), 300);
  res.on('close', () => clearInterval(timer));
};
const reset: Handler = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<?xml version="1.0"?><rss><channel><item><title>half');
  setTimeout(() => req.socket.destroy(), 50);
};
const status = (code: number, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(code, { 'content-type': 'text/plain', ...headers });
  res.end(`status ${code}`);
};
const redirect = (to: string): Handler => (_req, res) => {
  res.writeHead(302, { location: to });
  res.end();
};
const gzipBomb: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
  const gz = createGzip();
  gz.pipe(res);
  const zeros = Buffer.alloc(1 << 20);
  let sent = 0;
  const pump = (): void => {
    while (sent < 1024 && !res.destroyed) {
      sent++;
      if (!gz.write(zeros)) return void gz.once('drain', pump);
    }
    gz.end();
  };
  res.on('close', () => gz.destroy());
  pump();
};
const oversized: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const chunk = Buffer.alloc(1 << 20, 0x20);
  let n = 0;
  const pump = (): void => {
    while (n < 30 && !res.destroyed) {
      n++;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
};

interface Report {
  ms: number;
  feeds: Array<{ site: string; status: string; code?: string; message?: string; newPosts: number; ms: number }>;
  totals: { failed: number; posts: number };
}

describe('a run with every kind of broken feed', () => {
  const servers: FeedServer[] = [];
  const subs: Array<{ site: string; url: string }> = [];
  const expected: Record<string, { status: string; code?: string }> = {};
  const add = (server: FeedServer, site: string, path: string, handler: Handler, expect: { status: string; code?: string }): void => {
    server.route(path, handler);
    subs.push({ site, url: server.url(path) });
    expected[site] = expect;
  };

  beforeAll(async () => {
    // Distinct loopback hosts, so the per-host limit (2) does not serialise the run.
    for (let i = 1; i <= 8; i++) servers.push(await startFeedServer(`127.0.0.${i}`));
    const [a, b, c, d, e, f, g, h] = servers as [FeedServer, FeedServer, FeedServer, FeedServer, FeedServer, FeedServer, FeedServer, FeedServer];
    add(a, 'good-one', '/good.xml', staticFeed(rss('good one', goodItems('one'))), { status: 'new' });
    add(a, 'timeout', '/hang.xml', hang, { status: 'failed', code: 'timeout' });
    add(b, 'drip', '/drip.xml', drip, { status: 'failed', code: 'timeout' });
    add(b, 'reset', '/reset.xml', reset, { status: 'failed', code: 'reset' });
    add(c, 'not-found', '/404.xml', status(404), { status: 'failed', code: 'http' });
    add(c, 'gone', '/410.xml', status(410), { status: 'dead', code: 'gone' });
    add(d, 'error', '/500.xml', status(500), { status: 'failed', code: 'http' });
    add(d, 'busy', '/503.xml', status(503, { 'retry-after': '7200' }), { status: 'failed', code: 'http' });
    add(e, 'loop', '/loop-a.xml', redirect('/loop-b.xml'), { status: 'failed', code: 'redirect-loop' });
    e.route('/loop-b.xml', redirect('/loop-a.xml'));
    add(e, 'bomb', '/bomb.xml', gzipBomb, { status: 'failed', code: 'too-large' });
    add(f, 'oversized', '/big.xml', oversized, { status: 'failed', code: 'too-large' });
    add(f, 'html', '/page.html', staticFeed('<!DOCTYPE html><html><head><title>x</title></head><body><p>hello</p></body></html>', 'text/html'), { status: 'failed', code: 'not-a-feed' });
    add(g, 'empty', '/empty.xml', staticFeed(''), { status: 'failed', code: 'empty' });
    add(g, 'malformed', '/bad.xml', staticFeed('{{ <<<>>> this is not xml ]]>', 'application/xml'), { status: 'failed' });
    add(h, 'good-two', '/good2.xml', staticFeed(rss('good two', goodItems('two'))), { status: 'new' });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('archives every good feed, reports each failure with its cause, and ends within its deadline', async () => {
    const dir = makeMirror(subs);
    const res = await runCli(['fetch', '--archive', dir, '--json', '--timeout', String(TIMEOUT_S)], { timeoutMs: 60_000 });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout) as Report;
    for (const feed of report.feeds) {
      const want = expected[feed.site]!;
      expect({ site: feed.site, status: feed.status, ...(want.code ? { code: feed.code } : {}) }).toEqual({ site: feed.site, ...want });
      if (feed.status !== 'new') expect(feed.message, feed.site).toMatch(/\S/);
      expect(feed.ms, feed.site).toBeLessThan(TIMEOUT_S * 1000 + 1500);
    }
    expect(report.totals.posts).toBe(6);
    expect(postNames(dir)).toHaveLength(6);
    // 16 feeds, 8 at a time, each bounded by its deadline.
    expect(res.ms).toBeLessThan(4 * TIMEOUT_S * 1000);

    // Next run: failing feeds back off (the 503 asked for 2 hours), the dead one is not fetched, nothing is duplicated.
    const again = JSON.parse((await runCli(['fetch', '--archive', dir, '--json', '--timeout', String(TIMEOUT_S)])).stdout) as Report;
    const bySite = Object.fromEntries(again.feeds.map((f) => [f.site, f]));
    expect(bySite['good-one']!.status).toBe('unchanged');
    expect(bySite.busy!.status).toBe('skipped');
    expect(bySite.gone!.status).toBe('skipped');
    expect(bySite.timeout!.status).toBe('skipped');
    expect(postNames(dir)).toHaveLength(6);
  }, 60_000);
});
