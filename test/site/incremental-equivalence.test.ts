import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import type { Post } from '../../src/model/index.js';
import { STATE_DIR } from '../../src/archive/archive.js';
import { buildSite, type BuildReport } from '../../src/site/build-site.js';
import { SiteCache } from '../../src/site/cache/site-cache.js';
import { openSearch } from '../../src/site/search/searcher.js';
import { allHits, diskLoader, random as mulberry32 } from './search-helpers.js';
import { siteDiff, siteTree } from './site-tree.js';

// An incremental build that knows the changes checks only the pages they touch and keeps the
// rest unchecked. Whatever the changes, its output must be the output of a full build.

const DAY = 86_400_000;
const START = Date.UTC(2021, 10, 20, 3);
const CONFIG = { paginate: 3, url: 'https://mirror.example', timezone: 'America/New_York' } as const;
const SOURCES = ['甲报', '乙台', '丙网'];

interface Live {
  file: string;
  post: Post;
}

// The compiled build runs generators on worker threads (the sources have no compiled worker
// script and run all on this thread): npm test builds dist/ first.
const compiled = async (): Promise<typeof buildSite> =>
  ((await import(pathToFileURL(join(import.meta.dirname, '../../dist/site/build-site.js')).href)) as typeof import('../../src/site/build-site.js')).buildSite;

describe('incremental builds that know the changes', () => {
  it('give the output of a full build after every kind of change, and keep the pages the changes do not touch', async () => {
    await equivalence(buildSite);
  }, 120_000);

  it('do so with worker threads too (post pages beside the other pages when many posts changed)', async () => {
    await equivalence(await compiled());
  }, 120_000);
});

async function equivalence(buildWith: typeof buildSite): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'samizdat-incr-eq-'));
  const archive = join(root, 'archive');
  mkdirSync(join(archive, '_posts'), { recursive: true });
  const random = mulberry32(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const live: Live[] = [];
  let serial = 0;
  const write = (l: Live): void => writeFileSync(join(archive, l.file), formatPost(l.post));
  const add = (date: number, site = pick(SOURCES), title = `第${++serial}篇`): Live => {
    const post: Post = { title, date, author: site, link: `https://example.org/${serial}`, site, content: `<p>正文 ${serial} ${title}</p>`, categories: random() < 0.3 ? ['要闻'] : [] };
    const l = { file: `_posts/${new Date(date).toISOString().slice(0, 10)}-${serial}.md`, post };
    write(l);
    live.push(l);
    return l;
  };
  const remove = (l: Live): void => {
    rmSync(join(archive, l.file));
    live.splice(live.indexOf(l), 1);
  };
  let clock = Date.now();
  const touchAll = (): void => {
    const when = new Date((clock += 60_000));
    for (const f of readdirSync(join(archive, '_posts'), { recursive: true, encoding: 'utf8' })) utimesSync(join(archive, '_posts', f), when, when);
  };
  for (let i = 0; i < 40; i++) add(START + Math.floor(random() * 90) * DAY + i * 60_000);

  const incremental = join(root, 'site');
  const build = (dir: string, outDir: string, full = false): Promise<BuildReport> => buildWith({ archiveDir: dir, outDir, config: CONFIG, full });
  await build(archive, incremental);

  // Each step changes the archive, then an incremental build is compared with a full build of a copy.
  const steps: Array<[string, () => void]> = [
    ['a new post, newest', () => void add(START + 100 * DAY)],
    ['ten new posts', () => { for (let i = 0; i < 10; i++) add(START + 101 * DAY + i * 3_600_000); }],
    ['a post dated among old ones', () => void add(START + 5 * DAY + 1000)],
    ['a title edited in place', () => { const l = pick(live); l.post = { ...l.post, title: `${l.post.title}（改）` }; write(l); }],
    ['a post moved to another source', () => { const l = pick(live); l.post = { ...l.post, site: SOURCES[(SOURCES.indexOf(l.post.site) + 1) % 3]! }; write(l); }],
    ['a post redated', () => { const l = pick(live); l.post = { ...l.post, date: l.post.date - 40 * DAY }; write(l); }],
    ['an old post deleted', () => remove(live.reduce((a, b) => (a.post.date < b.post.date ? a : b)))],
    ['the newest post deleted', () => remove(live.reduce((a, b) => (a.post.date > b.post.date ? a : b)))],
    ['a post in a new source and month', () => void add(START + 200 * DAY, '丁刊')],
    ['the only post of a source deleted', () => remove(live.find((l) => l.post.site === '丁刊')!)],
    ['a post with the URL of another (same name, same day)', () => {
      const l = pick(live);
      const dup = { file: l.file.replace('_posts/', '_posts/dup/'), post: { ...l.post, date: l.post.date + 1000, content: '<p>另一篇</p>' } };
      mkdirSync(join(archive, '_posts/dup'), { recursive: true });
      write(dup);
      live.push(dup);
      hidden = 1;
    }],
    // Neither post of the shared URL changes: the build knows of it from the last one.
    ['another post edited while two share a URL', () => {
      const dup = live[live.length - 1]!;
      const l = pick(live.filter((x) => x.post.title !== dup.post.title));
      l.post = { ...l.post, content: '<p>改过的正文</p>' };
      write(l);
    }],
    ['the later of the two deleted', () => { remove(live[live.length - 1]!); hidden = 0; }],
    ['a file renamed', () => { const l = pick(live); const to = l.file.replace('.md', '-x.md'); renameSync(join(archive, l.file), join(archive, to)); l.file = to; }],
    ['a post whose URL a page of the site takes', () => {
      const l = add(START + 30 * DAY);
      writeFileSync(join(archive, l.file), formatPost(l.post).replace('---\n', '---\npermalink: /search/\n'));
      live.splice(live.indexOf(l), 1);
      taken = l;
    }],
    ['nothing', () => undefined],
    // As a fresh clone or a checkout leaves the files.
    ['every file given a new mtime, same bytes', () => touchAll()],
    ['every file given a new mtime, one title edited', () => { touchAll(); const l = pick(live); l.post = { ...l.post, title: `${l.post.title}（三改）` }; write(l); }],
    ['a title edited in place, with a post left out', () => { const l = pick(live); l.post = { ...l.post, title: `${l.post.title}（再改）` }; write(l); }],
    ['the post left out given its own URL again', () => { write(taken!); live.push(taken!); }],
    ['several changes at once', () => {
      for (let i = 0; i < 6; i++) add(START + Math.floor(random() * 120) * DAY + 7000 + i);
      remove(pick(live));
      const l = pick(live);
      l.post = { ...l.post, content: '<p>新的正文</p>' };
      write(l);
    }],
  ];
  let taken: Live | undefined;
  /** Posts whose page a later post with their URL takes. */
  let hidden = 0;
  let knew = 0;
  for (const [name, change] of steps) {
    change();
    const report = await build(archive, incremental);
    const copy = join(root, `copy-${knew}-${name.length}`);
    cpSync(join(archive, '_posts'), join(copy, '_posts'), { recursive: true });
    const full = await build(copy, join(copy, '_site'), true);
    const differences = siteDiff(siteTree(incremental), siteTree(join(copy, '_site')), ['incremental', 'full']);
    expect(differences, `after "${name}"`).toEqual([]);
    // The search index is laid out differently (segments), but holds no folder of a segment it no longer uses…
    const manifest = JSON.parse(readFileSync(join(incremental, 'search/index.json'), 'utf8')) as { segments: Array<{ id: string }> };
    expect(readdirSync(join(incremental, 'search/shards')).sort(), name).toEqual(manifest.segments.map((seg) => seg.id).sort());
    // …and finds the same posts.
    for (const query of ['正文', '改', '篇']) {
      const found = async (dir: string): Promise<string[]> => (await allHits(await (await openSearch(diskLoader(dir).load)).search(query))).map((h) => `${h.href} ${h.title}`).sort();
      const want = await found(join(copy, '_site'));
      expect(await found(incremental), `${name}: ${query}`).toEqual(want);
      if (query === '篇') expect(want.length, name).toBe(live.length - hidden);
    }
    // The count of files the build remembers (instead of counting its record) is the record's.
    const cache = SiteCache.open(join(archive, STATE_DIR, 'site-cache.db'))!;
    expect(Number(cache.memory(resolve(incremental)).get('build:files')), name).toBe(cache.outputCount(resolve(incremental)));
    cache.close();
    expect(report.posts, name).toBe(full.posts);
    expect(report.posts, name).toBe(live.length - hidden);
    expect(report.warnings.filter((w) => w.includes(': same URL ')), name).toEqual(full.warnings.filter((w) => w.includes(': same URL ')));
    expect([...report.skipped].sort(), name).toEqual([...full.skipped].sort());
    if (/takes|nothing|with a post left out/.test(name)) expect(report.skipped.some((line) => line.includes('is taken by a page')), name).toBe(true);
    if (report.incremental) {
      knew++;
      // One post changed: a few pages written, far fewer than a full build writes.
      if (!/ten|several/.test(name)) expect(report.written, name).toBeLessThan(full.written / 3);
      if (name.includes('same bytes')) expect(report.written, name).toBe(0);
    }
    rmSync(copy, { recursive: true });
  }
  // URL collisions touching a change make the earlier site unknowable: those builds check every page.
  expect(knew).toBeGreaterThanOrEqual(steps.length - 2);
}

describe('incremental builds into two folders', () => {
  it('check every page of a folder whose last build did not see the latest changes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'samizdat-incr-two-'));
    const archive = join(root, 'archive');
    mkdirSync(join(archive, '_posts'), { recursive: true });
    const post = (i: number, title = `第${i}篇`): void => writeFileSync(join(archive, `_posts/2022-03-${String(i + 1).padStart(2, '0')}-p${i}.md`),
      formatPost({ title, date: Date.UTC(2022, 2, i + 1, 5), author: '甲', link: `https://example.org/${i}`, site: i % 2 ? '甲' : '乙', content: `<p>正文${i}</p>` }));
    for (let i = 0; i < 12; i++) post(i);
    const build = (outDir: string, full = false): Promise<BuildReport> => buildSite({ archiveDir: archive, outDir, config: CONFIG, full });
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    await build(a);
    await build(b);
    // New mtimes, same bytes, seen by b only: no post changed, so a still knows every change.
    const later = new Date(Date.now() + 60_000);
    for (const f of readdirSync(join(archive, '_posts'))) utimesSync(join(archive, '_posts', f), later, later);
    expect(await build(b)).toMatchObject({ read: 12, written: 0, incremental: true });
    expect(await build(a)).toMatchObject({ read: 0, written: 0, incremental: true });
    post(3, '改过的标题'); // seen by b's next build only
    expect((await build(b)).incremental).toBe(true);
    post(20);
    const again = await build(a);
    expect(again.incremental).toBe(false); // a missed a change: it checks every page
    await build(join(root, 'full'), true);
    expect(siteDiff(siteTree(a), siteTree(join(root, 'full')), ['incremental', 'full'])).toEqual([]);
    expect(readFileSync(join(a, '2022-03-04/p3/index.html'), 'utf8')).toContain('改过的标题');
  });
});
