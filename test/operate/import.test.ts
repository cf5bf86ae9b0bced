import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyUrlKey } from '../../src/archive/dedup-keys.js';
import { IndexDb } from '../../src/archive/index/index-db.js';
import { redirectList } from '../../src/archive/import/merge-duplicates.js';
import { publishedUrl, urlRules } from '../../src/archive/import/post-url.js';
import { readPost } from '../../src/archive/posts/read-post.js';
import { loadSubscriptions } from '../../src/config/load-subscriptions.js';
import { runCli } from '../helpers/cli.js';
import { copyLegacy, hashList, hasShared, MIRRORS, postHashes, SHARED_POSTS } from '../testdata/import/legacy-copy.js';

interface Report {
  posts: number; copied: number; indexed: number; legacyUrls: number;
  subs: { feeds: number } | { error: string } | null;
  findings: Array<{ kind: string; path: string; detail: string }>;
  duplicates: Array<{ link: string; keep: string; remove: string[] }>;
  merge?: { merged: number; removed: string[]; redirects: Array<{ from: string; to: string }>; problems: string[] };
}

const RULES = urlRules({ permalink: '/:year-:month-:day/:title/' });

describe('samizdat import (legacy mirror)', () => {
  it('--into copies every post byte for byte, indexes links and allurls.dat, keeps subs.json and _config.yml', async () => {
    const src = copyLegacy();
    const before = postHashes(src);
    expect(before.size).toBe(58);
    expect([...before.keys()].some((p) => p.includes('\n'))).toBe(true); // a real newline in a name
    const into = join(mkdtempSync(join(tmpdir(), 'samizdat-into-')), 'new');
    const out = await runCli(['import', src, '--into', into, '--json']);
    expect(out.code, out.stderr).toBe(1); // imported, but some names need doctor
    const report = JSON.parse(out.stdout) as Report;

    expect(postHashes(into)).toEqual(before); // same paths, same bytes
    expect(postHashes(src)).toEqual(before); // the source is untouched
    expect(report.posts).toBe(58);
    expect(report.indexed).toBe(58);
    for (const f of ['_config.yml', 'subs.json', 'allurls.dat']) expect(readFileSync(join(into, f), 'utf8')).toBe(readFileSync(join(src, f), 'utf8'));
    expect(report.subs).toEqual({ feeds: 3, warnings: [] });
    expect(loadSubscriptions(join(into, 'subs.json')).subs).toHaveLength(3);
    expect(readFileSync(join(into, '.gitignore'), 'utf8')).toMatch(/^\.samizdat\/$/m);

    // allurls.dat: 3 URLs (a blank line and a non-URL are ignored), each a dedup key; so is every post's link.
    expect(report.legacyUrls).toBe(3);
    const db = IndexDb.open(join(into, '.samizdat', 'index.db'));
    try {
      expect(db.hasAnyKey([legacyUrlKey('http://www.rti.org.tw/news/view/id/2088888')!])).toBe(true);
      expect(db.hasAnyKey([legacyUrlKey('https://never.example/archived')!])).toBe(false);
      for (const [path] of before) {
        const { post } = readPost(readFileSync(join(into, path), 'utf8'), path);
        if (post.link) expect(db.hasAnyKey([legacyUrlKey(post.link)!]), path).toBe(true);
      }
    } finally {
      db.close();
    }
    const kinds = new Set(report.findings.map((f) => f.kind));
    expect(kinds).toContain('bad-file-name');
    expect(report.findings.some((f) => f.path.includes('\n') && /U\+000A/.test(f.detail))).toBe(true);
    expect(report.duplicates.length).toBeGreaterThanOrEqual(5);
    expect(report.duplicates.find((g) => g.keep.startsWith('_posts/2018-10-10-'))?.remove).toEqual(['archived/2018-10-10/2018-10-10-“何不食肉糜”的劉瑜——自由派公知的衰落.md']);
  });

  it('in place: nothing changes but the index and .gitignore; a second import finds the same', async () => {
    const dir = copyLegacy();
    const before = postHashes(dir);
    const first = await runCli(['import', dir, '--json']);
    expect(first.code, first.stderr).toBe(1);
    expect(postHashes(dir)).toEqual(before);
    expect(existsSync(join(dir, '.samizdat', 'index.db'))).toBe(true);
    const again = await runCli(['import', dir, '--json']);
    expect(JSON.parse(again.stdout).duplicates).toEqual(JSON.parse(first.stdout).duplicates);
    expect(postHashes(dir)).toEqual(before);
  });

  it('--merge-duplicates keeps the earliest post per article, records the others\' URLs as redirect_from, and is idempotent', async () => {
    const dir = copyLegacy();
    const before = postHashes(dir);
    const texts = new Map([...before.keys()].map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
    const out = await runCli(['import', dir, '--merge-duplicates', '--json']);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.merge!.problems).toEqual([]);
    const removed = report.duplicates.flatMap((g) => g.remove);
    expect(removed.length).toBeGreaterThanOrEqual(6);
    const after = postHashes(dir);
    expect(after.size).toBe(before.size - removed.length);
    for (const g of report.duplicates) {
      expect(after.has(g.keep)).toBe(true);
      for (const r of g.remove) expect(after.has(r)).toBe(false);
      const kept = readFileSync(join(dir, g.keep), 'utf8');
      const keptUrl = publishedUrl(kept, g.keep, RULES);
      const expected = g.remove.map((r) => publishedUrl(texts.get(r)!, r, RULES)!).filter((u) => u !== keptUrl);
      expect(redirectList(kept).sort()).toEqual([...new Set(expected)].sort());
      // Only the front matter gained lines: the rest of the kept post is as it was.
      const old = texts.get(g.keep)!;
      if (expected.length) expect(kept.replace(/^redirect_from: .*\n/m, '')).toBe(old);
      expect(readPost(kept, g.keep).post).toEqual(readPost(old, g.keep).post);
      // Kept: the earliest of its group.
      const date = (p: string): number => readPost(texts.get(p)!, p).post.date;
      for (const r of g.remove) expect(date(g.keep)).toBeLessThanOrEqual(date(r));
    }
    // Every other post is untouched.
    const keptPaths = new Set(report.duplicates.map((g) => g.keep));
    for (const [p, h] of after) if (!keptPaths.has(p)) expect(h, p).toBe(before.get(p));
    const again = await runCli(['import', dir, '--merge-duplicates', '--json']);
    expect((JSON.parse(again.stdout) as Report).duplicates).toEqual([]);
    expect(postHashes(dir)).toEqual(after);
  });

  it('never trusts the legacy tree: a 100 MB post, binaries, symlinks out of the archive and a newline in a name are reported, kept or skipped, never followed', async () => {
    const src = copyLegacy();
    const outside = mkdtempSync(join(tmpdir(), 'samizdat-outside-'));
    writeFileSync(join(outside, 'secret.md'), '---\ntitle: "secret"\nfrom: https://secret.example/\n---\nsecret\n');
    const { symlinkSync, truncateSync } = await import('node:fs');
    writeFileSync(join(src, '_posts', '2020-01-01-huge.md'), '');
    truncateSync(join(src, '_posts', '2020-01-01-huge.md'), 100 * 1024 * 1024);
    writeFileSync(join(src, '_posts', '2020-01-02-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff, 0xfe]));
    writeFileSync(join(src, '_posts', '2020-01-03-latin1.md'), Buffer.from('---\ntitle: "caf\xe9"\n---\n', 'latin1'));
    writeFileSync(join(src, '_posts', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
    symlinkSync(join(outside, 'secret.md'), join(src, '_posts', '2020-01-04-link.md'));
    symlinkSync(outside, join(src, 'archived', 'escape'));
    writeFileSync(join(src, '_posts', '2020-01-05-two\nlines.md'), '---\ntitle: "two lines"\nfrom: https://two.example/\n---\n<!--1577836800000-->\n');

    const into = join(mkdtempSync(join(tmpdir(), 'samizdat-into-')), 'new');
    const out = await runCli(['import', src, '--into', into, '--json'], { timeoutMs: 60_000 });
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as Report;
    const find = (kind: string, path: string) => report.findings.find((f) => f.kind === kind && f.path === path);
    expect(find('too-large', '_posts/2020-01-01-huge.md')?.detail).toMatch(/104857600 bytes/);
    expect(find('not-text', '_posts/2020-01-02-binary.md')?.detail).toMatch(/NUL/);
    expect(find('not-text', '_posts/2020-01-03-latin1.md')?.detail).toMatch(/UTF-8/);
    expect(find('not-a-post', '_posts/photo.png')).toBeDefined();
    expect(find('symlink', '_posts/2020-01-04-link.md')).toBeDefined();
    expect(find('symlink', 'archived/escape')).toBeDefined();
    expect(find('bad-file-name', '_posts/2020-01-05-two\nlines.md')?.detail).toMatch(/U\+000A/);

    // Kept (byte for byte), but no link copied or followed; nothing outside was touched.
    expect(lstatSync(join(into, '_posts', '2020-01-01-huge.md')).size).toBe(100 * 1024 * 1024);
    expect(readFileSync(join(into, '_posts', '2020-01-02-binary.md'))).toEqual(readFileSync(join(src, '_posts', '2020-01-02-binary.md')));
    expect(existsSync(join(into, '_posts', '2020-01-05-two\nlines.md'))).toBe(true);
    expect(existsSync(join(into, '_posts', 'photo.png'))).toBe(true);
    expect(existsSync(join(into, '_posts', '2020-01-04-link.md'))).toBe(false);
    expect(existsSync(join(into, 'archived', 'escape'))).toBe(false);
    expect(readdirSync(outside)).toEqual(['secret.md']);
    const db = IndexDb.open(join(into, '.samizdat', 'index.db'));
    try {
      expect(db.hasAnyKey([legacyUrlKey('https://secret.example/')!])).toBe(false);
      expect(db.hasAnyKey([legacyUrlKey('https://two.example/')!])).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses in place when a post folder is a symbolic link, and --into a folder that is not empty', async () => {
    const { symlinkSync, renameSync } = await import('node:fs');
    const dir = copyLegacy();
    const real = mkdtempSync(join(tmpdir(), 'samizdat-real-posts-'));
    renameSync(join(dir, '_posts'), join(real, '_posts'));
    symlinkSync(join(real, '_posts'), join(dir, '_posts'));
    const out = await runCli(['import', dir]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/_posts is a symbolic link/);
    expect(existsSync(join(dir, '.samizdat'))).toBe(false);

    const full = copyLegacy();
    const refused = await runCli(['import', copyLegacy(), '--into', full]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty/);
  });

  it('routes an OPML file to the subscriptions (by name or by content); another file is a usage error', async () => {
    const mirror = copyLegacy();
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-opml-'));
    const opml = '<?xml version="1.0"?><opml version="2.0"><body><outline text="RFA" xmlUrl="https://www.rfa.org/mandarin/yataibaodao/rss2.xml"/><outline text="VOA" xmlUrl="https://feedx.net/rss/mgzy1.xml"/></body></opml>';
    writeFileSync(join(dir, 'feeds.opml'), opml);
    const out = await runCli(['import', join(dir, 'feeds.opml'), '--into', mirror]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/imported 1 feed .*1 already subscribed/);
    expect(loadSubscriptions(join(mirror, 'subs.json')).subs.map((s) => s.site)).toEqual(['美国之音', '德国之声', '中国数字时代', 'RFA']);
    writeFileSync(join(dir, 'export.xml'), opml.replace('RFA', 'RFA2').replace('rss2.xml', 'rss3.xml'));
    const byContent = await runCli(['import', join(dir, 'export.xml'), '--into', mirror]);
    expect(byContent.code, byContent.stderr).toBe(0);
    expect(loadSubscriptions(join(mirror, 'subs.json')).subs).toHaveLength(5);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const bad = await runCli(['import', join(dir, 'notes.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not OPML/);
  });

  it.skipIf(!hasShared)('loses no post of the four fixture mirrors in ../shared (count and content hashes)', async () => {
    for (const mirror of MIRRORS) {
      const src = copyLegacy(join(SHARED_POSTS, mirror));
      const before = postHashes(src);
      const into = join(mkdtempSync(join(tmpdir(), 'samizdat-into-')), mirror);
      const out = await runCli(['import', src, '--into', into, '--json']);
      expect(out.code, `${mirror}: ${out.stderr}`).not.toBe(2);
      expect(hashList(postHashes(into)), mirror).toEqual(hashList(before));
      expect(postHashes(into), mirror).toEqual(before);
      expect((JSON.parse(out.stdout) as Report).indexed, mirror).toBe(before.size);
    }
  }, 60_000);
});
