import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPost } from '../../src/archive/posts/read-post.js';
import { loadDemoFeeds } from '../../src/demo/demo-feeds.js';
import { BIN, runCli } from '../helpers/cli.js';

/** A GET with the path sent exactly as given (no client-side normalisation of `..`). */
function get(base: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('samizdat demo', () => {
  it('--no-serve fetches every bundled feed from a local server and builds the site', async () => {
    const r = await runCli(['demo', '--no-serve']);
    expect(r.code, r.stderr).toBe(0);
    const siteDir = r.stdout.trim();
    expect(siteDir.endsWith('_site')).toBe(true);
    const mirror = dirname(siteDir);
    const posts = readdirSync(join(mirror, '_posts'));
    const sources = new Set(posts.map((f) => readPost(readFileSync(join(mirror, '_posts', f), 'utf8'), f).post.site));
    const feeds = loadDemoFeeds();
    expect([...sources].sort()).toEqual(feeds.map((f) => f.site).sort());
    expect(posts.length).toBeGreaterThanOrEqual(feeds.length * 2);
    expect(r.stderr).toMatch(new RegExp(`^demo: ${feeds.length} feeds: ${feeds.length} with new posts, 0 unchanged, 0 failed`, 'm'));
    const home = readFileSync(join(siteDir, 'index.html'), 'utf8');
    expect(home).toContain('samizdat 演示');
    // The YouTube-style item became a post whose page knows its video.
    const video = posts.find((f) => f.includes('三分钟了解镜像站'));
    expect(video).toBeDefined();
    const videoPage = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).find((f) => f.includes('三分钟') && f.endsWith('index.html'));
    expect(videoPage).toBeDefined();
    expect(readFileSync(join(siteDir, videoPage!), 'utf8')).toContain('sAmIzDaT001');
    rmSync(mirror, { recursive: true, force: true });
  });

  it('serves the site on 127.0.0.1: the home page, feeds with their types, no way out of the folder; Ctrl-C stops and cleans up', async () => {
    const child = spawn(process.execPath, [BIN, 'demo', '--port', '0'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('\n')) resolve();
        });
        child.on('close', () => reject(new Error(`demo exited early: ${stderr}`)));
      });
      const url = stdout.trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

      const home = await get(url, '/');
      expect(home.status).toBe(200);
      expect(home.type).toBe('text/html; charset=utf-8');
      expect(home.body).toContain('samizdat 演示');
      expect((await get(url, '/rss.xml')).type).toMatch(/^application\/xml/);
      expect((await get(url, '/feed.json')).type).toMatch(/^application\/json/);
      expect((await get(url, '/assets/style.css')).type).toMatch(/^text\/css/);

      for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e%5c%2e%2e%5cetc%5cpasswd', '/..\\..\\etc\\passwd', '/%252e%252e/%252e%252e/etc/passwd', '/assets/../../../etc/passwd']) {
        const r = await get(url, path);
        expect([400, 404], path).toContain(r.status);
        expect(r.body, path).not.toMatch(/root:/);
      }
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const served = /serving the demo site from (\S+)_site/.exec(stderr)?.[1];
    expect(served).toBeDefined();
    expect(existsSync(served!)).toBe(false);
  });

  it('refuses an --out folder that is not empty (exit 2) and leaves it alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samizdat-demo-out-'));
    writeFileSync(join(dir, 'subs.json'), '[]');
    const r = await runCli(['demo', '--no-serve', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty/);
    expect(readdirSync(dir)).toEqual(['subs.json']);
  });
});
