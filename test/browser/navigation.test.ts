import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../src/serve/static-server.js';
import { openSession, type BrowserSession, type Traffic } from './browser.js';
import { urlPath, type FixturePost, type FixtureSite } from './fixture-site.js';

let session: BrowserSession;
let site: FixtureSite;
let server: StaticServer;
let page: Page;
let traffic: Traffic;
/** What Chromium refused under the server's Content-Security-Policy (the theme must need nothing it forbids). */
const refused: string[] = [];

beforeAll(async () => {
  session = await openSession();
  ({ site, server, page, traffic } = session);
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(`${page.url()}: ${m.text()}`);
  });
});

afterAll(() => session?.close());

/** The fixture post a URL of the site points at. */
function postAt(url: string): FixturePost | undefined {
  const path = new URL(url).pathname;
  return site.posts.find((p) => `/${urlPath(p.page)}` === path || `/${urlPath(p.page)}`.replace(/index\.html$/, '') === path);
}
/** The list's month headings, each with the links listed under it, in page order. */
function monthGroups(p: Page): Promise<Array<{ id: string; label: string; links: string[] }>> {
  return p.$$eval('h2.month', (hs) => hs.map((h) => {
    const list = h.nextElementSibling;
    const links = list?.matches('ul.post-list') ? [...list.querySelectorAll('a')].map((a) => a.href) : [];
    return { id: h.id, label: h.textContent ?? '', links };
  }));
}
const shanghaiMonth = (t: number): string => {
  const d = new Date(t + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

describe('browsing the built site in Chromium', () => {
  it('goes home → a source list → a post, whose original link points at the original', async () => {
    await page.goto(server.url);
    expect(await page.title()).toBe('浏览器测试镜像');
    await page.locator('.sources-summary a', { hasText: '美国之音' }).click();
    await page.waitForURL(/\/sources\//);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/sources/美国之音/index.html');
    expect(await page.locator('h1.page-title').textContent()).toContain('美国之音');

    await page.locator('ul.post-list a', { hasText: '美国之音第7篇' }).click();
    await page.waitForURL((u) => postAt(u.href)?.title === '美国之音第7篇');
    const post = site.posts.find((p) => p.title === '美国之音第7篇')!;
    expect(await page.locator('h1.post-title').textContent()).toBe(post.title);
    expect(await page.locator('.post-meta .source a').textContent()).toBe('美国之音');
    const original = page.locator('p.original a');
    expect(await original.getAttribute('href')).toBe(post.link);
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await original.evaluate((a: HTMLAnchorElement) => a.href)).toBe(post.link);

    // Clicking it really navigates to the original; the request is aborted before it leaves.
    const [request] = await Promise.all([page.waitForRequest(post.link), original.click().catch(() => undefined)]);
    expect(request.isNavigationRequest()).toBe(true);
    expect(request.frame()).toBe(page.mainFrame());
  });

  it('links the previous and next post of the same source', async () => {
    const posts = site.posts.filter((p) => p.site === '德国之声').sort((a, b) => a.date - b.date);
    await page.goto(server.url + urlPath(posts[1]!.page));
    await page.locator('.post-nav a[rel="next"]').click();
    await page.waitForURL((u) => postAt(u.href) === posts[2]);
    await page.locator('.post-nav a[rel="prev"]').click();
    await page.waitForURL((u) => postAt(u.href) === posts[1]);
    await page.locator('.post-nav a[rel="prev"]').click();
    await page.waitForURL((u) => postAt(u.href) === posts[0]);
    expect(await page.locator('.post-nav a[rel="prev"]').count()).toBe(0);
  });

  it('pages through the whole home list by its pagination links, newest first, under the right month headings', async () => {
    // Pages are numbered from the oldest (3 posts each); the front page holds the rest.
    const archived = Math.max(0, Math.floor(site.posts.length / 3) - 1);
    expect(archived).toBeGreaterThan(1);
    await page.goto(server.url);
    const seen: FixturePost[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      const groups = await monthGroups(page);
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups) {
        expect(g.links.length, g.id).toBeGreaterThan(0);
        for (const href of g.links) {
          const p = postAt(href);
          expect(p, href).toBeDefined();
          expect(`m${shanghaiMonth(p!.date)}`, `${p!.title} under ${g.label}`).toBe(g.id);
          seen.push(p!);
        }
      }
      const older = page.locator('nav.pagination a[rel="next"]');
      if (!(await older.count())) break;
      const before = page.url();
      await older.click();
      await page.waitForURL((u) => u.href !== before);
      expect(new URL(page.url()).pathname).toBe(`/page${archived - pages + 1}/index.html`);
      expect(await page.locator('nav.pagination').textContent()).toContain(`第 ${archived - pages + 1} 页`);
    }
    expect(pages).toBe(archived + 1);
    expect(seen).toEqual([...site.posts].sort((a, b) => b.date - a.date));
    // And back: the newer link of the newest numbered page leads to the front page.
    await page.goto(`${server.url}page${archived}/index.html`);
    await page.locator('nav.pagination a[rel="prev"]').click();
    await page.waitForURL((u) => u.pathname === '/index.html' || u.pathname === '/');
    expect(await page.locator('nav.pagination').textContent()).toContain('最新');
  });

  it('made every request of every page to the site itself (besides the original link clicked above)', async () => {
    for (const path of ['', 'sources/index.html', 'categories/index.html', 'archive/index.html', 'about/index.html', 'search/index.html', 'nope/']) {
      await page.goto(server.url + path);
    }
    // The 404 page inlines its stylesheet: the server's policy allows it by hash, so it is styled.
    expect(await page.locator('main').evaluate((m) => getComputedStyle(m).maxWidth)).not.toBe('none');
    expect(refused).toEqual([]);
    const offsite = traffic.offsite().map((r) => r.url());
    expect(offsite).toEqual([site.posts.find((p) => p.title === '美国之音第7篇')!.link]);
    expect(traffic.requests.length).toBeGreaterThan(30);
  });

  it('costs less than 30 KB of HTML, CSS and JS beyond its content for a post page', async () => {
    const post = site.posts.find((p) => p.kind === 'youtube')!; // the heaviest kind: it also loads the facade script
    const bytes = new Map<string, number>();
    const onResponse = async (r: import('playwright-core').Response): Promise<void> => {
      if (['document', 'stylesheet', 'script'].includes(r.request().resourceType())) bytes.set(r.url(), (await r.body()).length);
    };
    page.on('response', onResponse);
    await page.goto(server.url + urlPath(post.page), { waitUntil: 'networkidle' });
    page.off('response', onResponse);
    const content = await page.locator('.post-content').evaluate((e) => new TextEncoder().encode(e.innerHTML).length);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect([...bytes.keys()].some((u) => u.endsWith('.css'))).toBe(true);
    expect([...bytes.keys()].some((u) => u.endsWith('facades.js'))).toBe(true);
    expect(total - content).toBeLessThan(30_000);
  });
});
