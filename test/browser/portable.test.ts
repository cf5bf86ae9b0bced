import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../src/serve/static-server.js';
import { openSession, type BrowserSession, type Traffic } from './browser.js';
import { SEARCH_TITLE, SEARCH_WORD, type FixtureSite } from './fixture-site.js';

let session: BrowserSession;
let site: FixtureSite;
let copy: string;
let server: StaticServer;
let page: Page;
let traffic: Traffic;
/** Uncaught script errors, named when a search step fails. */
const errors: string[] = [];
const withErrors = (err: Error): never => {
  throw new Error(`${err.message.split('\n')[0]}; page errors: ${errors.join('; ') || 'none'}`);
};

beforeAll(async () => {
  session = await openSession({ basePath: '/mirror/sub/' });
  ({ site, server, page, traffic } = session);
  copy = mkdtempSync(join(tmpdir(), 'samizdat-copied-site-'));
  cpSync(site.out, join(copy, '站点 copy'), { recursive: true });
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await session?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** Home → 德国之声's list → its newest post → the about page: by clicking only. */
async function browse(start: string): Promise<void> {
  await page.goto(start);
  expect(await page.title()).toBe('浏览器测试镜像');
  // The stylesheet applied (a relative link that broke would leave main unstyled).
  expect(await page.locator('main').evaluate((m) => getComputedStyle(m).maxWidth)).not.toBe('none');
  await page.locator('.sources-summary a', { hasText: '德国之声' }).click();
  await page.waitForURL((u) => decodeURIComponent(u.pathname).endsWith('/sources/德国之声/index.html'));
  await page.locator('ul.post-list a', { hasText: '德国之声第4篇' }).click();
  await page.waitForURL((u) => u.pathname.endsWith('/dw-4/index.html'));
  expect(await page.locator('h1.post-title').textContent()).toBe('德国之声第4篇');
  expect(await page.locator('main').evaluate((m) => getComputedStyle(m).maxWidth)).not.toBe('none');
  await page.locator('nav.site-nav a', { hasText: '关于' }).click();
  await page.waitForURL((u) => u.pathname.endsWith('/about/index.html'));
  expect(await page.locator('h1.page-title').textContent()).toBe('关于');
}

describe('the same output, anywhere', () => {
  it('works under a non-root base path: every link and request stays under it', async () => {
    traffic.clear();
    await browse(server.url);
    expect(server.url).toMatch(/\/mirror\/sub\/$/);
    const urls = traffic.requests.map((r) => r.url());
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(urls.filter((u) => !u.startsWith(server.url))).toEqual([]);
  });

  it('searches under the base path', async () => {
    await page.goto(server.url);
    await page.locator('nav.site-nav a', { hasText: '搜索' }).click();
    await page.fill('#search-q', SEARCH_WORD);
    await page.press('#search-q', 'Enter').catch(withErrors);
    await page.locator('#search-results li a').first().click().catch(withErrors);
    await page.waitForURL((u) => decodeURIComponent(u.pathname).includes(SEARCH_WORD));
    expect(new URL(page.url()).pathname.startsWith('/mirror/sub/')).toBe(true);
    expect(await page.locator('h1.post-title').textContent()).toBe(SEARCH_TITLE);
  });

  it('works from a copied folder opened as file://, by clicking from index.html', async () => {
    traffic.clear();
    const root = pathToFileURL(join(copy, '站点 copy')).href;
    await browse(`${root}/index.html`);
    const urls = traffic.requests.map((r) => r.url());
    expect(urls.length).toBeGreaterThanOrEqual(4);
    expect(urls.filter((u) => !u.startsWith(`${root}/`))).toEqual([]);
  });

  it('says on the search page, opened from file://, that search needs a local server', async () => {
    const root = pathToFileURL(join(copy, '站点 copy')).href;
    await page.goto(`${root}/search/index.html`);
    await page.fill('#search-q', SEARCH_WORD);
    await page.press('#search-q', 'Enter').catch(withErrors);
    await page.locator('#search-local').waitFor({ state: 'visible' }).catch(withErrors);
    expect(await page.locator('#search-local').textContent()).toContain('python3 -m http.server');
  });
});
