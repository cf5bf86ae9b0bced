import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config/load-site-config.js';
import { UsageError } from '../../src/model/index.js';
import type { SitePost } from '../../src/site/site-model.js';
import { stablePageFiles, stablePages } from '../../src/site/paginate.js';
import { FACADES_JS } from '../../src/site/theme/facades-script.js';
import { byCount, categoriesOf, categoryPath, groupPosts, groupRuns, sourceGroups, tagPath, tagsOf, taxonomyGroups, type PostGroup } from '../../src/site/theme/groups.js';
import { listDate, monthKey } from '../../src/site/theme/list-dates.js';
import { knownZoneDays, learnZoneDays, TZ_DATA, wallDay, zonedTime } from '../../src/site/zoned-time.js';
import { markdownToHtml } from '../../src/site/theme/markdown.js';
import { sourceNeighbours } from '../../src/site/theme/neighbours.js';
import { renderAboutPage } from '../../src/site/theme/static-pages.js';
import { postVideoId, youtubeVideoId } from '../../src/site/theme/youtube.js';

describe('pagination numbered from the oldest', () => {
  const newestFirst = (n: number): number[] => Array.from({ length: n }, (_, i) => n - i);

  it('fills numbered pages from the oldest and leaves the newest perPage to 2·perPage−1 items on the front page', () => {
    expect(stablePages([], 50)).toEqual([{ items: [], file: 'index.html', number: 1, front: true }]);
    expect(stablePages(newestFirst(99), 50).map((p) => p.items.length)).toEqual([99]);
    const pages = stablePages(newestFirst(120), 50);
    expect(pages.map((p) => [p.file, p.items.length, p.newer, p.older])).toEqual([
      ['index.html', 70, undefined, 'page1/index.html'],
      ['page1/index.html', 50, 'index.html', undefined],
    ]);
    expect(pages[1]!.items).toEqual(newestFirst(50));
    expect(stablePages(newestFirst(150), 50).map((p) => [p.file, p.items[0], p.items.at(-1)])).toEqual([
      ['index.html', 150, 101], ['page2/index.html', 100, 51], ['page1/index.html', 50, 1],
    ]);
    // The files alone, without the pages (a list kept whole names them so).
    for (let n = 0; n < 130; n++) expect(stablePageFiles(n, 10), `${n}`).toEqual(stablePages(newestFirst(n), 10).map((p) => p.file));
  });

  it('changes only the front page, and the newest numbered page when a page fills, as posts are added', () => {
    const snapshot = (n: number): Map<string, string> => new Map(stablePages(newestFirst(n), 10).map((p) => [p.file, JSON.stringify(p)]));
    for (let n = 30; n < 80; n++) {
      const before = snapshot(n);
      const after = snapshot(n + 1);
      const changed = [...after].filter(([file, page]) => before.get(file) !== page).map(([file]) => file);
      expect(changed.length, `${n} → ${n + 1}: ${changed.join(', ')}`).toBeLessThanOrEqual(3);
      expect(changed).toContain('index.html');
    }
  });
});

describe('YouTube detection', () => {
  it('reads the video id of every kind of YouTube page link, and nothing else', () => {
    const id = 'dQw4w9WgXcQ';
    for (const link of [
      `https://www.youtube.com/watch?v=${id}`, `http://youtube.com/watch?feature=share&v=${id}&t=4`, `https://m.youtube.com/watch?v=${id}`,
      `https://youtu.be/${id}?si=x`, `https://www.youtube.com/shorts/${id}`, `https://www.youtube-nocookie.com/embed/${id}`, `https://www.youtube.com/live/${id}`,
    ]) expect(youtubeVideoId(link), link).toBe(id);
    for (const link of [
      'https://www.youtube.com/watch?v=short', 'https://example.org/watch?v=dQw4w9WgXcQ', 'javascript:alert(1)//youtu.be/dQw4w9WgXcQ',
      'https://www.youtube.com/channel/UC123', 'https://youtu.be.evil.example/dQw4w9WgXcQ', 'not a url', '',
    ]) expect(youtubeVideoId(link), link).toBeUndefined();
  });

  it('takes the original link first, else the first video the content links to', () => {
    expect(postVideoId('https://youtu.be/aaaaaaaaaaa', '<a href="https://youtu.be/bbbbbbbbbbb">x</a>')).toBe('aaaaaaaaaaa');
    expect(postVideoId('https://example.org/a', '<p><a href="https://example.org/">a</a> <a href="https://www.youtube.com/watch?v=bbbbbbbbbbb&amp;t=3">b</a></p>')).toBe('bbbbbbbbbbb');
    expect(postVideoId('https://example.org/a', '<p>youtube 上的视频</p>')).toBeUndefined();
  });
});

describe('about.md Markdown subset', () => {
  it('renders headings, paragraphs, lists, quotes, emphasis, code and links', () => {
    expect(markdownToHtml('# 标题\n\n第一段 **粗** *斜* _也斜_ `a*b*`\n接着\n\n- 一\n- [二](https://example.org/a_(b))\n\n1. x\n2. y\n\n> 引\n\n---\n\n```\n<b>\n```', 1)).toBe([
      '<h2>标题</h2>',
      '<p>第一段 <strong>粗</strong> <em>斜</em> <em>也斜</em> <code>a*b*</code>\n接着</p>',
      '<ul>\n<li>一</li>\n<li><a href="https://example.org/a_(b)">二</a></li>\n</ul>',
      '<ol>\n<li>x</li>\n<li>y</li>\n</ol>',
      '<blockquote>\n<p>引</p>\n</blockquote>',
      '<hr>',
      '<pre><code>&lt;b&gt;</code></pre>',
    ].join('\n'));
  });

  it('escapes text and leaves safety to the sanitizer (the about page sanitizes)', () => {
    expect(markdownToHtml('a <b onclick="x">& "q"')).toBe('<p>a &lt;b onclick=&quot;x&quot;&gt;&amp; &quot;q&quot;</p>');
    const page = renderAboutPage('<img src=x onerror=alert(1)>\n\n[x](javascript:alert(2)) <https://example.org/>', { posts: 0, sources: 0 }, { title: 't', timeZone: 'UTC', cssFile: 'assets/style.css' });
    expect(page).not.toMatch(/onerror|javascript:/);
    expect(page).toContain('<a href="https://example.org/" rel="noopener noreferrer">https://example.org/</a>');
  });

  it('says what the mirror is when there is no about.md', () => {
    const page = renderAboutPage(undefined, { posts: 1234, sources: 7, oldest: '2020-01-01', newest: '2022-02-05' }, { title: '镜像', timeZone: 'UTC', cssFile: 'assets/style.css' });
    expect(page).toContain('目前收录 1234 篇文章，来自 7 个来源，时间从 2020-01-01 到 2022-02-05');
    expect(page).toContain('<a href="../about/index.html" aria-current="page">关于</a>');
  });
});

describe('comments config', () => {
  const load = async (yaml: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-cfg-'));
    try {
      await writeFile(join(dir, '_config.yml'), yaml);
      return loadSiteConfig(join(dir, '_config.yml'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('reads giscus, utterances, Disqus and minima\'s disqus key', async () => {
    expect((await load('comments: {provider: giscus, repo: a/b, repo_id: R_1, category: General, category_id: DIC_1, lang: en}')).comments)
      .toEqual({ provider: 'giscus', repo: 'a/b', repo_id: 'R_1', category: 'General', category_id: 'DIC_1', lang: 'en' });
    expect((await load('comments:\n  provider: utterances\n  repo: a/b\n  label: 评论\n')).comments).toEqual({ provider: 'utterances', repo: 'a/b', label: '评论' });
    expect((await load('comments: {provider: disqus, shortname: my-site}')).comments).toEqual({ provider: 'disqus', shortname: 'my-site' });
    expect((await load('disqus:\n  shortname: my_site\n')).comments).toEqual({ provider: 'disqus', shortname: 'my_site' });
    expect((await load('comments: true\n')).comments).toBeUndefined();
  });

  it('refuses a provider it does not know or a missing or malformed parameter, naming it', async () => {
    await expect(load('comments: {provider: facebook}')).rejects.toThrow(/comments: provider must be giscus, utterances or disqus/);
    await expect(load('comments: {provider: giscus, repo: a/b}')).rejects.toThrow(UsageError);
    await expect(load('comments: {provider: utterances, repo: "a/b\\"><script>"}')).rejects.toThrow(/repo is missing or malformed/);
  });
});

describe('zoned time', () => {
  it('matches Intl at every instant, in every zone, across DST changes and odd offsets', () => {
    let checked = 0;
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
      const intl = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
      // Every 7 minutes and 13 seconds through 2021: both DST changes of each zone (zoned-time.ts
      // caches offsets per day), and every month boundary.
      for (let t = Date.UTC(2021, 0, 1); t < Date.UTC(2022, 0, 1); t += 433_000) {
        const parts = Object.fromEntries(intl.formatToParts(new Date(t)).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
        const want = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].join(' ');
        const z = zonedTime(t, zone);
        const got = [z.year, z.month, z.day, z.hour, z.minute, z.second].join(' ');
        if (got !== want) throw new Error(`${zone} ${new Date(t).toISOString()}: ${got}, Intl says ${want}`);
        const pad = (n: number | undefined): string => String(n).padStart(2, '0');
        const d = listDate(t, zone);
        if (d.key !== `${parts.year}-${pad(parts.month)}` || monthKey(t, zone) !== d.key || d.monthDay !== `${pad(parts.month)}-${pad(parts.day)}` || d.label !== `${parts.year}年${parts.month}月`) {
          throw new Error(`${zone} ${new Date(t).toISOString()}: list date ${JSON.stringify(d)}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400_000);
  });

  it('takes in the day offsets an earlier build learnt, only those of the same time-zone data, and lists the days asked', () => {
    const DAY = 86_400_000;
    const t = Date.UTC(2021, 5, 1, 11, 30); // 00:15 the next day in Chatham (+12:45 in winter)
    const day = Math.floor(t / DAY);
    // (Zones no other test asks: the offsets learnt here stay for the rest of this file.)
    expect(zonedTime(t, 'Pacific/Chatham')).toMatchObject({ day: 2, hour: 0, minute: 15 });
    learnZoneDays('Asia/Kolkata', { tzData: 'icu 0 tz 1999a', days: [[day, 0], [day + 1, 0]] });
    expect(zonedTime(t, 'Asia/Kolkata')).toMatchObject({ day: 1, hour: 17, minute: 0 });
    learnZoneDays('Pacific/Marquesas', { tzData: TZ_DATA, days: [[day, 0], [day + 1, 0]] });
    expect(zonedTime(t, 'Pacific/Marquesas')).toMatchObject({ day: 1, hour: 11, minute: 30 }); // trusted, not asked again
    expect(wallDay(t, 'Pacific/Marquesas')).toBe(day);
    const known = knownZoneDays('Pacific/Chatham');
    expect(known.tzData).toBe(TZ_DATA);
    expect(known.days.map(([d]) => d)).toEqual([day, day + 1]);
    expect(known.days.map(([, offset]) => offset)).toEqual([12.75 * 3_600_000, 12.75 * 3_600_000]);
  });
});

describe('groups and neighbours', () => {
  const sp = (site: string, i: number): SitePost => ({
    file: `_posts/${i}.md`, url: `/p${i}/`, outPath: `p${i}/index.html`, digest: '',
    post: { title: `t${i}`, date: 1000 - i, author: '', link: '', site },
  });
  const posts = ['BBC', 'bbc', 'BBC', 'VOA', 'BBC', ''].map(sp);

  it('puts names that share a folder together, under the most used spelling', () => {
    const groups = sourceGroups(posts);
    expect(groups.map((g) => [g.folder, g.name, g.posts.length])).toEqual([
      ['sources/bbc/', 'BBC', 4], ['sources/voa/', 'VOA', 1], [expect.stringMatching(/^sources\/[0-9a-f]{8}\/$/), '（未命名）', 1],
    ]);
    expect(groupPosts(posts, (p) => [p.post.site, p.post.site], (n) => n)[0]!.posts).toHaveLength(3); // a post once per group
  });

  it('makes categories and tags from the source groups when posts have no others, as grouping them afresh would', () => {
    const names = ['BBC', 'bbc', 'BBC', 'VOA', '大纪元', ' 大纪元', '美国之音 VOA', 'BBC 中文', 'bbc中文', 'CON', 'x'.repeat(300)];
    const many = Array.from({ length: 200 }, (_, i) => sp(names[(i * 7) % names.length]!, i));
    const afresh = (list: readonly SitePost[], kind: 'categories' | 'tags'): PostGroup[] => (kind === 'categories'
      ? groupPosts(list, categoriesOf, categoryPath) : groupPosts(list, tagsOf, tagPath)).sort(byCount);
    const withExtra = many.map((p, i) => (i === 5 ? { ...p, post: { ...p.post, categories: ['要闻'] } } : p));
    const withBlank = many.map((p, i) => (i === 7 ? { ...p, post: { ...p.post, site: ' ' } } : p));
    for (const list of [many, withExtra, withBlank]) {
      for (const kind of ['categories', 'tags'] as const) expect(taxonomyGroups(list, kind), kind).toEqual(afresh(list, kind));
    }
    expect(taxonomyGroups(withExtra, 'categories').some((g) => g.name === '要闻')).toBe(true);
  });

  it('groups posts by month as groupPosts does, in any time zone, also when a month comes back later in the list', () => {
    let seed = 5;
    const next = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const folderOf = (key: string): string => `archive/${key.replace('-', '/')}/`;
    for (const zone of ['Asia/Shanghai', 'America/Sao_Paulo', 'Europe/London', 'Pacific/Apia', 'America/Santiago', 'UTC']) {
      // Dates near month ends and zone changes, newest first as the model lists them; then shuffled.
      const dates = Array.from({ length: 400 }, () => Date.UTC(1990 + Math.floor(next() * 35), Math.floor(next() * 12), 1) + Math.floor((next() - 0.5) * 4 * 86_400_000));
      const sorted = dates.sort((a, b) => b - a).map((d, i) => ({ ...sp('源', i), post: { ...sp('源', i).post, date: d } }));
      for (const list of [sorted, [...sorted].sort(() => next() - 0.5)]) {
        const key = (p: SitePost): string => monthKey(p.post.date, zone);
        expect(groupRuns(list, key, folderOf), zone).toEqual(groupPosts(list, (p) => [key(p)], folderOf));
      }
    }
  });

  it('links each post to the neighbours in its own source only', () => {
    const of = sourceNeighbours(sourceGroups(posts));
    expect(of(posts[0]!)).toEqual({ older: posts[1] });
    expect(of(posts[1]!)).toEqual({ older: posts[2], newer: posts[0] });
    expect(of(posts[4]!)).toEqual({ newer: posts[2] });
    expect(of(posts[3]!)).toEqual({});
  });
});

/** Just enough DOM for facades.js: elements, events, and a record of every src ever set. */
class FakeElement {
  readonly attrs = new Map<string, string>();
  readonly children: FakeElement[] = [];
  readonly listeners = new Map<string, Array<() => void>>();
  readonly style: Record<string, string> = {};
  readonly contentWindow = {};
  parentNode: FakeElement | null = null;
  className = '';
  title = '';
  constructor(readonly tagName: string, readonly world: World) {}
  getAttribute(name: string): string | null { return this.attrs.get(name) ?? null; }
  setAttribute(name: string, value: string): void {
    if (name === 'src') this.world.srcs.push(value);
    this.attrs.set(name, String(value));
  }
  querySelector(tag: string): FakeElement | null {
    for (const c of this.children) if (c.tagName === tag) return c;
    return null;
  }
  addEventListener(type: string, f: () => void): void { this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]); }
  appendChild(c: FakeElement): void {
    c.parentNode = this;
    this.children.push(c);
  }
  replaceChild(next: FakeElement, old: FakeElement): void {
    this.children[this.children.indexOf(old)] = next;
    next.parentNode = this;
    old.parentNode = null;
  }
  focus(): void {}
  click(): void { for (const f of this.listeners.get('click') ?? []) f(); }
}
interface World { srcs: string[]; messages: Array<(e: unknown) => void>; replaced: string[]; storage: Map<string, string> }

function runFacades(boxes: Array<Record<string, string>>, url = 'https://mirror.example/2021-01-10/%E6%A0%87/index.html') {
  const world: World = { srcs: [], messages: [], replaced: [], storage: new Map() };
  const root = new FakeElement('article', world);
  const made = boxes.map((data) => {
    const box = new FakeElement('div', world);
    box.className = data.class!;
    for (const [k, v] of Object.entries(data)) if (k !== 'class') box.setAttribute(`data-${k}`, v);
    box.appendChild(new FakeElement('button', world));
    root.appendChild(box);
    return box;
  });
  const u = new URL(url);
  const document = {
    readyState: 'complete', title: '标题 - 镜像',
    querySelectorAll: (sel: string) => root.children.filter((c) => c.className.split(' ').includes(sel.slice(1))),
    createElement: (tag: string) => new FakeElement(tag, world),
    addEventListener: () => {},
  };
  const location = { href: u.href, search: u.search, pathname: u.pathname, hash: u.hash, origin: u.origin };
  const history = { replaceState: (_s: unknown, _t: string, to: string) => world.replaced.push(to) };
  const localStorage = { getItem: (k: string) => world.storage.get(k) ?? null, setItem: (k: string, v: string) => world.storage.set(k, v) };
  const window = { addEventListener: (type: string, f: (e: unknown) => void) => type === 'message' && world.messages.push(f) };
  new Function('window', 'document', 'location', 'history', 'localStorage', FACADES_JS)(window, document, location, history, localStorage);
  const frameOf = (i: number): FakeElement | undefined => root.children[i]!.children.find((c) => c.tagName === 'iframe');
  return { world, boxes: made, root, frameOf };
}

describe('assets/facades.js', () => {
  it('loads nothing before the click; the click replaces the button by the youtube-nocookie player', () => {
    const { world, boxes, root, frameOf } = runFacades([{ class: 'facade video-facade', youtube: 'dQw4w9WgXcQ' }, { class: 'facade video-facade', youtube: '"><script>' }]);
    expect(world.srcs).toEqual([]);
    expect(frameOf(0)).toBeUndefined();
    boxes[0]!.querySelector('button')!.click();
    const frame = frameOf(0)!;
    expect(frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0');
    expect(frame.getAttribute('referrerpolicy')).toBe('strict-origin');
    expect(root.children[0]!.className).toBe('facade-loaded video-facade');
    expect(root.children[0]!.querySelector('button')).toBeNull();
    boxes[1]!.querySelector('button')!.click(); // a malformed id loads nothing
    expect(world.srcs).toHaveLength(1);
  });

  it('builds the giscus frame as giscus\'s client does, and only trusts its own resize messages', () => {
    const { world, boxes, frameOf } = runFacades([{
      class: 'facade comments-facade', provider: 'giscus', term: '2021-01-10/标/', repo: 'o/r', 'repo-id': 'R_1', category: 'General', 'category-id': 'DIC_1', lang: 'zh-CN', theme: 'preferred_color_scheme',
    }]);
    expect(world.srcs).toEqual([]);
    boxes[0]!.querySelector('button')!.click();
    const src = new URL(frameOf(0)!.getAttribute('src')!);
    expect(src.origin + src.pathname).toBe('https://giscus.app/zh-CN/widget');
    expect(Object.fromEntries(src.searchParams)).toMatchObject({
      repo: 'o/r', repoId: 'R_1', category: 'General', categoryId: 'DIC_1', term: '2021-01-10/标/', theme: 'preferred_color_scheme',
      origin: 'https://mirror.example/2021-01-10/%E6%A0%87/index.html', session: '', reactionsEnabled: '1', strict: '0',
    });
    const frame = frameOf(0)!;
    for (const f of world.messages) f({ origin: 'https://evil.example', source: frame.contentWindow, data: { giscus: { resizeHeight: 999 } } });
    expect(frame.style.height).toBeUndefined();
    for (const f of world.messages) f({ origin: 'https://giscus.app', source: frame.contentWindow, data: { giscus: { resizeHeight: 640.5 } } });
    expect(frame.style.height).toBe('641px');
  });

  it('after a giscus sign-in (?giscus=…) keeps the session, cleans the address and shows the comments', () => {
    const { world, frameOf } = runFacades([{ class: 'facade comments-facade', provider: 'giscus', term: 't/', repo: 'o/r', 'repo-id': 'R', category: 'c', 'category-id': 'C' }],
      'https://mirror.example/a/index.html?giscus=s3cr3t#comments');
    expect(world.storage.get('giscus-session')).toBe('"s3cr3t"');
    expect(world.replaced).toEqual(['/a/index.html#comments']);
    expect(new URL(frameOf(0)!.getAttribute('src')!).searchParams.get('session')).toBe('s3cr3t');
  });

  it('builds utterances and Disqus frames from their parameters', () => {
    const { boxes, frameOf } = runFacades([
      { class: 'facade comments-facade', provider: 'utterances', term: '2021/x/', repo: 'o/r', theme: 'preferred-color-scheme' },
      { class: 'facade comments-facade', provider: 'disqus', term: '2021/x/', shortname: 'my-site' },
    ]);
    for (const b of boxes) b.querySelector('button')!.click();
    const u = new URL(frameOf(0)!.getAttribute('src')!);
    expect(u.origin + u.pathname).toBe('https://utteranc.es/utterances.html');
    expect(Object.fromEntries(u.searchParams)).toMatchObject({ repo: 'o/r', 'issue-term': '2021/x/', theme: 'preferred-color-scheme', title: '标题 - 镜像' });
    expect(u.searchParams.has('label')).toBe(false);
    const d = new URL(frameOf(1)!.getAttribute('src')!);
    expect(d.origin + d.pathname).toBe('https://disqus.com/embed/comments/');
    expect(Object.fromEntries(d.searchParams)).toMatchObject({ f: 'my-site', t_i: '2021/x/', base: 'default' });
  });
});
