import { cp, mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { buildSite } from '../../src/site/build-site.js';
import { loadSitePosts } from '../../src/site/load-posts.js';
import { permalinkTemplate } from '../../src/site/permalink.js';
import { sourcePath } from '../../src/site/source-path.js';
import { expatLocs, feedparser } from './feeds-support.js';

/** Real legacy posts (158 hard URL cases of the fixture mirrors), built with a site URL under a CJK baseurl. */
const POSTS = fileURLToPath(new URL('../testdata/site/jekyll-urls/', import.meta.url));
const CONFIG = { title: '测试镜像', url: 'https://mirror.example.org', baseurl: '/镜像', permalink: '/:year-:month-:day/:title/' };
let archive: string;
let out: string;

beforeAll(async () => {
  archive = await mkdtemp(join(tmpdir(), 'samizdat-feeds-'));
  out = join(archive, '_site');
  await cp(join(POSTS, '_posts'), join(archive, '_posts'), { recursive: true });
  await cp(join(POSTS, 'archived'), join(archive, 'archived'), { recursive: true });
  await buildSite({ archiveDir: archive, outDir: out, config: CONFIG });
});
afterAll(async () => {
  await rm(archive, { recursive: true, force: true });
});

describe('samizdat build: feeds and sitemap of real legacy posts', () => {
  it('writes feeds for the site and each source that feedparser and samizdat read back', async () => {
    const { posts } = await loadSitePosts(archive, { template: permalinkTemplate(CONFIG.permalink), timeZone: 'UTC' });
    const bySource = new Map<string, number>();
    for (const p of posts) bySource.set(sourcePath(p.post.site), (bySource.get(sourcePath(p.post.site)) ?? 0) + 1);
    expect(bySource.size).toBeGreaterThan(3);
    const folders = ['', ...bySource.keys()];
    const read = (rel: string): Promise<string> => readFile(join(out, rel), 'utf8');
    const atoms = await Promise.all(folders.map((f) => read(`${f}feed.xml`)));
    const rsss = await Promise.all(folders.map((f) => read(`${f}rss.xml`)));
    const results = feedparser([...atoms, ...rsss]);
    for (const [i, folder] of folders.entries()) {
      const n = Math.min(50, folder === '' ? posts.length : bySource.get(folder)!);
      const fa = results[i]!;
      const fr = results[folders.length + i]!;
      expect([fa.bozo, fa.exc, fa.version, fa.n], `${folder}feed.xml`).toEqual([0, '', 'atom10', n]);
      expect([fr.bozo, fr.exc, fr.version, fr.n], `${folder}rss.xml`).toEqual([0, '', 'rss20', n]);
      const json = parseFeed(await read(`${folder}feed.json`), 'https://reader.example/feed.json');
      const own = [parseFeed(atoms[i]!, 'https://reader.example/feed.xml'), parseFeed(rsss[i]!, 'https://reader.example/rss.xml'), json];
      for (const parsed of own) {
        expect(parsed.items.map((it) => it.title)).toEqual(fa.titles);
        expect(parsed.items.map((it) => it.link)).toEqual(fa.links);
      }
      expect(fa.links.every((l) => l!.startsWith('https://mirror.example.org/%E9%95%9C%E5%83%8F/'))).toBe(true);
    }
  });

  it('writes a sitemap of every post and list page', async () => {
    const { posts } = await loadSitePosts(archive, { template: permalinkTemplate(CONFIG.permalink), timeZone: 'UTC' });
    const parsed = expatLocs(await readFile(join(out, 'sitemap.xml'), 'utf8'));
    expect(parsed.error).toBe('');
    const locs = new Set(parsed.locs);
    const perSource = new Map<string, number>();
    for (const p of posts) perSource.set(sourcePath(p.post.site), (perSource.get(sourcePath(p.post.site)) ?? 0) + 1);
    const listPages = Math.ceil(posts.length / 50) + [...perSource.values()].reduce((n, c) => n + Math.ceil(c / 50), 0);
    // At least the posts, the home and source lists; all HTML pages where the build lists what it wrote.
    expect(parsed.locs.length).toBeGreaterThanOrEqual(posts.length + listPages);
    expect(locs.size).toBe(parsed.locs.length);
    for (const p of posts) expect(locs.has(`https://mirror.example.org/%E9%95%9C%E5%83%8F${p.url.split('/').map(encodeURIComponent).join('/')}`)).toBe(true);
    // Every listed page exists.
    for (const loc of parsed.locs) {
      const rel = decodeURIComponent(new URL(loc).pathname).replace(/^\/镜像\//, '');
      expect(existsSync(join(out, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel)), loc).toBe(true);
    }
  });

  it('leaves the feeds alone when a rebuild changes nothing', async () => {
    const files = ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml'];
    const before = await Promise.all(files.map(async (f) => (await stat(join(out, f))).mtimeMs));
    await new Promise((r) => setTimeout(r, 20));
    await buildSite({ archiveDir: archive, outDir: out, config: CONFIG });
    const after = await Promise.all(files.map(async (f) => (await stat(join(out, f))).mtimeMs));
    expect(files.filter((_f, i) => after[i] !== before[i])).toEqual([]);
  });
});
