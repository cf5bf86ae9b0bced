import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../src/serve/static-server.js';
import { openSession, type BrowserSession, type Traffic } from './browser.js';
import { SEARCH_TITLE, SEARCH_WORD, type FixtureSite } from './fixture-site.js';

let session: BrowserSession;
let site: FixtureSite;
let server: StaticServer;
let page: Page;
let traffic: Traffic;
/** Uncaught errors of the search script: named in the failures below. */
const errors: string[] = [];

beforeAll(async () => {
  session = await openSession();
  ({ site, server, page, traffic } = session);
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(() => session?.close());

/** Types a query into the search page and gives the pages of the results (paths, decoded). */
async function search(query: string): Promise<string[]> {
  try {
    await page.fill('#search-q', query);
    // The status line says when this query's results are in: blank it so the last query's cannot count.
    await page.evaluate(() => void (document.getElementById('search-status')!.textContent = ''));
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''));
  } catch (err) {
    throw new Error(`no results for ${query}: ${(err as Error).message.split('\n')[0]}; page errors: ${errors.join('; ') || 'none'}`);
  }
  const hrefs = await page.$$eval('#search-results li a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((h) => decodeURIComponent(new URL(h).pathname).replace(/^\//, '').replace(/(^|\/)$/, '$1index.html')).sort();
}
const pagesOf = (test: (p: FixtureSite['posts'][number]) => boolean): string[] => site.posts.filter(test).map((p) => p.page).sort();

describe('searching the built site in Chromium', () => {
  it('finds the one post whose text holds a Chinese word, and opens it', async () => {
    await page.goto(`${server.url}search/index.html`);
    const found = await search(SEARCH_WORD);
    const target = site.posts.find((p) => p.kind === 'search')!;
    expect(found).toEqual([target.page]);
    expect(await page.locator('#search-results mark').first().textContent()).toBe(SEARCH_WORD);
    await page.locator('#search-results li a').first().click();
    await page.waitForURL((u) => decodeURIComponent(u.pathname).includes(SEARCH_WORD));
    expect(await page.locator('h1.post-title').textContent()).toBe(SEARCH_TITLE);
  });

  it('finds every post that holds a word, and only those', async () => {
    await page.goto(`${server.url}search/index.html`);
    // 习近平 is in the four posts of 德国之声 and in the search post.
    expect(await search('习近平')).toEqual(pagesOf((p) => p.site === '德国之声' || p.kind === 'search'));
    // A shorter word: both posts that say 雪豹, not only the one that says 雪豹巡逻队.
    expect(await search('雪豹')).toEqual(pagesOf((p) => p.site === '自由亚洲'));
    // Titles are searched too.
    expect(await search('高原')).toEqual(pagesOf((p) => p.kind === 'search'));
    expect(await search('不存在的词语')).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toBe('没有找到。');
  });

  it('runs a query given in the address, and asks nothing of any other host', async () => {
    await page.goto(`${server.url}search/index.html?q=${encodeURIComponent(SEARCH_WORD)}`);
    await page.waitForSelector('#search-results li a').catch((err: Error) => {
      throw new Error(`${err.message.split('\n')[0]}; page errors: ${errors.join('; ') || 'none'}`);
    });
    expect(await page.locator('#search-results li a').count()).toBe(1);
    expect(await page.inputValue('#search-q')).toBe(SEARCH_WORD);
    expect(traffic.offsite().map((r) => r.url())).toEqual([]);
    expect(errors).toEqual([]);
    expect(traffic.requests.some((r) => r.url().includes('/search/index.json'))).toBe(true);
  });
});
