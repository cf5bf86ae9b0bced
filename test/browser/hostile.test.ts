import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../src/serve/static-server.js';
import { openSession, type BrowserSession, type Traffic } from './browser.js';
import { urlPath, type FixtureSite } from './fixture-site.js';

let session: BrowserSession;
let site: FixtureSite;
let server: StaticServer;
let context: BrowserContext;
let page: Page;
let traffic: Traffic;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await openSession();
  ({ site, server, context, page, traffic } = session);
  const watch = (p: Page): void => void p.on('dialog', (d) => {
    dialogs.push(`${p.url()}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  watch(page);
  context.on('page', watch);
});

afterAll(() => session?.close());

/** What the DOM holds that could run script: handler attributes, script URLs, frames, foreign scripts. */
function dangers(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(a.name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)) found.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    for (const s of document.scripts) if (!s.src || new URL(s.src).origin !== location.origin) found.push(`script ${s.src || 'inline'}`);
    for (const tag of ['iframe', 'frame', 'object', 'embed', 'base', 'form:not(#search-form)', 'style', 'meta[http-equiv="refresh"]']) {
      for (const el of document.querySelectorAll(`main ${tag}`)) found.push(`<${el.tagName.toLowerCase()}>`);
    }
    return found;
  });
}

describe('posts carrying XSS payloads, in Chromium', () => {
  it('(control) the dialog watch sees a dialog when one fires', async () => {
    await page.goto('about:blank');
    await page.evaluate(() => alert('control'));
    expect(dialogs.splice(0)).toEqual(['about:blank: alert control']);
  });

  it('run no script: no dialog, no handler or script URL in the DOM, on every hostile post page', async () => {
    const hostile = site.posts.filter((p) => p.kind === 'xss-content' || p.kind === 'xss-title');
    expect(hostile.length).toBeGreaterThanOrEqual(30);
    for (const p of hostile) {
      await page.goto(server.url + urlPath(p.page), { waitUntil: 'load' });
      expect(await page.locator('h1.post-title').count(), p.payloadId).toBe(1);
      expect(await dangers(page), p.payloadId).toEqual([]);
    }
    await page.waitForTimeout(300); // timers a payload might have set
    expect(dialogs).toEqual([]);
  });

  it('run no script on the lists that show their titles (source, home, archive, categories)', async () => {
    await page.goto(`${server.url}sources/index.html`);
    await page.locator('a', { hasText: '恶意来源' }).first().click();
    await page.waitForURL(/sources\/.+\/index\.html$/);
    const lists: string[] = [];
    for (;;) {
      lists.push(page.url());
      expect(await dangers(page), page.url()).toEqual([]);
      const older = page.locator('nav.pagination a[rel="next"]');
      if (!(await older.count())) break;
      await older.click();
      await page.waitForURL((u) => !lists.includes(u.href));
    }
    // Pages of 3 numbered from the oldest; the front page holds 3 to 5.
    const pagesOf = (n: number): number => 1 + Math.max(0, Math.floor(n / 3) - 1);
    expect(lists.length).toBe(pagesOf(site.posts.filter((p) => p.site === '恶意来源').length));
    for (const path of ['index.html', 'page1/index.html', 'page2/index.html', 'archive/index.html', 'categories/index.html']) {
      await page.goto(server.url + path);
      expect(await dangers(page), path).toEqual([]);
    }
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('run no script in search results that show their titles and text', async () => {
    await page.goto(`${server.url}search/index.html?q=${encodeURIComponent('恶意')}`);
    await page.waitForSelector('#search-results li');
    expect(await page.locator('#search-results li').count()).toBeGreaterThanOrEqual(20);
    expect(await dangers(page)).toEqual([]);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('made no request of script, page, style, fetch or socket type to any other host', async () => {
    const active = traffic.offsite().filter((r) => ['script', 'document', 'stylesheet', 'xhr', 'fetch', 'websocket', 'eventsource', 'beacon'].includes(r.resourceType()));
    expect(active.map((r) => `${r.resourceType()} ${r.url()}`)).toEqual([]);
    expect(traffic.requests.length).toBeGreaterThan(40);
  });
});
