import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { readPost } from '../../src/archive/posts/read-post.js';
import { htmlToText } from '../../src/content/text.js';
import { buildSite, siteSettings } from '../../src/site/build-site.js';
import { displayText } from '../../src/site/display-text.js';
import { homePages } from '../../src/site/generators/home-pages.js';
import { search as searchGenerator } from '../../src/site/generators/search.js';
import { loadSitePosts } from '../../src/site/load-posts.js';
import { permalinkTemplate } from '../../src/site/permalink.js';
import { isWebLink, siteModel } from '../../src/site/post-content.js';
import { presentContent } from '../../src/site/present-content.js';
import { relativeHref } from '../../src/site/relative-href.js';
import { SEARCH_PAGE } from '../../src/site/search/search-page.js';
import { queryTerms } from '../../src/site/search/keys.js';
import { openSearch } from '../../src/site/search/searcher.js';
import { SiteCache } from '../../src/site/cache/site-cache.js';
import { siteCacheFile } from '../../src/site/cache/site-cache-files.js';
import { runCli } from '../helpers/cli.js';
import { allHits, diskLoader, sampleHanQueries, type Search } from './search-helpers.js';

const FIXTURE = fileURLToPath(new URL('../testdata/site/jekyll-urls/', import.meta.url));

let archive: string;
let out: string;
/** Each post's searched text (title, line break, content as plain text), by its href from the search page. */
const texts = new Map<string, string>();
let search: Search;
const disk = { current: undefined as unknown as ReturnType<typeof diskLoader> };

beforeAll(async () => {
  archive = await mkdtemp(join(tmpdir(), 'samizdat-search-'));
  cpSync(FIXTURE, archive, { recursive: true });
  out = join(archive, '_site');
  const report = await buildSite({ archiveDir: archive, outDir: out, config: { title: '搜索测试' }, generators: [searchGenerator] });
  expect(report.posts).toBeGreaterThan(150);
  // The expected answers, computed independently of the index: the post files read again, the
  // text of the content their pages show (sanitized, presentation added) taken by the HTML parser.
  const { posts } = await loadSitePosts(archive, { template: permalinkTemplate(undefined), timeZone: 'UTC' });
  for (const p of posts) {
    const { post } = readPost(readFileSync(join(archive, p.file), 'utf8'), basename(p.file));
    const shown = presentContent(post.content, isWebLink(post.link) ? post.link : 'https://invalid.invalid/');
    texts.set(relativeHref(SEARCH_PAGE, p.outPath), `${displayText(p.post.title)}\n${htmlToText(shown)}`);
  }
  expect(texts.size).toBe(report.posts);
  disk.current = diskLoader(out);
  search = await openSearch(disk.current.load);
});
afterAll(async () => {
  await rm(archive, { recursive: true, force: true });
});

async function found(query: string): Promise<string[]> {
  return (await allHits(await search.search(query))).map((h) => h.href);
}
const containing = (test: (text: string) => boolean): string[] => [...texts].filter(([, t]) => test(t)).map(([href]) => href);

describe('search index over the fixture posts', () => {
  it('finds every post holding a sampled 2–6 character Chinese query, and only those', async () => {
    const queries = sampleHanQueries([...texts.values()], 150, 42);
    expect(queries.length).toBe(150);
    let expected = 0;
    for (const q of queries) {
      const want = containing((t) => t.includes(q)).sort();
      const got = await found(q);
      expect(new Set(got).size, q).toBe(got.length);
      expect(got.sort(), q).toEqual(want);
      expected += want.length;
    }
    expect(expected).toBeGreaterThan(150);
  });

  it('lists results newest first, a page at a time, with title, date, source and a snippet marking the query', async () => {
    const results = await search.search('的');
    const want = containing((t) => t.includes('的'));
    expect(results.count()).toEqual({ found: want.length, unchecked: 0 });
    const pages = [await results.page(0, 20), await results.page(1, 20)];
    const hits = [...pages[0]!.hits, ...pages[1]!.hits];
    expect(hits).toHaveLength(40);
    expect(pages.map((p) => p.more)).toEqual([true, want.length > 40]);
    expect(new Set(hits.map((h) => h.href)).size).toBe(40);
    const dates = hits.map((h) => h.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const h of hits) {
      expect(h.href).toMatch(/^\.\.\/\d{4}-\d\d-\d\d\/.+\/index\.html$/);
      expect(h.title).toBe(texts.get(h.href)!.split('\n')[0]);
      expect(h.date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      expect(h.source).not.toBe('');
    }
    const china = (await (await search.search('中国')).page(0, 20)).hits;
    expect(china.length).toBeGreaterThan(10);
    const marked = china.flatMap((h) => h.snippet.filter((p) => p.mark).map((p) => p.text));
    expect(marked.length).toBeGreaterThanOrEqual(china.length - 2); // a match in the title only shows the content's start
    expect(new Set(marked)).toEqual(new Set(['中国']));
  });

  it('matches Latin words and numbers by word prefix, case and width folded', async () => {
    const wordStart = (w: string) => (t: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${w}`, 'iu').test(t.normalize('NFKC'));
    // Words longer than the indexed prefixes (8 characters) are verified against the text.
    const long = [...new Set([...texts.values()].join(' ').match(/\b[a-z]{11,}\b/gi) ?? [])].slice(0, 3);
    expect(long).toHaveLength(3);
    for (const q of ['iyouport', 'Chin', '2014', 'Google', 'ＦＡＣＥＢＯＯＫ', 'twitter', ...long]) {
      const word = q.normalize('NFKC').toLowerCase();
      const want = containing((t) => wordStart(word)(t.replace(/\p{sc=Han}/gu, ' '))).sort();
      expect(want.length, q).toBeGreaterThan(0);
      expect((await found(q)).sort(), q).toEqual(want);
    }
  });

  it('takes several terms as AND, and mixed scripts as separate terms', async () => {
    const both = containing((t) => t.includes('美国') && t.includes('中国')).sort();
    expect(both.length).toBeGreaterThanOrEqual(3);
    expect((await found('美国 中国')).sort()).toEqual(both);
    expect((await found('美国，中国')).sort()).toEqual(both);
    expect(queryTerms('翻墙VPN')).toEqual([{ text: '翻墙', ideographic: true }, { text: 'vpn', ideographic: false }]);
    const mixed = containing((t) => t.includes('中国') && /(?<![\p{L}\p{N}\p{M}])chin/iu.test(t.replace(/\p{sc=Han}/gu, ' '))).sort();
    expect(mixed.length).toBeGreaterThan(0);
    expect((await found('中国Chin')).sort()).toEqual(mixed);
  });

  it('answers one-character, empty and hopeless queries', async () => {
    expect((await found('墙')).sort()).toEqual(containing((t) => t.includes('墙')).sort());
    const empty = await search.search('  ，。!  ');
    expect(empty.terms).toEqual([]);
    expect(empty.candidates).toBe(0);
    expect((await empty.page(0, 20)).hits).toEqual([]);
    const none = await search.search('龘龘齉');
    expect(none.candidates).toBe(0);
    expect(await found('龘龘齉')).toEqual([]);
    expect(await found('zzqqxx')).toEqual([]);
  });

  it('downloads only the shards of its keys and the documents it shows', async () => {
    disk.current.reset();
    const results = await search.search('习近平');
    await results.page(0, 20);
    const bytes = disk.current.bytes();
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(200_000);
    expect(search.manifest.segments.map((seg) => seg.shards)).toEqual([expect.any(Number)]);
  });
});

describe('what a build tells of the search index before it runs', () => {
  it('reads every post\'s text when there is no index to extend, and only new posts\' once there is one', async () => {
    const { posts } = await loadSitePosts(archive, { template: permalinkTemplate(undefined), timeZone: 'UTC' });
    const model = siteModel(posts, siteSettings({ title: '搜索测试' }), archive);
    expect(searchGenerator.readsEveryText?.(model, () => undefined)).toBe(true);
    const cache = SiteCache.open(siteCacheFile(archive))!;
    try {
      const memory = cache.memory(resolve(out));
      expect(memory.has('search')).toBe(true);
      expect(searchGenerator.readsEveryText?.(model, (key) => memory.get(key))).toBe(false);
      // An index of another format, or keyed in another time zone, is started afresh.
      const other = (edit: (head: Record<string, unknown>) => void) => (key: string): string | undefined => {
        if (key !== 'search') return memory.get(key);
        const head = JSON.parse(memory.get(key)!) as Record<string, unknown>;
        edit(head);
        return JSON.stringify(head);
      };
      expect(searchGenerator.readsEveryText?.(model, other((h) => (h['format'] = 'search-0')))).toBe(true);
      expect(searchGenerator.readsEveryText?.(model, other((h) => (h['basis'] = '[]')))).toBe(true);
      expect(searchGenerator.readsEveryText?.(model, () => '{not json')).toBe(true);
    } finally {
      cache.close();
    }
  });
});

describe('the search index of a CLI build', () => {
  it('is the same, byte for byte, as the one built in this process', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'samizdat-search-cli-'));
    try {
      cpSync(FIXTURE, copy, { recursive: true });
      const r = await runCli(['build', '--archive', copy, '--out', join(copy, 'out'), '--json']);
      expect(r.code, r.stderr).toBe(0);
      const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
      const ours = files(join(out, 'search')).filter((f) => f !== 'index.html'); // the page names the site's title
      expect(ours).toContain('index.json');
      expect(files(join(copy, 'out/search')).filter((f) => f !== 'index.html')).toEqual(ours);
      expect(ours.filter((f) => f.startsWith('shards/')).length).toBe(search.manifest.segments[0]!.shards);
      for (const f of ours) expect(readFileSync(join(copy, 'out/search', f)).equals(readFileSync(join(out, 'search', f))), f).toBe(true);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe('the search page and its script', () => {
  it('loads one same-origin script file: no inline script, no handler attribute', () => {
    const page = readFileSync(join(out, 'search/index.html'), 'utf8');
    expect(page).toContain(`content="script-src 'self';`);
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script src="../assets/search.js" defer>']);
    expect(page).not.toMatch(/<script\b[^>]*>[^<]/);
    expect(page).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(page).toMatch(/<p id="search-local" class="search-note" hidden>[^<]*file:\/\//);
    expect(page).toContain('<form id="search-form"');
    expect(readFileSync(join(out, 'assets/search.css'), 'utf8')).toContain('.search-results');
  });

  it('runs in a bare JavaScript context and answers as the runtime modules do', async () => {
    const code = readFileSync(join(out, 'assets/search.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(?:import|export)\b/m);
    const requested: string[] = [];
    const fakeFetch = async (url: string): Promise<Response> => {
      requested.push(url);
      const u = new URL(url);
      expect(u.origin).toBe('http://site.test');
      try {
        return new Response(await readFile(join(out, decodeURIComponent(u.pathname))));
      } catch {
        return new Response('not found', { status: 404 });
      }
    };
    const context = createContext({ fetch: fakeFetch, URL, TextDecoder, TextEncoder, Blob, Response, DecompressionStream });
    runInContext(code, context);
    const api = context.samizdatSearch as { fetchLoader: (href: string) => { load: (p: string) => Promise<Uint8Array>; version: string }; openSearch: typeof openSearch };
    const loader = api.fetchLoader('http://site.test/search/index.html?q=x#top');
    const bundled = await api.openSearch(loader.load);
    loader.version = bundled.manifest.build;
    for (const q of ['习近平', '中国 美国', 'iyouport', '的', '龘']) {
      const got = (await allHits(await bundled.search(q))).map((h) => h.href).sort();
      expect(got, q).toEqual((await found(q)).sort());
    }
    expect(requested[0]).toBe('http://site.test/search/index.json');
    expect(requested.length).toBeGreaterThan(20);
    expect(requested.slice(1).every((u) => u.endsWith(`.bin?v=${bundled.manifest.build}`))).toBe(true);
  });

  it('keeps the whole index when no post changed; adds, changes and removes posts with a small new segment', async () => {
    const build = (): ReturnType<typeof buildSite> => buildSite({ archiveDir: archive, outDir: out, config: { title: '搜索测试' }, generators: [homePages, searchGenerator] });
    const open = async (): Promise<Search> => openSearch(diskLoader(out).load);
    await build(); // the first build had no home page: the output did not count as a finished build
    const again = await build();
    expect(again.written).toBe(0);
    expect(again.removed).toBe(0);
    const baseShards = join(out, 'search/shards', search.manifest.segments[0]!.id);
    const shardTimes = (): number[] => readdirSync(baseShards).sort().map((f) => statSync(join(baseShards, f)).mtimeMs);
    const shardsBefore = shardTimes();
    const oldDoc = join(out, 'search/texts/0/0.bin');
    const before = statSync(oldDoc).mtimeMs;
    const xiBefore = (await found('习近平')).sort();

    // Added: one new segment of one shard; the first segment's files stay as they were.
    const newPost = (title: string, day: number, content: string): string => {
      const file = join(archive, `_posts/2030-01-${String(day).padStart(2, '0')}-${title}.md`);
      writeFileSync(file, formatPost({ title, date: Date.UTC(2030, 0, day), author: 'a', link: `https://example.org/${day}`, site: '测试', content }));
      return file;
    };
    const first = newPost('新文章', 1, '<p>独一无二的词语麒麟蛋，习近平</p>');
    const added = await build();
    let s = await open();
    expect(s.manifest.docs).toBe(texts.size + 1);
    expect(s.manifest.segments.length).toBe(2);
    expect(s.manifest.segments[1]!.shards).toBe(1);
    expect(shardTimes()).toEqual(shardsBefore);
    expect(statSync(oldDoc).mtimeMs).toBe(before);
    // The new shard, the new text file, starts.bin and the manifest, and the home pages that changed.
    const homeFiles = readdirSync(out, { recursive: true }).filter((f) => /^(index\.html|page\d+)/.test(String(f)) && String(f).endsWith('.html')).length;
    expect(added.written).toBeLessThanOrEqual(4 + homeFiles);
    const hrefNew = '../2030-01-01/新文章/index.html';
    expect((await allHits(await s.search('麒麟蛋'))).map((h) => [h.title, h.href])).toEqual([['新文章', hrefNew]]);
    // A query whose posts span both segments finds them all, the new one first.
    const xi = (await allHits(await s.search('习近平'))).map((h) => h.href);
    expect(xi[0]).toBe(hrefNew);
    expect(xi.slice(1).sort()).toEqual(xiBefore);

    // Changed: the old version is no result any more, the new one is.
    writeFileSync(first, readFileSync(first, 'utf8').replace('麒麟蛋', '凤凰蛋'));
    await build();
    s = await open();
    expect(s.manifest.removed).toEqual([texts.size]);
    expect(await allHits(await s.search('麒麟蛋'))).toEqual([]);
    expect((await allHits(await s.search('凤凰蛋'))).map((h) => h.href)).toEqual([hrefNew]);

    // Many small additions: segments merge as they grow, every post stays findable.
    for (let i = 0; i < 12; i++) {
      newPost(`追加${i}`, 2 + i, `<p>编号词${'甲乙丙丁戊己庚辛壬癸子丑'[i]!}麒麟角</p>`);
      if (i % 3 === 2) await build();
    }
    s = await open();
    expect(s.manifest.segments.length).toBeLessThanOrEqual(4);
    expect((await allHits(await s.search('麒麟角'))).length).toBe(12);
    expect((await allHits(await s.search('凤凰蛋'))).map((h) => h.href)).toEqual([hrefNew]);

    // Removed: no result, and its text file is gone.
    rmSync(first);
    const gone = await build();
    expect(gone.removed).toBeGreaterThanOrEqual(1);
    s = await open();
    expect(await allHits(await s.search('凤凰蛋'))).toEqual([]);
    expect((await allHits(await s.search('习近平'))).map((h) => h.href).sort()).toEqual(xiBefore);
    expect(existsSync(join(out, 'search/texts', String(Math.floor(s.manifest.removed.at(-1)! / 1000)), `${s.manifest.removed.at(-1)!}.bin`))).toBe(false);
  });
});
