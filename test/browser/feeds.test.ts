import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import type { FeedFormat } from '../../src/model/index.js';
import { startStaticServer, type StaticServer } from '../../src/serve/static-server.js';
import { buildFixtureSite, type FixtureSite } from './fixture-site.js';

// No browser here: the feeds are fetched over HTTP from the served site, as a feed reader would.
let site: FixtureSite;
let server: StaticServer;

beforeAll(async () => {
  site = await buildFixtureSite();
  server = await startStaticServer({ root: site.out, basePath: '/mirror/' });
});
afterAll(async () => {
  await server?.close();
  if (site) rmSync(site.archive, { recursive: true, force: true });
});

async function fetchFeed(path: string, format: FeedFormat, type: string) {
  const url = new URL(path, server.url).href;
  const res = await fetch(url);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toBe(type);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  const feed = parseFeed(await res.text(), url);
  expect(feed.format, path).toBe(format);
  return feed;
}
const FILES: Array<[string, FeedFormat, string]> = [
  ['feed.xml', 'atom', 'application/xml; charset=utf-8'],
  ['rss.xml', 'rss', 'application/xml; charset=utf-8'],
  ['feed.json', 'json', 'application/json; charset=utf-8'],
];

describe('the served feeds, read back with samizdat\'s own parser', () => {
  it('give every post of the site, newest first, with its title, original link and sanitized content', async () => {
    const newest = [...site.posts].sort((a, b) => b.date - a.date);
    for (const [file, format, type] of FILES) {
      const feed = await fetchFeed(file, format, type);
      expect(feed.title, file).toBe('浏览器测试镜像');
      expect(feed.items.length, file).toBe(Math.min(50, site.posts.length));
      expect(feed.items.map((i) => i.link), file).toEqual(newest.slice(0, 50).map((p) => p.link));
      const plain = feed.items.filter((_i, n) => newest[n]!.kind !== 'xss-title');
      expect(plain.map((i) => i.title), file).toEqual(newest.filter((p) => p.kind !== 'xss-title').slice(0, plain.length).map((p) => p.title));
      for (const i of feed.items) {
        expect(Date.parse(i.date), `${file} ${i.title}`).not.toBeNaN();
        expect(i.content, `${file} ${i.title}`).not.toMatch(/<script|\son\w+\s*=|(?:href|src)\s*=\s*["']?\s*javascript:/i);
      }
    }
  });

  it('give each source its own feeds with only its posts', async () => {
    const voa = site.posts.filter((p) => p.site === '美国之音').sort((a, b) => b.date - a.date);
    for (const [file, format, type] of FILES) {
      const feed = await fetchFeed(`sources/${encodeURIComponent('美国之音')}/${file}`, format, type);
      expect(feed.items.map((i) => i.title), file).toEqual(voa.map((p) => p.title));
      expect(feed.items[0]!.content, file).toContain('美国之音第7篇的正文');
    }
  });
});
