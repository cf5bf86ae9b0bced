import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core';

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
