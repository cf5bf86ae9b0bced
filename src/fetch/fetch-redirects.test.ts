import { describe, expect, it } from 'vitest';
import { fetchFailure, useServers } from '../../test/helpers/fetch-support.js';
import type { FeedServer as LocalServer } from '../../test/helpers/feed-server.js';
import { FetchError } from './fetch-error.js';
import { fetchFeed } from './fetch-feed.js';

const RSS = '<rss version="2.0"><channel><title>moved</title></channel></rss>';

const serve = useServers();

/** A server whose routes map a path to [status, Location] or to the feed. */
async function routes(table: Record<string, readonly [number, string]>): Promise<LocalServer> {
  return serve((req, res) => {
    const hop = table[req.url ?? ''];
    if (hop) {
      res.writeHead(hop[0], { location: hop[1] });
      res.end();
    } else if (req.url === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v2"') {
        res.writeHead(304);
        res.end();
      } else res.end(RSS);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
}

const failure = (url: string): Promise<FetchError> => fetchFailure(url);

describe('fetchFeed: redirects', () => {
  it('301 → 301 → 200 reports the final URL as permanent', async () => {
    const s = await routes({ '/a': [301, '/b'], '/b': [301, '/feed.xml'] });
    const result = await fetchFeed(s.url('/a'));
    expect(result.kind).toBe('ok');
    expect(result.finalUrl).toBe(s.url('/feed.xml'));
    expect(result.permanentUrl).toBe(s.url('/feed.xml'));
    expect(s.requests.map((r) => r.path)).toEqual(['/a', '/b', '/feed.xml']);
  });

  it('308 counts as permanent, absolute Location too', async () => {
    const s = await routes({});
    const t = await routes({ '/old': [308, s.url('/feed.xml')] });
    const result = await fetchFeed(t.url('/old'));
    expect(result.permanentUrl).toBe(s.url('/feed.xml'));
  });

  it('a 302 anywhere in the chain makes the move temporary', async () => {
    const s = await routes({ '/a': [301, '/b'], '/b': [302, '/c'], '/c': [301, '/feed.xml'] });
    const result = await fetchFeed(s.url('/a'));
    expect(result.finalUrl).toBe(s.url('/feed.xml'));
    expect(result.permanentUrl).toBeUndefined();
  });

  it('303 and 307 are followed, not permanent', async () => {
    const s = await routes({ '/a': [303, '/b'], '/b': [307, '/feed.xml'] });
    const result = await fetchFeed(s.url('/a'));
    expect(result.kind === 'ok' && result.text).toBe(RSS);
    expect(result.permanentUrl).toBeUndefined();
  });

  it('a 304 after a permanent redirect still reports the new URL', async () => {
    const s = await routes({ '/a': [301, '/feed.xml'] });
    const result = await fetchFeed(s.url('/a'), { validators: { etag: '"v2"' } });
    expect(result).toEqual({ kind: 'not-modified', finalUrl: s.url('/feed.xml'), permanentUrl: s.url('/feed.xml'), validators: { etag: '"v2"' } });
  });

  it('exactly 5 redirects are followed', async () => {
    const s = await routes({ '/1': [301, '/2'], '/2': [301, '/3'], '/3': [301, '/4'], '/4': [301, '/5'], '/5': [301, '/feed.xml'] });
    expect((await fetchFeed(s.url('/1'))).kind).toBe('ok');
  });

  it('more than 5 redirects → too-many-redirects', async () => {
    const s = await routes({ '/1': [302, '/2'], '/2': [302, '/3'], '/3': [302, '/4'], '/4': [302, '/5'], '/5': [302, '/6'], '/6': [302, '/feed.xml'] });
    const err = await failure(s.url('/1'));
    expect(err.code).toBe('too-many-redirects');
    expect(err.message).toContain(`fetch: ${s.url('/1')}: more than 5 redirects`);
    expect(s.requests).toHaveLength(6);
  });

  it('a loop → redirect-loop, without going round it again', async () => {
    const s = await routes({ '/a': [301, '/b'], '/b': [302, '/a#top'] });
    const err = await failure(s.url('/a'));
    expect(err.code).toBe('redirect-loop');
    expect(s.requests.map((r) => r.path)).toEqual(['/a', '/b']);
  });

  it('a redirect to a non-http URL → bad-url', async () => {
    const s = await routes({ '/a': [301, 'ftp://example.com/feed.xml'] });
    expect((await failure(s.url('/a'))).code).toBe('bad-url');
  });

  it('a redirect without Location is an HTTP error', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302);
      res.end();
    });
    const err = await failure(s.url('/a'));
    expect([err.code, err.status]).toEqual(['http', 302]);
  });

  it('an error after a redirect names the requested URL and where it ended', async () => {
    const s = await routes({ '/a': [301, '/missing'] });
    const err = await failure(s.url('/a'));
    expect(err.message).toBe(`fetch: ${s.url('/a')}: HTTP 404 Not Found (at ${s.url('/missing')})`);
  });

  it('cookies stay with their origin; other custom headers follow the redirect', async () => {
    const other = await routes({});
    const s = await routes({ '/a': [302, other.url('/feed.xml')] });
    await fetchFeed(s.url('/a'), { headers: { Cookie: 'k=v', 'X-Feed': '1' } });
    expect(s.requests[0]!.headers.cookie).toBe('k=v');
    expect(other.requests[0]!.headers.cookie).toBeUndefined();
    expect(other.requests[0]!.headers['x-feed']).toBe('1');
  });
});
