import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll } from 'domutils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { buildSite, type BuildReport } from '../../src/site/build-site.js';
import { SiteCache } from '../../src/site/cache/site-cache.js';
import { TZ_DATA } from '../../src/site/zoned-time.js';
import { runCli } from '../helpers/cli.js';

const DAY = 86_400_000;
const START = Date.UTC(2021, 0, 1, 4, 0, 0);
let archive: string;
let out: string;
let report: BuildReport;

function put(rel: string, data: string | Uint8Array): void {
  mkdirSync(dirname(join(archive, rel)), { recursive: true });
  writeFileSync(join(archive, rel), data);
}

/** Every output file, relative to the output folder. */
function outputFiles(dir = out, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? outputFiles(dir, posix.join(rel, e.name)) : [posix.join(rel, e.name)]);
}
const page = (rel: string): string => readFileSync(join(out, rel), 'utf8');

beforeAll(async () => {
  archive = await mkdtemp(join(tmpdir(), 'samizdat-site-'));
  out = join(archive, '_site');
  put('_config.yml', 'title: 测试镜像\ndescription: "a <b>test</b> mirror"\npaginate: 50\n');
  // 117 ordinary posts a day apart (two sources), written by samizdat's own post writer.
  for (let i = 0; i < 117; i++) {
    const date = START + i * DAY;
    const site = i % 2 ? '美国之音' : '德国之声';
    const title = `第${i}篇 新闻 #${i}`;
    const iso = new Date(date).toISOString().slice(0, 10);
    put(`_posts/${iso}-${title}.md`, formatPost({ title, date, author: i % 3 ? site : '记者甲', link: `https://example.org/a/${i}`, site, content: `<p>正文 ${i}</p>` }));
  }
  // The example title (legacy file under archived/), a Jekyll "pretty" slug with CJK kept.
  put('archived/2014-04-18/2014-04-18-翻墙七种武器之离别钩：VPN Gate (上).md', formatPost({
    title: '翻墙七种武器之离别钩：VPN Gate (上)', date: Date.UTC(2014, 3, 18, 2), author: '编辑', link: 'https://example.org/vpn', site: '自由亚洲电台',
    content: '<p>见 <a href="https://example.org/x" target="_blank" rel="opener">这里</a> 与 <img src="https://example.org/i.png"></p>',
  }));
  // Legacy raw feed HTML with XSS, and an XSS title.
  put('_posts/2015-06-01-xss.md', `---\nlayout: post\ntitle: "<script>alert(1)</script> &quot;引号&quot;"\ndate: 2015-06-01T00:00:00.000Z\nauthor: x\nfrom: javascript:alert(1)\ntags: [ 来源 ]\ncategories: [ 来源 ]\n---\n<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">j</a><svg onload=alert(4)></svg><iframe srcdoc="<script>alert(5)</script>"></iframe><p onclick="alert(6)" style="color:red">p</p>\n`);
  // A legacy post from Jekyll's world with a title the URL rules must keep or drop.
  put('_posts/2016-02-03-a..b & c?d#e.md', formatPost({ title: 'a..b & c?d#e', date: Date.UTC(2016, 1, 3), author: 's', link: 'https://example.org/dots', site: 's', content: '<p>dots</p>' }));
  // Broken: not UTF-8, and a file name without a date.
  put('_posts/2017-01-01-broken.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xfd, 0x0a]));
  put('_posts/no-date-here.md', formatPost({ title: 'x', date: 0, author: 'a', link: 'https://example.org/n', site: 's', content: '<p>n</p>' }));
  report = await buildSite({ archiveDir: archive, outDir: out, config: { title: '测试镜像', paginate: 50, description: 'a <b>test</b> mirror' } });
});
afterAll(async () => {
  await rm(archive, { recursive: true, force: true });
});

describe('samizdat build', () => {
  it('writes one page per post at its Jekyll permalink, and reports the broken ones', () => {
    expect(report.posts).toBe(120);
    expect(existsSync(join(out, '2014-04-18/翻墙七种武器之离别钩-VPN-Gate-(上)/index.html'))).toBe(true);
    // '..' becomes '/', '?' and '#' become '-' (Jekyll's sanitize_url and pretty slugify).
    expect(existsSync(join(out, '2016-02-03/a/b-&-c-d-e/index.html'))).toBe(true);
    expect(existsSync(join(out, '2021-01-01/第0篇-新闻-0/index.html'))).toBe(true);
    expect(report.skipped).toEqual([
      '_posts/2017-01-01-broken.md: not valid UTF-8',
      '_posts/no-date-here.md: file name does not start with a YYYY-MM-DD- date',
    ]);
    // Every post has its page at its permalink.
    const pages = new Set(outputFiles().filter((f) => f.endsWith('.html')));
    expect([...pages].filter((f) => /^\d{4}-\d{2}-\d{2}\//.test(f))).toHaveLength(120);
  });

  it('paginates 120 posts by 50, numbered from the oldest: the front page holds the newest 70, page1 the oldest 50', () => {
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'page1/index.html'))).toBe(true);
    expect(existsSync(join(out, 'page2'))).toBe(false);
    // Posts are the list items with a date (navigation and the source list have none).
    const counts = ['index.html', 'page1/index.html'].map((f) => (page(f).match(/<li><time/g) ?? []).length);
    expect(counts).toEqual([70, 50]);
    const first = page('index.html');
    expect(first.indexOf('第116篇')).toBeLessThan(first.indexOf('第115篇'));
    expect(first).toContain('<h2 class="month" id="m2021-04">2021年4月</h2>');
    expect(first).toMatch(/<nav class="pagination" aria-label="分页"><span><\/span><span>最新<\/span><a rel="next" href="page1\/index\.html">较旧 →<\/a><\/nav>/);
    expect(page('page1/index.html')).toContain('2014年4月');
    expect(page('page1/index.html')).toMatch(/href="\.\.\/index\.html">← 较新<\/a><span>第 1 页<\/span><span><\/span>/);
  });

  it('links every page to existing files with relative URLs only', () => {
    let checked = 0;
    for (const file of outputFiles().filter((f) => f.endsWith('.html'))) {
      const doc = parseDocument(page(file));
      // Links inside the post's content and its "original" link point to other sites on purpose.
      const containers = findAll((el) => el.attribs.class === 'post-content' || el.attribs.class === 'original', doc.children);
      const external = new Set(findAll(() => true, containers));
      for (const el of findAll((e) => 'href' in e.attribs || 'src' in e.attribs, doc.children)) {
        const ref = el.attribs.href ?? el.attribs.src!;
        if (external.has(el) && /^https?:\/\//.test(ref)) continue;
        if (ref.startsWith('#')) continue; // in-page anchors (the skip link)
        expect(ref, `${file}: ${ref}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/i);
        const target = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(ref)));
        expect(existsSync(join(out, target)), `${file} → ${ref}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(120 * 3);
  });

  it('has no script, no event handler, no third-party request in the theme', () => {
    const css = page('assets/style.css');
    expect(css).not.toMatch(/url\(|@import|https?:/);
    expect(css).toContain('prefers-color-scheme: dark');
    for (const file of outputFiles().filter((f) => f.endsWith('.html'))) {
      const html = page(file);
      // Scripts only as same-origin files under assets/ (a CSP of script-src 'self' holds).
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag, file).toMatch(/^<script src="(?:\.\.\/)*assets\/[a-z-]+\.js"( defer)?>$/);
      expect(html.replace(/<script src="[^"]*"( defer)?><\/script>/g, ''), file).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/\sstyle\s*=/i);
      expect(html).toContain('<html lang="zh">');
      const themeOnly = html.replace(/<div class="post-content">[\s\S]*?\n<\/div>\n/, '').replace(/<p class="original">.*<\/p>/, '');
      expect(themeOnly, file).not.toMatch(/\s(?:src|href)="https?:/);
    }
  });

  it('shows a post with its metadata and presentation attributes, content re-sanitized', () => {
    const html = page('2014-04-18/翻墙七种武器之离别钩-VPN-Gate-(上)/index.html');
    expect(html).toContain('<h1 class="post-title">翻墙七种武器之离别钩：VPN Gate (上)</h1>');
    expect(html).toContain('<time datetime="2014-04-18T02:00:00.000Z">2014-04-18 10:00</time>'); // Asia/Shanghai
    expect(html).toMatch(/<span class="source"><a href="(?:\.\.\/)+sources\/自由亚洲电台\/index\.html">自由亚洲电台<\/a><\/span><span class="author">编辑<\/span>/);
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer">这里</a>');
    expect(html).toContain('<img src="https://example.org/i.png" referrerpolicy="no-referrer" loading="lazy">');
    expect(html).toContain('<p class="original">原文：<a href="https://example.org/vpn" rel="noopener noreferrer">');
    expect(html).toContain('<link rel="stylesheet" href="../../assets/style.css">');
    // Author equal to the source is not repeated.
    expect(page('2021-01-02/第1篇-新闻-1/index.html')).not.toContain('class="author"');
  });

  it('lets no XSS through, in the body or the title', () => {
    const html = page('2015-06-01/xss/index.html');
    const body = html.slice(html.indexOf('<div class="post-content">'));
    expect(body).not.toMatch(/<script|onerror|onload|onclick|javascript:|srcdoc|<iframe|<svg/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;引号&quot;</h1>');
    expect(html).not.toContain('class="original"'); // a javascript: "original" is not a link
    expect(page('page1/index.html')).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;引号&quot;</a>');
    expect(page('index.html')).toContain('<p class="site-description">a &lt;b&gt;test&lt;/b&gt; mirror</p>');
  });

  it('runs as `samizdat build` with the archive\'s _config.yml (needs npm run build)', async () => {
    const cliOut = join(archive, 'cli-out');
    const r = await runCli(['build', '--archive', archive, '--out', cliOut, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { posts: number; skipped: string[] };
    expect(json.posts).toBe(120);
    expect(json.skipped).toHaveLength(2);
    expect(page('index.html')).toBe(readFileSync(join(cliOut, 'index.html'), 'utf8'));
    // The CLI renders post pages on a worker thread (this process, running the sources, does not): same pages.
    const json2 = json as unknown as { written: number; stageMs: Record<string, number> };
    expect(json2.stageMs['post pages']).toBeGreaterThanOrEqual(0);
    const postPages = outputFiles().filter((f) => /^\d{4}-\d{2}-\d{2}\/.*\.html$/.test(f));
    expect(postPages).toHaveLength(120);
    for (const f of postPages) expect(readFileSync(join(cliOut, f), 'utf8'), f).toBe(page(f));
    // The feeds there carry the content the post-page thread made and handed over: the same bytes.
    const feedFiles = outputFiles().filter((f) => /(?:^|\/)(?:feed\.xml|rss\.xml|feed\.json)$/.test(f));
    expect(feedFiles.length).toBeGreaterThanOrEqual(9);
    for (const f of feedFiles) expect(readFileSync(join(cliOut, f), 'utf8'), f).toBe(page(f));
    // Its search text files are gzipped and written on the helper thread: the same files, the same bytes.
    const searchFiles = outputFiles().filter((f) => f.startsWith('search/'));
    expect(searchFiles.filter((f) => f.startsWith('search/texts/'))).toHaveLength(120);
    expect(outputFiles(cliOut).filter((f) => f.startsWith('search/')).sort()).toEqual(searchFiles.sort());
    for (const f of searchFiles) expect(readFileSync(join(cliOut, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    expect(json2.written).toBe(report.written);
    const bad = await runCli(['build', '--archive', archive, '--nope']);
    expect(bad.code).toBe(2);
    // A mistyped archive is an error, not an empty site built beside it.
    const missing = join(archive, 'no-such-mirror');
    const none = await runCli(['build', '--archive', missing]);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe(`error: build: ${missing} is not a folder (samizdat init DIR creates a mirror)`);
    expect(existsSync(missing)).toBe(false);
  });

  it('stops with a one-line error naming the file when a page cannot be written (also from the post-page worker)', async () => {
    const blocked = join(archive, 'blocked-out');
    mkdirSync(blocked, { recursive: true });
    writeFileSync(join(blocked, '2014-04-18'), 'a file where a folder of post pages must go');
    const r = await runCli(['build', '--archive', archive, '--out', blocked]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(/cannot write .*blocked-out\/2014-04-18\/.*index\.html/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('stops with a one-line error naming the feed when a feed cannot be written (made on the helper thread of an incremental build)', async () => {
    const dir = join(archive, 'feed-blocked-out');
    const first = await runCli(['build', '--archive', archive, '--out', dir, '--json']);
    expect(first.code).toBe(0);
    // A folder where the site's Atom feed goes: renaming the new feed onto it fails.
    await rm(join(dir, 'feed.xml'));
    mkdirSync(join(dir, 'feed.xml', 'in-the-way'), { recursive: true });
    put('_posts/2021-06-01-feed-blocker.md', formatPost({ title: '新的一篇', date: Date.UTC(2021, 5, 1), author: 'a', link: 'https://example.org/new', site: '美国之音', content: '<p>新</p>' }));
    try {
      const r = await runCli(['build', '--archive', archive, '--out', dir]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(/cannot write .*feed-blocked-out\/feed\.xml \(/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      // No temp file is left behind.
      expect(readdirSync(dir).filter((f) => f.startsWith('.samizdat-tmp-'))).toEqual([]);
    } finally {
      await rm(join(archive, '_posts/2021-06-01-feed-blocker.md'));
    }
  });

  it('keeps the day offsets it asked of Intl in the site cache, and a build in a new process takes them from there', async () => {
    const cache = SiteCache.open(join(archive, '.samizdat', 'site-cache.db'))!;
    const known = cache.zoneDays('Asia/Shanghai')!;
    expect(known.tzData).toBe(TZ_DATA);
    const day = Math.floor(START / DAY); // post 0: 2021-01-01 04:00 UTC, 12:00 in Shanghai
    expect(known.days).toContainEqual([day, 8 * 3_600_000]);
    expect(known.days.length).toBeGreaterThan(117);
    // Planted offsets for post 0's day: a build with a fresh copy of the code (as a new process
    // has) shows them, so it did not ask Intl again.
    cache.saveZoneDays('Asia/Shanghai', { tzData: TZ_DATA, days: known.days.map(([d, o]) => [d, d === day || d === day + 1 ? 3_600_000 : o]) });
    cache.close();
    try {
      vi.resetModules();
      const fresh = await import('../../src/site/build-site.js');
      const planted = join(archive, 'planted-out');
      await fresh.buildSite({ archiveDir: archive, outDir: planted, config: { title: '测试镜像', paginate: 50 } });
      expect(readFileSync(join(planted, '2021-01-01/第0篇-新闻-0/index.html'), 'utf8')).toContain('>2021-01-01 05:00</time>');
      expect(page('2021-01-01/第0篇-新闻-0/index.html')).toContain('>2021-01-01 12:00</time>');
    } finally {
      const again = SiteCache.open(join(archive, '.samizdat', 'site-cache.db'))!;
      again.saveZoneDays('Asia/Shanghai', known);
      again.close();
    }
  });
});
