import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../src/serve/static-server.js';
import { openSession, type BrowserSession, type Traffic } from './browser.js';
import { GISCUS, urlPath, VIDEO_ID, type FixtureSite } from './fixture-site.js';

let session: BrowserSession;
let site: FixtureSite;
let server: StaticServer;
let page: Page;
let traffic: Traffic;

beforeAll(async () => {
  session = await openSession();
  ({ site, server, page, traffic } = session);
});

afterAll(() => session?.close());

/** Opens a post, checks its facade loaded nothing, clicks it, and returns what was requested after the click. */
async function openAndClick(kind: 'youtube' | 'comments', facade: string, host: string): Promise<{ frameSrc: string; after: string[]; frameText: string }> {
  const post = site.posts.find((p) => p.kind === kind)!;
  traffic.clear();
  await page.goto(server.url + urlPath(post.page), { waitUntil: 'networkidle' });
  const before = traffic.requests.map((r) => r.url());
  expect(before.length).toBeGreaterThanOrEqual(3); // the page, its stylesheet, the facade script
  expect(before.every((u) => u.startsWith(server.url)), before.join(' ')).toBe(true);
  expect(before.some((u) => u.endsWith('/assets/facades.js'))).toBe(true);
  expect(await page.locator('iframe').count()).toBe(0);
  // Still nothing after a while: the facade does not load on its own.
  await page.waitForTimeout(300);
  expect(traffic.requests.length).toBe(before.length);

  traffic.clear();
  await Promise.all([page.waitForRequest((r) => new URL(r.url()).hostname === host), page.locator(`${facade} button`).click()]);
  const iframe = page.locator('iframe');
  await iframe.waitFor();
  // The frame exists before its navigation commits: wait until it shows the (stubbed) provider.
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  await frame.waitForURL((u) => u.host === host);
  await frame.waitForLoadState();
  return { frameSrc: (await iframe.getAttribute('src'))!, after: traffic.requests.map((r) => r.url()), frameText: (await frame.textContent('p')) ?? '' };
}

describe('click-to-load facades in Chromium', () => {
  it('loads nothing from YouTube until the play button is clicked, then only the privacy-enhanced player', async () => {
    const r = await openAndClick('youtube', '.video-facade', 'www.youtube-nocookie.com');
    expect(r.frameSrc).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO_ID}?autoplay=1&rel=0`);
    expect(r.after).toEqual([r.frameSrc]);
    // The page's Content-Security-Policy (header and meta) let the frame load: the stub answered in it.
    expect(r.frameText).toBe('stub frame');
    expect(await page.locator('iframe').getAttribute('referrerpolicy')).toBe('strict-origin');
  });

  it('loads nothing from giscus until the comments button is clicked, then only the widget frame', async () => {
    const r = await openAndClick('comments', '.comments-facade', 'giscus.app');
    const src = new URL(r.frameSrc);
    expect(src.origin + src.pathname).toBe('https://giscus.app/zh-CN/widget');
    expect(src.searchParams.get('repo')).toBe(GISCUS.repo);
    expect(src.searchParams.get('repoId')).toBe(GISCUS.repoId);
    expect(src.searchParams.get('categoryId')).toBe(GISCUS.categoryId);
    expect(src.searchParams.get('term')).toBe(site.posts.find((p) => p.kind === 'comments')!.page.replace(/index\.html$/, ''));
    expect(r.after).toEqual([r.frameSrc]);
    expect(r.frameText).toBe('stub frame');
  });

  it('offers no facade, and no script, on a post without video or comments', async () => {
    const post = site.posts.find((p) => p.title === '美国之音第1篇')!;
    traffic.clear();
    await page.goto(server.url + urlPath(post.page), { waitUntil: 'networkidle' });
    expect(await page.locator('.facade').count()).toBe(0);
    expect(traffic.requests.map((r) => new URL(r.url()).pathname)).toEqual([`/${urlPath(post.page)}`, '/assets/style.css']);
  });
});
