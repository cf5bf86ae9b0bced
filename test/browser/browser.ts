import { existsSync, rmSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../src/serve/static-server.js';
import { buildFixtureSite, type FixtureSite } from './fixture-site.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The flags, plus a host resolver that resolves nothing but loopback: should a request
 * ever slip past the routing below, it still cannot reach the network.
 */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium, as .ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Hosts the facades may frame after a click: answered with a stub page, never fetched. */
export const FACADE_HOSTS = ['www.youtube-nocookie.com', 'giscus.app', 'utteranc.es', 'disqus.com'];

export interface Traffic {
  /** Every request of every page and frame of the context, in order. */
  readonly requests: Request[];
  /** Requests to anything but 127.0.0.1 and file:// (all were stubbed or aborted). */
  offsite(): Request[];
  clear(): void;
}

export const isLocal = (url: string): boolean => {
  const u = new URL(url);
  return u.protocol === 'file:' || u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1';
};

/**
 * Records every request of the context and keeps all of them on this machine: loopback and
 * files go through; a facade host gets a stub page; anything else is aborted.
 */
export async function recordTraffic(context: BrowserContext): Promise<Traffic> {
  const requests: Request[] = [];
  context.on('request', (r) => requests.push(r));
  await context.route(() => true, async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    if (FACADE_HOSTS.includes(new URL(url).hostname)) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>stub</title><p>stub frame</p>' });
    }
    return route.abort('blockedbyclient');
  });
  return {
    requests,
    offsite: () => requests.filter((r) => !isLocal(r.url())),
    clear: () => void requests.splice(0),
  };
}

/** A built fixture site, served, and a browser page on it with its traffic recorded. */
export interface BrowserSession {
  readonly site: FixtureSite;
  readonly server: StaticServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly traffic: Traffic;
  close(): Promise<void>;
}

/** Builds the fixture site, serves it (under `basePath`), opens a recorded page on it. */
export async function openSession(options: { basePath?: string } = {}): Promise<BrowserSession> {
  const [site, browser] = await Promise.all([buildFixtureSite(), launchBrowser()]);
  const server = await startStaticServer({ root: site.out, ...(options.basePath ? { basePath: options.basePath } : {}) });
  const context = await browser.newContext();
  const traffic = await recordTraffic(context);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return {
    site, server, browser, context, page, traffic,
    async close() {
      await browser.close();
      await server.close();
      rmSync(site.archive, { recursive: true, force: true });
    },
  };
}
