import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { startStaticServer, type StaticServer } from './static-server.js';

let dir: string;
let site: string;
let server: StaticServer;
let mirror: StaticServer;
const STYLE = '\nbody { color: red; }\n';

function put(rel: string, data: string | Buffer): void {
  mkdirSync(dirname(join(site, rel)), { recursive: true });
  writeFileSync(join(site, rel), data);
}

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }
/** A raw request: the path goes on the wire exactly as given (fetch would normalise `..`). */
function get(s: StaticServer, path: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samizdat-serve-'));
  site = join(dir, 'site');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside', 'index.html'), 'SECRET DIR');
  put('index.html', '<!doctype html><title>home</title>');
  put('2014-04-18/翻墙七种武器之离别钩-VPN-Gate-(上)/index.html', '<p>离别钩</p>');
  put('100%/index.html', 'percent');
  put('assets/style.css', 'body{}');
  put('assets/search.js', 'void 0;');
  put('feed.json', '{}');
  put('feed.xml', '<feed/>');
  put('robots.txt', 'User-agent: *');
  put('a.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  put('a.png', Buffer.from([0x89, 0x50]));
  put('a.jpg', Buffer.from([0xff, 0xd8]));
  put('a.webp', 'RIFF');
  put('search/shards/1.bin', 'bytes');
  put('empty/.keep', '');
  put('404.html', `<!doctype html><style>${STYLE}</style><h1>找不到</h1>`);
  symlinkSync(join(dir, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(join(dir, 'outside'), join(site, 'leakdir'));
  symlinkSync(join(site, 'assets', 'style.css'), join(site, 'inside-link.css'));
  server = await startStaticServer({ root: site });
  mirror = await startStaticServer({ root: site, basePath: 'mirror/sub' });
});
afterAll(async () => {
  await server.close();
  await mirror.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  it('listens on 127.0.0.1 and gives its URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(mirror.url).toBe(`http://127.0.0.1:${mirror.port}/mirror/sub/`);
  });

  it('serves each kind of file with its content type and the security headers', async () => {
    const cases: Array<[string, string]> = [
      ['/', 'text/html; charset=utf-8'], ['/assets/style.css', 'text/css; charset=utf-8'],
      ['/assets/search.js', 'text/javascript; charset=utf-8'], ['/feed.json', 'application/json; charset=utf-8'],
      ['/feed.xml', 'application/xml; charset=utf-8'], ['/robots.txt', 'text/plain; charset=utf-8'],
      ['/a.svg', 'image/svg+xml'], ['/a.png', 'image/png'], ['/a.jpg', 'image/jpeg'], ['/a.webp', 'image/webp'],
      ['/search/shards/1.bin', 'application/octet-stream'],
    ];
    for (const [path, type] of cases) {
      const r = await get(server, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(type);
      expect(r.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['referrer-policy'], path).toBe('no-referrer');
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
    }
    expect((await get(server, '/')).body).toContain('<title>home</title>');
  });

  it('serves percent-encoded CJK paths and folders by their index.html', async () => {
    const r = await get(server, `/2014-04-18/${encodeURIComponent('翻墙七种武器之离别钩-VPN-Gate-(上)')}/`);
    expect(r.status).toBe(200);
    expect(r.body).toBe('<p>离别钩</p>');
    expect((await get(server, '/100%25/')).body).toBe('percent');
  });

  it('redirects a folder without its slash, keeping the query, and never to another host', async () => {
    const r = await get(server, '/assets?x=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/assets/?x=1');
    const twice = await get(server, '//assets');
    expect(twice.headers.location).toBe('/assets/');
    expect((await get(mirror, '/mirror/sub')).headers.location).toBe('/mirror/sub/');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(server, '/assets/style.css', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('6');
    expect(head.body).toBe('');
    const post = await get(server, '/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('never serves anything outside the folder, however the path is spelled', async () => {
    const attempts = [
      '/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/..%2fsecret.txt',
      '/..%2Fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt', '/.%2e/secret.txt',
      '/secret.txt%00.html', '/%c0%ae%c0%ae/secret.txt', '/%', '/leak.txt', '/leakdir/', '/leakdir/index.html',
      `/${join(dir, 'secret.txt')}`, '//..//secret.txt', '/\\..\\secret.txt',
    ];
    for (const path of attempts) {
      const r = await get(server, path);
      expect([400, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('SECRET');
    }
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const r = await get(server, '/inside-link.css');
    expect(r.status).toBe(200);
    expect(r.body).toBe('body{}');
  });

  it('answers what is missing with the site 404 page, its inline style allowed by hash only', async () => {
    for (const path of ['/nope', '/2099-01-01/nope/', '/empty/']) {
      const r = await get(server, path);
      expect(r.status, path).toBe(404);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toContain('找不到');
    }
    const hash = createHash('sha256').update(STYLE).digest('base64');
    const csp = (await get(server, '/nope')).headers['content-security-policy'];
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(csp).not.toContain('unsafe-inline');
    // Every other page keeps the plain policy.
    expect((await get(server, '/feed.xml')).headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the folder under a base path and nothing outside it', async () => {
    expect((await get(mirror, '/mirror/sub/')).body).toContain('<title>home</title>');
    expect((await get(mirror, '/mirror/sub/assets/style.css')).body).toBe('body{}');
    expect((await get(mirror, '/')).status).toBe(404);
    expect((await get(mirror, '/assets/style.css')).status).toBe(404);
    expect((await get(mirror, '/mirror/subassets/style.css')).status).toBe(404);
    expect((await get(mirror, '/mirror/sub/../../secret.txt')).body).not.toContain('SECRET');
  });

  it('does not read a 404.html that links out of the folder', async () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    symlinkSync(join(dir, 'secret.txt'), join(other, '404.html'));
    const s = await startStaticServer({ root: other });
    try {
      const r = await get(s, '/nope');
      expect(r.status).toBe(404);
      expect(r.body).toBe('not found\n');
    } finally {
      await s.close();
    }
  });

  it('reports a port in use as a one-line error', async () => {
    await expect(startStaticServer({ root: site, port: server.port })).rejects.toThrow(`serve: port ${server.port} on 127.0.0.1 is in use`);
  });
});
