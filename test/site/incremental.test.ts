import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { buildSite, type BuildReport } from '../../src/site/build-site.js';
import { GENERATORS } from '../../src/site/generators/index.js';
import type { Generator } from '../../src/site/site-model.js';
import { siteDiff, siteTree } from './site-tree.js';

const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1, 4);
let archive: string;
let out: string;

function addPost(i: number, body = `正文 ${i}`): string {
  const title = `第${i}篇`;
  const date = START + i * DAY;
  const rel = `_posts/${new Date(date).toISOString().slice(0, 10)}-${title}.md`;
  writeFileSync(join(archive, rel), formatPost({ title, date, author: '甲', link: `https://example.org/${i}`, site: '甲', content: `<p>${body}</p>` }));
  return rel;
}
const build = (full = false): Promise<BuildReport> => buildSite({ archiveDir: archive, outDir: out, config: { paginate: 10 }, full });

describe('incremental builds', () => {
  beforeAll(async () => {
    archive = await mkdtemp(join(tmpdir(), 'samizdat-incr-'));
    out = join(archive, '_site');
    mkdirSync(join(archive, '_posts'));
    for (let i = 0; i < 40; i++) addPost(i);
  });

  it('rewrites only what changed, removes what is gone, and rebuilds all when asked or when the output is deleted', async () => {
    const first = await build();
    expect(first.read).toBe(40);
    expect(first.removed).toBe(0); // a first build has nothing to remove
    const total = first.written;
    expect(total).toBeGreaterThan(40);

    // Nothing changed: nothing read, nothing written.
    const same = await build();
    expect({ read: same.read, written: same.written, removed: same.removed }).toEqual({ read: 0, written: 0, removed: 0 });
    expect(same.unchanged).toBe(total);

    // Every file given a new mtime with the same bytes, as a fresh clone or a checkout leaves
    // them: each is read again, no page is written, and the build still knows its changes.
    const later = new Date(Date.now() + 60_000);
    for (const f of readdirSync(join(archive, '_posts'))) utimesSync(join(archive, '_posts', f), later, later);
    const touched = await build();
    expect({ read: touched.read, written: touched.written, removed: touched.removed, incremental: touched.incremental }).toEqual({ read: 40, written: 0, removed: 0, incremental: true });
    expect((await build()).read).toBe(0); // the cache learnt the new stamps

    // One new post: its page, and the pages that list it, are written; other post pages are not.
    addPost(100);
    const one = await build();
    expect(one.read).toBe(1);
    expect(one.written).toBeGreaterThanOrEqual(2);
    expect(one.written).toBeLessThan(total / 2);
    expect(existsSync(join(out, '2022-04-11/第100篇/index.html'))).toBe(true);

    // A changed post is re-rendered, even with the size and mtime it had.
    const third = join(archive, '_posts/2022-01-04-第3篇.md');
    const { mtime } = statSync(third);
    writeFileSync(third, readFileSync(third, 'utf8').replace('正文 3', '正文 Ⅲ'));
    utimesSync(third, later, later);
    const edited = await build();
    expect({ read: edited.read, incremental: edited.incremental }).toEqual({ read: 1, incremental: true });
    expect(edited.written).toBeGreaterThan(0);
    expect(readFileSync(join(out, '2022-01-04/第3篇/index.html'), 'utf8')).toContain('正文 Ⅲ');
    utimesSync(third, mtime, mtime);
    addPost(3, '改过的正文');
    const changed = await build();
    expect(changed.read).toBe(1);
    expect(readFileSync(join(out, '2022-01-04/第3篇/index.html'), 'utf8')).toContain('改过的正文');

    // A deleted post's page goes away.
    rmSync(join(archive, '_posts/2022-01-05-第4篇.md'));
    const gone = await build();
    expect(gone.removed).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(out, '2022-01-05/第4篇/index.html'))).toBe(false);

    // --full, or a deleted output folder, writes everything again.
    const full = await build(true);
    expect(full.unchanged).toBe(0);
    rmSync(out, { recursive: true });
    const again = await build();
    expect(again.unchanged).toBe(0);
    expect(again.written).toBe(full.written);
  });
});

/**
 * A new archive of 12 posts a day apart from the first of `month` (2022), one source, and its
 * builds into `_site/` (5 posts a list page; `generators` to run others than the site's).
 */
async function dailyArchive(name: string, month: number) {
  const dir = await mkdtemp(join(tmpdir(), `samizdat-${name}-`));
  const site = join(dir, '_site');
  mkdirSync(join(dir, '_posts'));
  const file = (i: number): string => join(dir, `_posts/2022-${String(month).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}-p${i}.md`);
  const post = (i: number, title = `第${i}篇`): void => writeFileSync(file(i),
    formatPost({ title, date: Date.UTC(2022, month - 1, i + 1, 4), author: '甲', link: `https://example.org/${i}`, site: '甲', content: `<p>正文 ${i}</p>` }));
  for (let i = 0; i < 12; i++) post(i);
  const build = (generators?: readonly Generator[]): Promise<BuildReport> =>
    buildSite({ archiveDir: dir, outDir: site, config: { paginate: 5 }, ...(generators ? { generators } : {}) });
  return { dir, site, file, post, build };
}

describe('an output folder put back from a copy', () => {
  it('is built on when it is the copy of the last build, and checked page by page when it is older', async () => {
    const { dir, site, post, build } = await dailyArchive('mark', 2);
    const copy = join(dir, 'copy');
    await build();
    const putBack = (): void => {
      rmSync(site, { recursive: true });
      cpSync(copy, site, { recursive: true });
    };

    // The last build's own output, copied away and back (as a deploy restored): nothing to write.
    cpSync(site, copy, { recursive: true });
    putBack();
    expect(await build()).toMatchObject({ written: 0, incremental: true });

    // An older copy put back after a later build: its pages are not what the record says.
    post(20);
    expect(await build()).toMatchObject({ incremental: true });
    putBack();
    const checked = await build();
    expect(checked.incremental).toBe(false);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('第20篇');
    expect(existsSync(join(site, '2022-02-21/p20/index.html'))).toBe(true);
    expect(await build()).toMatchObject({ written: 0, incremental: true });
  });
});

describe('a build that stops half way', () => {
  it('leaves a folder the next build does not trust: it rewrites every page, even when the change was undone in between', async () => {
    const { dir, site, file, post, build } = await dailyArchive('cut', 3);
    await build();
    const original = readFileSync(file(3));

    // A title edited, and a build that fails after writing the post pages (a full disk, a kill).
    post(3, '改过的标题');
    const failing: Generator = { name: 'failing', generate: () => Promise.reject(new Error('disk full')) };
    const order = [...GENERATORS];
    order.splice(order.findIndex((g) => g.name === 'post pages') + 1, 0, failing);
    await expect(build(order)).rejects.toThrow('disk full');
    expect(readFileSync(join(site, '2022-03-04/p3/index.html'), 'utf8')).toContain('改过的标题');

    // What a build killed while writing a page leaves beside it.
    const temp = join(site, '2022-03-05/p4/.samizdat-tmp-123-abcd-1');
    writeFileSync(temp, '<p>half a pa');
    // The edit undone (the same bytes as the last complete build read), then a build.
    writeFileSync(file(3), original);
    const next = await build();
    expect(next.incremental).toBe(false);
    expect(readFileSync(join(site, '2022-03-04/p3/index.html'), 'utf8')).not.toContain('改过的标题');
    expect(existsSync(temp)).toBe(false);
    const full = join(dir, 'full');
    await buildSite({ archiveDir: dir, outDir: full, config: { paginate: 5 }, full: true });
    expect(siteDiff(siteTree(site), siteTree(full))).toEqual([]);
    expect(await build()).toMatchObject({ written: 0, incremental: true });
  });
});

describe("the archive's CNAME", () => {
  it('follows the archive: copied when it names a domain, reported when not, removed with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-cname-'));
    const site = join(dir, '_site');
    mkdirSync(join(dir, '_posts'));
    writeFileSync(join(dir, '_posts/2022-02-01-p.md'), formatPost({ title: '一篇', date: Date.UTC(2022, 1, 1, 4), author: '甲', link: 'https://example.org/1', site: '甲', content: '<p>正文</p>' }));
    const build = (): Promise<BuildReport> => buildSite({ archiveDir: dir, outDir: site, config: { url: 'https://mirror.example.org' } });
    writeFileSync(join(dir, 'CNAME'), '<script>alert(1)</script>\n');
    expect((await build()).warnings).toContain('CNAME: "<script>alert(1)</script>" is not a domain name; not copied into the site');
    expect(existsSync(join(site, 'CNAME'))).toBe(false);
    writeFileSync(join(dir, 'CNAME'), '  news.mirror.example.org  \n\n');
    await build();
    expect(readFileSync(join(site, 'CNAME'), 'utf8')).toBe('news.mirror.example.org\n');
    expect(readFileSync(join(site, 'sitemap.xml'), 'utf8')).not.toContain('CNAME');
    rmSync(join(dir, 'CNAME'));
    await build();
    expect(existsSync(join(site, 'CNAME'))).toBe(false);
  });
});

describe('per-post permalinks and redirects', () => {
  it('honours a post\'s own permalink and writes a redirect page at each redirect_from URL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-redir-'));
    mkdirSync(join(dir, '_posts'));
    const base = formatPost({ title: '保留', date: START, author: '甲', link: 'https://example.org/keep', site: '甲', content: '<p>留下的</p>' });
    // As doctor --fix and import --merge-duplicates leave posts: extra front-matter lines.
    writeFileSync(join(dir, '_posts/2022-01-01-renamed.md'), base.replace('layout: post\n', 'layout: post\npermalink: "/2022-01-01/旧名字/"\nredirect_from: [ "/2021-12-31/合并掉的/" ]\n'));
    const report = await buildSite({ archiveDir: dir, outDir: join(dir, '_site'), config: {} });
    expect(report.posts).toBe(1);
    expect(existsSync(join(dir, '_site/2022-01-01/旧名字/index.html'))).toBe(true);
    const redirect = readFileSync(join(dir, '_site/2021-12-31/合并掉的/index.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=../../2022-01-01/旧名字/index.html">');
    expect(redirect).not.toMatch(/<script/i);
  });
});
