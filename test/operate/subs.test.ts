import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveLock } from '../../src/archive/lock/archive-lock.js';
import { runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';

let server: FeedServer;
const html = (head: string): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Page</title>${head}</head><body><p>hello</p></body></html>`;

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/feed.xml', staticFeed(rss('自由时报', [{ title: '新闻', link: 'https://news.example.invalid/1.html' }])));
  server.route('/blog/atom.xml', staticFeed(rss('博客', [{ title: 'a', link: 'https://news.example.invalid/2.html' }])));
  server.route('/blog/', staticFeed(html('<link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" title="RSS" href="atom.xml"><link rel="alternate" type="application/atom+xml" href="/other.xml">'), 'text/html; charset=utf-8'));
  server.route('/nofeed/', staticFeed(html('<link rel="icon" href="/i.png">'), 'text/html; charset=utf-8'));
  server.route('/broken-link/', staticFeed(html('<link rel="alternate" type="application/rss+xml" href="/missing.xml">'), 'text/html; charset=utf-8'));
});
afterAll(() => server.close());

const SUBS = `[
  { "site": "美国之音", "url": "https://feedx.net/rss/mgzy1.xml", "timeout": 20, "note": "kept" },
  { "site": "德国之声", "url": "https://feedx.net/rss/dw.xml" },
  { "site": "德国之声", "url": "https://feedx.net/rss/dw2.xml" }
]
`;
function mirror(text = SUBS): { dir: string; file: string; read: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'samizdat-subs-'));
  const file = join(dir, 'subs.json');
  writeFileSync(file, text);
  return { dir, file, read: () => readFileSync(file, 'utf8') };
}
const entries = (text: string): Array<Record<string, unknown>> => JSON.parse(text) as Array<Record<string, unknown>>;

describe('samizdat subs add', () => {
  it('adds a feed URL after fetching it, named by its title, keeping the other entries, their keys and the file style', async () => {
    const m = mirror();
    const r = await runCli(['subs', 'add', server.url('/feed.xml'), '--archive', m.dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests.some((q) => q.path === '/feed.xml')).toBe(true);
    expect(m.read()).toBe(SUBS.replace(/\n\]\n$/, `,\n  { "site": "自由时报", "url": "${server.url('/feed.xml')}" }\n]\n`));
    expect(r.stderr).toMatch(/added "自由时报"/);
  });

  it('writes 2-space JSON when the file was, and honours --site', async () => {
    const m = mirror(`${JSON.stringify([{ site: 'A', url: 'https://a.example.invalid/feed', headers: { cookie: 'x=1' } }], null, 2)}\n`);
    const r = await runCli(['subs', 'add', server.url('/feed.xml'), '--site', '  My  feed ', '--archive', m.dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(m.read()).toBe(`${JSON.stringify([{ site: 'A', url: 'https://a.example.invalid/feed', headers: { cookie: 'x=1' } }, { site: 'My feed', url: server.url('/feed.xml') }], null, 2)}\n`);
  });

  it('discovers the feed an HTML page links (first <link rel="alternate">, relative href resolved)', async () => {
    const m = mirror();
    const r = await runCli(['subs', 'add', server.url('/blog/'), '--archive', m.dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(entries(m.read()).at(-1)).toEqual({ site: '博客', url: server.url('/blog/atom.xml') });
    expect(r.stderr).toContain(`found on ${server.url('/blog/')}`);
  });

  it('fails with one line and leaves subs.json unchanged for a page with no feed, a dead feed link or an unreachable URL', async () => {
    const m = mirror();
    for (const [path, pattern] of [
      ['/nofeed/', /links no feed/],
      ['/broken-link/', /links the feed .*\/missing\.xml, but it failed: .*404/],
      ['/gone.xml', /404/],
    ] as const) {
      const r = await runCli(['subs', 'add', server.url(path), '--archive', m.dir]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(m.read()).toBe(SUBS);
    }
  });

  it('converts a YouTube channel or playlist URL without fetching anything', async () => {
    const m = mirror();
    const channel = await runCli(['subs', 'add', 'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', '--site', '某频道', '--no-check', '--archive', m.dir]);
    expect(channel.code, channel.stderr).toBe(0);
    const list = await runCli(['subs', 'add', 'https://youtube.com/playlist?list=PLabcdefghijklmnop', '--site', '某列表', '--no-check', '--archive', m.dir]);
    expect(list.code, list.stderr).toBe(0);
    expect(entries(m.read()).slice(-2)).toEqual([
      { site: '某频道', url: 'https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv' },
      { site: '某列表', url: 'https://www.youtube.com/feeds/videos.xml?playlist_id=PLabcdefghijklmnop' },
    ]);
    // The legacy form of the same channel (its uploads playlist) is a duplicate.
    const legacy = await runCli(['subs', 'add', 'https://www.youtube.com/feeds/videos.xml?playlist_id=UUabcdefghijklmnopqrstuv', '--site', 'x', '--no-check', '--archive', m.dir]);
    expect(legacy.code).toBe(2);
    expect(legacy.stderr).toMatch(/already in .* as "某频道"/);
  });

  it('refuses a feed already subscribed, also under another spelling of its URL', async () => {
    const m = mirror();
    for (const url of ['https://feedx.net/rss/dw.xml', 'http://FEEDX.net:80/rss/dw.xml#top', 'https://feedx.net/rss/dw.xml?utm_source=x']) {
      const r = await runCli(['subs', 'add', url, '--site', 'again', '--no-check', '--archive', m.dir]);
      expect(r.code, url).toBe(2);
      expect(r.stderr).toMatch(/already in .* as "德国之声"/);
    }
    expect(m.read()).toBe(SUBS);
  });

  it('refuses a non-URL, a missing --site with --no-check, and a broken subs.json (exit 2, file untouched)', async () => {
    const m = mirror();
    expect((await runCli(['subs', 'add', 'feedx.net/rss', '--archive', m.dir])).code).toBe(2);
    expect((await runCli(['subs', 'add', 'https://x.example.invalid/feed', '--no-check', '--archive', m.dir])).code).toBe(2);
    const broken = mirror('[{"site": "x"}]');
    const r = await runCli(['subs', 'add', server.url('/feed.xml'), '--archive', broken.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing "url"/);
    expect(broken.read()).toBe('[{"site": "x"}]');
    expect(m.read()).toBe(SUBS);
  });
});

describe('samizdat subs rm', () => {
  it('removes by URL and by site name; refuses an ambiguous or unknown name', async () => {
    const m = mirror();
    const ambiguous = await runCli(['subs', 'rm', '德国之声', '--archive', m.dir]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/2 feeds are named "德国之声".*dw\.xml.*dw2\.xml/);
    expect((await runCli(['subs', 'rm', 'nobody', '--archive', m.dir])).code).toBe(2);
    expect(m.read()).toBe(SUBS);

    const byUrl = await runCli(['subs', 'rm', 'https://feedx.net/rss/dw2.xml', '--archive', m.dir]);
    expect(byUrl.code, byUrl.stderr).toBe(0);
    const bySite = await runCli(['subs', 'rm', '德国之声', '--archive', m.dir]);
    expect(bySite.code, bySite.stderr).toBe(0);
    expect(m.read()).toBe('[\n  { "site": "美国之音", "url": "https://feedx.net/rss/mgzy1.xml", "timeout": 20, "note": "kept" }\n]\n');
  });
});

describe('subs and the archive lock', () => {
  it('add and rm wait for no one: while a fetch holds the lock they fail with one line and change nothing', async () => {
    const m = mirror();
    const lock = await ArchiveLock.acquire(join(m.dir, '.samizdat', 'lock.db'), { command: 'fetch' });
    try {
      const add = await runCli(['subs', 'add', 'https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', '--site', 'Y', '--no-check', '--archive', m.dir]);
      expect(add.code).toBe(1);
      expect(add.stderr).toMatch(/busy: another samizdat fetch/);
      expect((await runCli(['subs', 'rm', '美国之音', '--archive', m.dir])).code).toBe(1);
      expect(m.read()).toBe(SUBS);
      // ls reads without the lock.
      expect((await runCli(['subs', 'ls', '--archive', m.dir])).code).toBe(0);
    } finally {
      lock.release();
    }
    expect((await runCli(['subs', 'rm', '美国之音', '--archive', m.dir])).code).toBe(0);
  });
});
