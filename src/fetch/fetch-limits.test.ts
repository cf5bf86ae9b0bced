import type { ServerResponse } from 'node:http';
import { fetchFailure, useServers } from '../../test/helpers/fetch-support.js';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FetchError } from './fetch-error.js';
import { fetchFeed } from './fetch-feed.js';
import { sendRequest } from './request.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>德国之声</title>${'<item><title>新闻</title></item>'.repeat(200)}</channel></rss>`;
const MB = 1024 * 1024;

const serve = useServers();
const failure = fetchFailure;

function send(res: ServerResponse, encoding: string, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding });
  res.end(body);
}

describe('fetchFeed: compressed bodies', () => {
  it.each([
    ['gzip', zlib.gzipSync(RSS)],
    ['x-gzip', zlib.gzipSync(RSS)],
    ['deflate', zlib.deflateSync(RSS)],
    ['deflate', zlib.deflateRawSync(RSS)], // raw DEFLATE mislabelled as "deflate": still read
    ['br', zlib.brotliCompressSync(RSS)],
  ])('%s', async (encoding, body) => {
    const s = await serve((_req, res) => send(res, encoding, body));
    const result = await fetchFeed(s.url('/feed.xml'));
    expect(result.kind === 'ok' && result.text).toBe(RSS);
    expect(result.kind === 'ok' && result.bytes).toBe(Buffer.byteLength(RSS));
  });

  it('a gzip stream cut before its trailer yields what it holds', async () => {
    const whole = zlib.gzipSync(RSS);
    const s = await serve((_req, res) => send(res, 'gzip', whole.subarray(0, whole.length - 8)));
    const result = await fetchFeed(s.url('/feed.xml'));
    expect(result.kind === 'ok' && result.text).toBe(RSS);
  });

  it('a body that is not what Content-Encoding says → decode', async () => {
    const s = await serve((_req, res) => send(res, 'gzip', Buffer.from(RSS)));
    const err = await failure(s.url('/feed.xml'));
    expect(err.code).toBe('decode');
  });

  it('an unknown Content-Encoding → decode', async () => {
    const s = await serve((_req, res) => send(res, 'compress', Buffer.from(RSS)));
    expect((await failure(s.url('/feed.xml'))).code).toBe('decode');
  });
});

describe('fetchFeed: size caps', () => {
  it('a gzip bomb (1 GB of zeros) stops at the cap without eating memory', async () => {
    let zerosRead = 0;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
      const zeros = Buffer.alloc(MB);
      // Built on the fly and only as fast as the client reads: the test stays light too.
      const source = new Readable({
        read() {
          zerosRead += zeros.length;
          this.push(zerosRead > 1024 * MB ? null : zeros);
        },
      });
      pipeline(source, zlib.createGzip({ level: 1 }), res).catch(() => undefined);
    });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const err = await failure(s.url('/bomb.xml'));
    const growth = process.memoryUsage().rss - rssBefore;
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('decompressed body is larger than the 20 MB limit');
    expect(growth).toBeLessThan(150 * MB);
    expect(zerosRead).toBeLessThan(1024 * MB); // the server never got to the end of it
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(2 * MB) });
      res.write('<rss>');
    });
    const err = await failure(s.url('/big.xml'), { maxBytes: MB });
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('Content-Length 2097152');
  });

  it('a chunked plain body is cut as soon as it passes the cap', async () => {
    let written = 0;
    const s = await serve((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const source = new Readable({
        read() {
          written += chunk.length;
          this.push(written > 64 * MB ? null : chunk);
        },
      });
      pipeline(source, res).catch(() => undefined);
    });
    const err = await failure(s.url('/big.xml'), { maxBytes: MB });
    expect(err.code).toBe('too-large');
    expect(err.message).toBe(`fetch: ${s.url('/big.xml')}: body is larger than the 1 MB limit`);
    expect(written).toBeLessThan(16 * MB);
  });

  it('a body exactly at the cap is fine', async () => {
    const s = await serve((_req, res) => res.end(Buffer.alloc(1000, 'x')));
    const result = await fetchFeed(s.url('/feed.xml'), { maxBytes: 1000 });
    expect(result.kind === 'ok' && result.bytes).toBe(1000);
  });
});

describe('fetchFeed: time limits and broken connections', () => {
  it('no response at all → timeout at the deadline', async () => {
    const s = await serve(() => undefined);
    const started = Date.now();
    const err = await failure(s.url('/feed.xml'), { timeoutMs: 500 });
    expect(err.code).toBe('timeout');
    expect(err.message).toBe(`fetch: ${s.url('/feed.xml')}: no complete answer within 0.5 s`);
    expect(Date.now() - started).toBeLessThan(500 + 300);
  });

  it('a slow drip (a byte every 200 ms) ends by the deadline and the socket is closed', async () => {
    let serverSawClose = false;
    const s = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const drip = setInterval(() => res.write('<'), 200);
      req.socket.on('close', () => {
        clearInterval(drip);
        serverSawClose = true;
      });
    });
    const started = Date.now();
    const err = await failure(s.url('/feed.xml'), { timeoutMs: 1200 });
    const elapsed = Date.now() - started;
    expect(err.code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(1150);
    expect(elapsed).toBeLessThan(1200 + 300);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(serverSawClose).toBe(true);
  });

  it('the deadline covers a chain of slow redirects', async () => {
    const s = await serve((req, res) => {
      setTimeout(() => {
        res.writeHead(302, { location: `/r${Number(req.url?.slice(2) || 0) + 1}` });
        res.end();
      }, 150);
    });
    const started = Date.now();
    const err = await failure(s.url('/r0'), { timeoutMs: 500, maxRedirects: 50 });
    expect(err.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(500 + 300);
  });

  it('connection reset mid-body → reset', async () => {
    const s = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '100000' });
      res.write(RSS.slice(0, 100), () => setTimeout(() => req.socket.destroy(), 20));
    });
    const err = await failure(s.url('/feed.xml'));
    expect(err.code).toBe('reset');
    expect(err.message).toContain('while reading the body');
  });

  it('the caller aborting ends the fetch at once', async () => {
    const s = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await failure(s.url('/feed.xml'), { signal: controller.signal });
    expect(err.code).toBe('timeout');
    expect(err.message).toBe(`fetch: ${s.url('/feed.xml')}: aborted`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('sendRequest: connect phase', () => {
  const request = (lookup: LookupFunction, connectTimeoutMs = 5000) =>
    sendRequest(new URL('http://feeds.example.test/feed.xml'), {
      headers: {},
      connectTimeoutMs,
      signal: new AbortController().signal,
      feedUrl: 'http://feeds.example.test/feed.xml',
      lookup,
    }).then(() => undefined, (e: unknown) => e as FetchError);

  it('a DNS lookup that never answers hits the connect timeout', async () => {
    const started = Date.now();
    const err = await request(() => undefined, 300);
    expect(err).toBeInstanceOf(FetchError);
    expect(err?.code).toBe('timeout');
    expect(err?.message).toBe('fetch: http://feeds.example.test/feed.xml: could not connect to feeds.example.test within 0.3 s');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a host that does not resolve → connect', async () => {
    const err = await request((hostname, _options, callback) => {
      const notFound = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      callback(notFound, '', 4);
    });
    expect(err?.code).toBe('connect');
    expect(err?.message).toBe('fetch: http://feeds.example.test/feed.xml: host not found (ENOTFOUND)');
  });
});
