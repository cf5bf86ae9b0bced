import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll, findOne, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { loadSiteConfig } from '../../src/config/load-site-config.js';
import type { Post } from '../../src/model/index.js';
import { buildSite } from '../../src/site/build-site.js';
import { GENERATORS } from '../../src/site/generators/index.js';
import { sourcePath } from '../../src/site/source-path.js';

const DAY = 86_400_000;
let archive: string;
let out: string;

function put(rel: string, data: string): void {
  mkdirSync(dirname(join(archive, rel)), { recursive: true });
  writeFileSync(join(archive, rel), data);
}
function outputFiles(rel = ''): string[] {
  return readdirSync(join(out, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? outputFiles(posix.join(rel, e.name)) : [posix.join(rel, e.name)]);
}
const page = (rel: string): string => readFileSync(join(out, rel), 'utf8');
const doc = (rel: string) => parseDocument(page(rel));
const htmlFiles = (): string[] => outputFiles().filter((f) => f.endsWith('.html'));
/** Items of the post lists of a page (not the navigation or count lists). */
const listed = (rel: string): string[] =>
  findAll((e) => e.name === 'li' && (e.parent as Element | null)?.attribs?.class === 'post-list', doc(rel).children).map((li) => textContent(li));

const VIDEO_ID = 'dQw4w9WgXcQ';
const OTHER_VIDEO = 'abcdefghijk';
let n = 0;
function post(site: string, date: number, extra: Partial<Post> = {}): Post {
  n++;
  return { title: `${site} 第${n}篇`, date, author: site, link: `https://example.org/${n}`, site, content: `<p>正文 ${n}</p>`, ...extra };
}
function write(p: Post): void {
  put(`_posts/${new Date(p.date).toISOString().slice(0, 10)}-${p.title}.md`, formatPost(p));
}

const T0 = Date.UTC(2021, 0, 10, 4);
beforeAll(async () => {
  archive = await mkdtemp(join(tmpdir(), 'samizdat-pages-'));
  out = join(archive, '_site');
  put('_config.yml', [
    'title: 测试镜像', 'paginate: 3',
    'comments:', '  provider: giscus', '  repo: owner/comments', '  repo_id: R_kgDOabc', '  category: Announcements', '  category_id: DIC_kwDOabc',
  ].join('\n'));
  // 美国之音: 7 posts over three months; 德国之声: 4; Matters: 2 (a YouTube video, a post linking one).
  for (let i = 0; i < 7; i++) write(post('美国之音', T0 + i * 12 * DAY, i === 2 ? { categories: ['国际', '评论'], author: '记者甲' } : {}));
  for (let i = 0; i < 4; i++) write(post('德国之声', T0 + 3 * DAY + i * 20 * DAY, i === 1 ? { categories: ['国际'] } : {}));
  write(post('Matters', T0 + DAY, { link: `https://www.youtube.com/watch?v=${VIDEO_ID}&t=30`, title: '视频一' }));
  write(post('Matters', T0 + 2 * DAY, { content: `<p>看 <a href="https://youtu.be/${OTHER_VIDEO}">这段</a></p>`, title: '视频二', comments: false }));
  put('CNAME', 'mirror.example.org\n');
  put('about.md', '---\ntitle: 关于这个镜像\n---\n# 说明\n\n这是 **{{ site.title }}**，见 [归档](/archive/) 与 [外站](https://example.org/x)。\n\n- 一\n- 二\n\n<script>alert(1)</script>\n\n[坏链接](javascript:alert(2))\n');
  const report = await buildSite({ archiveDir: archive, outDir: out, config: loadSiteConfig(join(archive, '_config.yml')), full: true });
  expect(report.posts).toBe(13);
});
afterAll(async () => {
  await rm(archive, { recursive: true, force: true });
});

const voa = sourcePath('美国之音');
const dw = sourcePath('德国之声');

describe('source lists', () => {
  it('writes one paginated list per source at its sourcePath folder, newest first, pages numbered from the oldest', () => {
    expect(voa).toBe('sources/美国之音/');
    // 7 posts by 3: the oldest 3 on page1, the newest 4 on the front page.
    const pages = [`${voa}index.html`, `${voa}page1/index.html`];
    for (const p of pages) expect(existsSync(join(out, p)), p).toBe(true);
    expect(existsSync(join(out, `${voa}page2`))).toBe(false);
    expect(pages.map((p) => listed(p).length)).toEqual([4, 3]);
    const items = pages.flatMap(listed);
    expect(items).toHaveLength(7);
    const numbers = items.map((t) => Number(/第(\d+)篇/.exec(t)![1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(page(`${voa}index.html`)).toMatch(/<h2 class="month" id="m2021-03">2021年3月<\/h2>/);
    expect(page(`${voa}page1/index.html`)).toContain('href="../index.html">← 较新</a>');
  });

  it('lists every source with its count on the first home page and on sources/index.html', () => {
    for (const [file, href] of [['index.html', 'sources/美国之音/index.html'], ['sources/index.html', '美国之音/index.html']] as const) {
      const html = page(file);
      expect(html).toContain(`<a href="${href}">美国之音</a> <span class="count">7</span>`);
      expect(html).toContain('>德国之声</a> <span class="count">4</span>');
      expect(html).toContain('>Matters</a> <span class="count">2</span>');
    }
    expect(page('index.html')).toContain('sources-summary');
    expect(page('page3/index.html')).not.toContain('sources-summary');
  });
});

describe('categories, tags and the archive', () => {
  it('counts categories and tags, and pages the ones that are not a source', () => {
    const html = page('categories/index.html');
    expect(html).toContain('<a href="国际/index.html">国际</a> <span class="count">2</span>');
    expect(html).toContain('<a href="评论/index.html">评论</a> <span class="count">1</span>');
    // A category equal to a source links to the source's list rather than repeating it.
    expect(html).toContain('<a href="../sources/美国之音/index.html">美国之音</a> <span class="count">7</span>');
    expect(html).toMatch(/<h2 id="s1">标签（3）<\/h2>/);
    expect(listed('categories/国际/index.html')).toHaveLength(2);
    expect(listed('categories/评论/index.html')).toHaveLength(1);
    expect(existsSync(join(out, 'categories/美国之音'))).toBe(false);
  });

  it('lists months with counts and writes each month, paginated', () => {
    const html = page('archive/index.html');
    // VOA Jan 10, 22, Feb 3, 15, 27, Mar 11, 23; DW Jan 13, Feb 2, 22, Mar 14; Matters Jan 11, 12.
    const counts = Object.fromEntries([...html.matchAll(/>(\d{4})年(\d+)月<\/a> <span class="count">(\d+)</g)].map((m) => [`${m[1]}-${m[2]}`, Number(m[3])]));
    expect(counts).toEqual({ '2021-1': 5, '2021-2': 5, '2021-3': 3 });
    expect(html.indexOf('2021年3月')).toBeLessThan(html.indexOf('2021年1月'));
    // 5 posts by 3: one page (a front page holds up to 2 × 3 - 1).
    expect(listed('archive/2021/01/index.html')).toHaveLength(5);
    expect(existsSync(join(out, 'archive/2021/01/page1'))).toBe(false);
    expect(page('archive/2021/02/index.html')).toContain('<a href="../01/index.html">2021年1月 →</a>');
  });
});

describe('post pages', () => {
  const posts = (): string[] => htmlFiles().filter((f) => /^2021-\d\d-\d\d\//.test(f));
  const sourceOf = (rel: string): string => findOne((e) => e.attribs.class === 'source', doc(rel).children)!.children.map((c) => textContent(c)).join('');

  it('links previous/next within the same source, by date', () => {
    expect(posts()).toHaveLength(13);
    let links = 0;
    for (const file of posts()) {
      const here = doc(file);
      const own = sourceOf(file);
      for (const a of findAll((e) => e.name === 'a' && (e.attribs.rel === 'prev' || e.attribs.rel === 'next'), here.children)) {
        const target = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(a.attribs.href!)));
        expect(sourceOf(target), `${file} → ${target}`).toBe(own);
        const older = a.attribs.rel === 'prev';
        const dateOf = (f: string): string => findOne((e) => e.name === 'time', doc(f).children)!.attribs.datetime!;
        expect(dateOf(target) < dateOf(file)).toBe(older);
        links++;
      }
    }
    // Each source of k posts has k-1 adjacent pairs, each linked both ways: (6 + 3 + 1) * 2.
    expect(links).toBe(20);
  });

  it('shows the author only when it differs from the source', () => {
    const withAuthor = posts().filter((f) => page(f).includes('class="author"'));
    expect(withAuthor).toHaveLength(1);
    expect(page(withAuthor[0]!)).toContain('<span class="author">记者甲</span>');
  });

  it('shows a click-to-load YouTube facade that loads nothing from YouTube before the click', () => {
    const video = posts().filter((f) => page(f).includes('video-facade'));
    expect(video.map((f) => findOne((e) => e.attribs.class === 'post-title', doc(f).children)!.children.map((c) => textContent(c)).join('')).sort()).toEqual(['视频一', '视频二']);
    for (const file of video) {
      const html = page(file);
      expect(html).toMatch(/<div class="facade video-facade" data-youtube="(dQw4w9WgXcQ|abcdefghijk)">\n<button type="button" class="facade-button">播放视频<\/button>/);
      expect(html).toContain("frame-src https://www.youtube-nocookie.com");
      expect(html).toMatch(/<script src="\.\.\/\.\.\/assets\/facades\.js" defer><\/script>/);
      // No src (nor srcset, poster, stylesheet) names YouTube: no thumbnail, no player, no script.
      for (const el of findAll(() => true, doc(file).children)) {
        for (const name of ['src', 'srcset', 'poster', 'data']) expect(el.attribs[name] ?? '', `${file} <${el.name} ${name}>`).not.toMatch(/youtu|ytimg|googlevideo/i);
        if (el.name === 'link') expect(el.attribs.href).not.toMatch(/^https?:/);
      }
      expect(html).not.toMatch(/<iframe|<img[^>]*ytimg/i);
    }
    const plain = posts().filter((f) => !video.includes(f));
    for (const file of plain) expect(page(file)).not.toContain('youtube-nocookie');
  });

  it('offers giscus comments behind a click where the post has comments: true', () => {
    const withComments = posts().filter((f) => page(f).includes('comments-facade'));
    expect(withComments).toHaveLength(12); // every post but the one with comments: false
    const html = page(withComments[0]!);
    expect(html).toMatch(/<div class="facade comments-facade" data-provider="giscus" data-term="2021-[^"]+\/" data-repo="owner\/comments" data-repo-id="R_kgDOabc" data-category="Announcements" data-category-id="DIC_kwDOabc" data-lang="zh-CN" data-theme="preferred_color_scheme">\n<button type="button" class="facade-button">加载评论<\/button>/);
    expect(html).toMatch(/frame-src [^;"]*https:\/\/giscus\.app/);
    expect(html).not.toMatch(/\s(?:src|href)="https:\/\/giscus/);
    const without = posts().find((f) => !withComments.includes(f))!;
    expect(page(without)).not.toContain('giscus');
  });

  it('costs under 30 KB of HTML, CSS and JS beyond its content', () => {
    const css = Buffer.byteLength(page('assets/style.css'));
    const js = Buffer.byteLength(page('assets/facades.js'));
    let heaviest = 0;
    for (const file of posts()) {
      const html = page(file);
      const content = /<div class="post-content">\n([\s\S]*?)\n<\/div>\n/.exec(html)![1]!;
      const scripts = html.includes('facades.js') ? js : 0;
      heaviest = Math.max(heaviest, Buffer.byteLength(html) - Buffer.byteLength(content) + css + scripts);
    }
    expect(heaviest).toBeGreaterThan(css + js); // the measure includes the page and its files
    expect(heaviest).toBeLessThan(30 * 1024);
  });
});

describe('every page', () => {
  it('links only to files that exist, with relative URLs', () => {
    const searchBuilt = GENERATORS.some((g) => g.reserved?.('search/index.html'));
    let checked = 0;
    for (const file of htmlFiles()) {
      if (file === '404.html') continue; // served at any depth: see the next test
      const d = parseDocument(page(file));
      const containers = findAll((el) => ['post-content', 'original'].includes(el.attribs.class ?? ''), d.children);
      const external = new Set(findAll(() => true, containers));
      for (const el of findAll((e) => 'href' in e.attribs || 'src' in e.attribs, d.children)) {
        const ref = el.attribs.href ?? el.attribs.src!;
        if (external.has(el) && /^https?:\/\//.test(ref)) continue;
        if (ref.startsWith('#')) continue;
        expect(ref, `${file}: ${ref}`).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/)/i);
        const target = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(ref.replace(/#.*$/, ''))));
        if (target === 'search/index.html' && !searchBuilt) continue; // written by the search generator
        expect(existsSync(join(out, target)), `${file} → ${ref}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(13 * 10);
  });

  it('has no inline script, no on* attribute, scripts only as same-origin files under assets/', () => {
    for (const file of htmlFiles()) {
      const d = parseDocument(page(file));
      for (const el of findAll(() => true, d.children)) {
        for (const name of Object.keys(el.attribs)) expect(name, `${file} <${el.name} ${name}>`).not.toMatch(/^on/i);
        if (el.name === 'script') {
          expect(el.children, file).toHaveLength(0);
          expect(el.attribs.src, file).toMatch(/^(\.\.\/)*assets\/[\w.-]+\.js$/);
        }
      }
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page(file))![1]!;
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/unsafe|script-src [^;]*https?:/);
      if (!page(file).includes('class="facade')) expect(csp).toContain("frame-src 'none'");
    }
    expect(readFileSync(join(out, 'assets/facades.js'), 'utf8')).toContain('youtube-nocookie.com');
  });

  it('has a header navigation, one h1 and headings in order', () => {
    for (const file of htmlFiles()) {
      const d = parseDocument(page(file));
      const nav = findOne((e) => e.name === 'nav' && e.attribs.class === 'site-nav', d.children)!;
      expect(findAll((e) => e.name === 'a', nav.children).map((a) => textContent(a))).toEqual(['首页', '来源', '分类', '归档', '搜索', '关于']);
      const headings = findAll((e) => /^h[1-6]$/.test(e.name), d.children).map((h) => Number(h.name[1]));
      expect(headings.filter((h) => h === 1), file).toHaveLength(1);
      for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!, file).toBeLessThanOrEqual(1);
    }
    expect(page('archive/index.html')).toContain('<a href="../archive/index.html" aria-current="page">归档</a>');
  });

  it('copies the archive\'s CNAME (a GitHub Pages custom domain) to the root of the site', () => {
    expect(page('CNAME')).toBe('mirror.example.org\n');
  });

  it('writes 404.html with the stylesheet inlined, and the about page from about.md, sanitized', () => {
    const notFound = page('404.html');
    expect(notFound).toContain('<style>');
    expect(notFound).toContain('找不到这个页面');
    expect(notFound).not.toContain('<link rel="stylesheet"');
    const about = page('about/index.html');
    expect(about).toContain('<h1 class="page-title">关于这个镜像</h1>');
    expect(about).toContain('<h2>说明</h2>'); // demoted below the page's own h1
    expect(about).toContain('这是 <strong>测试镜像</strong>，见 <a href="../archive/index.html" rel="noopener noreferrer">归档</a>');
    expect(about).toContain('<a href="https://example.org/x" rel="noopener noreferrer">外站</a>');
    expect(about).toContain('<li>一</li>');
    expect(about).toContain('<p><a rel="noopener noreferrer">坏链接</a></p>'); // the javascript: href is gone
    expect(about).not.toMatch(/<script|javascript:|alert/);
  });
});

describe('a later build', () => {
  it('rewrites the lists and neighbours a new post changes, and leaves the other lists alone', async () => {
    const mtime = (rel: string): number => statSync(join(out, rel)).mtimeMs;
    // Home pages are numbered from the oldest: page1 holds Jan 10, 11, 12, older than the new post.
    const kept = (): Record<string, number> => ({ dw: mtime(`${dw}index.html`), home1: mtime('page1/index.html'), march: mtime('archive/2021/03/index.html') });
    const before = kept();
    const home3 = page('page3/index.html');
    const oldNewest = posts13().find((f) => page(f).includes('<h1 class="post-title">视频二</h1>'))!;
    expect(page(oldNewest)).not.toContain('rel="next"');
    await new Promise((r) => setTimeout(r, 20));
    write(post('Matters', T0 + 5 * DAY, { title: '新的一篇' }));
    const report = await buildSite({ archiveDir: archive, outDir: out, config: loadSiteConfig(join(archive, '_config.yml')) });
    expect(report.posts).toBe(14);
    expect(page(`${sourcePath('Matters')}index.html`)).toContain('新的一篇');
    expect(page(oldNewest)).toMatch(/<a class="next" rel="next" href="[^"]+"><span class="label">下一篇 →<\/span> 新的一篇<\/a>/);
    expect(page('archive/index.html')).toContain('2021年1月</a> <span class="count">6</span>');
    expect(kept()).toEqual(before);
    expect(page('page3/index.html')).not.toBe(home3); // shifted by the new post

    // A new post after all others: the front pages change, the numbered pages of its lists do not.
    // Home: 15 posts by 3 fill page4; page3 gets a newer link to it, pages 1 and 2 stay.
    const listed1 = [`${voa}page1/index.html`, 'page1/index.html', 'page2/index.html'];
    const stamps = (): number[] => listed1.map(mtime);
    const older = stamps();
    const front = page(`${voa}index.html`);
    await new Promise((r) => setTimeout(r, 20));
    write(post('美国之音', T0 + 90 * DAY, { title: '最新的一篇' }));
    const later = await buildSite({ archiveDir: archive, outDir: out, config: loadSiteConfig(join(archive, '_config.yml')) });
    expect(later.posts).toBe(15);
    expect(page(`${voa}index.html`)).not.toBe(front);
    expect(page(`${voa}index.html`)).toContain('共 8 篇');
    expect(page(`${voa}page1/index.html`)).not.toContain('共');
    expect(stamps()).toEqual(older);
    expect(page('page3/index.html')).toContain('href="../page4/index.html">← 较新</a>');
  });
});

function posts13(): string[] {
  return htmlFiles().filter((f) => /^2021-\d\d-\d\d\//.test(f));
}
