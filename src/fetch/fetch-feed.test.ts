import iconv from 'iconv-lite';
import { fetchFailure, useServers } from '../../test/helpers/fetch-support.js';
import { describe, expect, it } from 'vitest';
import { closedPort, type Handler } from '../../test/helpers/feed-server.js';
import { fetchFeed } from './fetch-feed.js';

const RSS = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>自由亚洲电台</title></channel></rss>';

const serve = useServers();
const failure = fetchFailure;

describe('fetchFeed: success and conditional GET', () => {
  it('returns the text, charset, content type, validators and size of a 200', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Sat, 01 Feb 2025 10:00:00 GMT' });
      res.end(RSS);
    });
    const result = await fetchFeed(s.url('/feed.xml'));
    expect(result).toEqual({
      kind: 'ok',
      finalUrl: s.url('/feed.xml'),
      status: 200,
      text: RSS,
      charset: 'utf-8',
      contentType: 'application/rss+xml; charset=utf-8',
      validators: { etag: '"v1"', lastModified: 'Sat, 01 Feb 2025 10:00:00 GMT' },
      bytes: Buffer.byteLength(RSS),
    });
  });

  it('sends a samizdat User-Agent, a feed-first Accept and Accept-Encoding', async () => {
    const s = await serve((_req, res) => res.end(RSS));
    await fetchFeed(s.url('/feed.xml'));
    const headers = s.requests[0]!.headers;
    expect(headers['user-agent']).toMatch(/^samizdat\/\d+\.\d+\.\d+ \(news archiver\)$/);
    expect(headers.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends per-feed headers, which override the defaults case-insensitively', async () => {
    const s = await serve((_req, res) => res.end(RSS));
    await fetchFeed(s.url('/feed.xml'), { headers: { Cookie: 'session=abc', 'User-Agent': 'Mozilla/5.0 test', 'X-Token': 't1' } });
    const headers = s.requests[0]!.headers;
    expect(headers.cookie).toBe('session=abc');
    expect(headers['x-token']).toBe('t1');
    expect(headers['user-agent']).toBe('Mozilla/5.0 test');
  });

  it('sends the validators and turns a 304 into not-modified', async () => {
    const s = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else res.end(RSS);
    });
    const validators = { etag: '"v1"', lastModified: 'Sat, 01 Feb 2025 10:00:00 GMT' };
    const result = await fetchFeed(s.url('/feed.xml'), { validators });
    expect(result).toEqual({ kind: 'not-modified', finalUrl: s.url('/feed.xml'), validators });
    expect(s.requests[0]!.headers['if-none-match']).toBe('"v1"');
    expect(s.requests[0]!.headers['if-modified-since']).toBe('Sat, 01 Feb 2025 10:00:00 GMT');
  });

  it('decodes with the HTTP charset (GBK served as text/xml; charset=gbk)', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=gbk' });
      res.end(Buffer.concat([Buffer.from('<rss><title>'), iconv.encode('中国数字时代', 'gbk'), Buffer.from('</title></rss>')]));
    });
    const result = await fetchFeed(s.url('/feed.xml'));
    expect(result.kind === 'ok' && result.text).toBe('<rss><title>中国数字时代</title></rss>');
    expect(result.kind === 'ok' && result.charset).toBe('gb18030');
  });

  it('applies the per-feed encoding override', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(Buffer.concat([Buffer.from('<rss><title>'), iconv.encode('新聞', 'big5'), Buffer.from('</title></rss>')]));
    });
    const result = await fetchFeed(s.url('/feed.xml'), { encoding: 'big5' });
    expect(result.kind === 'ok' && result.text).toBe('<rss><title>新聞</title></rss>');
  });
});

describe('fetchFeed: HTTP errors', () => {
  const status = (code: number, headers: Record<string, string> = {}): Handler => (_req, res) => {
    res.writeHead(code, headers);
    res.end('error page');
  };

  it('404 → http with the status, one line naming the URL', async () => {
    const s = await serve(status(404));
    const err = await failure(s.url('/feed.xml'));
    expect(err.code).toBe('http');
    expect(err.status).toBe(404);
    expect(err.url).toBe(s.url('/feed.xml'));
    expect(err.stage).toBe('fetch');
    expect(err.message).toBe(`fetch: ${s.url('/feed.xml')}: HTTP 404 Not Found`);
  });

  it('500 → http', async () => {
    const s = await serve(status(500));
    const err = await failure(s.url('/feed.xml'));
    expect([err.code, err.status, err.retryAfterMs]).toEqual(['http', 500, undefined]);
  });

  it('410 → gone', async () => {
    const s = await serve(status(410));
    const err = await failure(s.url('/feed.xml'));
    expect([err.code, err.status]).toEqual(['gone', 410]);
    expect(err.message).toContain('HTTP 410 Gone');
  });

  it('503 with Retry-After seconds exposes retryAfterMs', async () => {
    const s = await serve(status(503, { 'retry-after': '120' }));
    const err = await failure(s.url('/feed.xml'));
    expect([err.code, err.status, err.retryAfterMs]).toEqual(['http', 503, 120_000]);
    expect(err.message).toBe(`fetch: ${s.url('/feed.xml')}: HTTP 503 Service Unavailable (retry after 120 s)`);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 600_000).toUTCString();
    const s = await serve(status(429, { 'retry-after': at }));
    const err = await failure(s.url('/feed.xml'));
    expect([err.code, err.status]).toEqual(['http', 429]);
    // The date has whole seconds and travelled over the wire: allow for both.
    expect(err.retryAfterMs).toBeGreaterThan(590_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(600_000);
  });

  it('an empty 200 → empty', async () => {
    const s = await serve((_req, res) => res.end());
    const err = await failure(s.url('/feed.xml'));
    expect(err.code).toBe('empty');
  });

  it('a whitespace-only 200 → empty', async () => {
    const s = await serve((_req, res) => res.end('  \r\n\t '));
    expect((await failure(s.url('/feed.xml'))).code).toBe('empty');
  });
});

describe('fetchFeed: bad URLs and dead hosts', () => {
  it.each(['ftp://example.com/feed.xml', 'file:///etc/passwd', 'not a url', '/relative/feed.xml'])('%s → bad-url', async (url) => {
    const err = await failure(url);
    expect(err.code).toBe('bad-url');
    expect(err.message.startsWith(`fetch: ${url}: `)).toBe(true);
  });

  it('connection refused → connect', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/feed.xml`;
    const err = await failure(url);
    expect(err.code).toBe('connect');
    expect(err.message).toBe(`fetch: ${url}: connection refused (ECONNREFUSED)`);
  });

  it('socket closed before any response → reset', async () => {
    const s = await serve((req) => req.socket.destroy());
    const err = await failure(s.url('/feed.xml'));
    expect(err.code).toBe('reset');
  });
});
