import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../../test/helpers/cli.js';
import { formatPost } from '../archive/posts/format-post.js';
import type { Post } from '../model/index.js';

let archive: string;
let child: ChildProcess;
let url = '';
let stderr = '';
const exited = (): Promise<number | null> => new Promise((resolve) => child.once('exit', (code) => resolve(code)));

function writePost(name: string, p: Partial<Post>): void {
  const post: Post = { title: '标题', date: Date.UTC(2024, 4, 1, 8), author: '美国之音', link: 'https://example.org/a', site: '美国之音', content: '<p>正文</p>', ...p };
  writeFileSync(join(archive, '_posts', name), formatPost(post));
}

/** Polls `path` until `test` holds for its body (a rebuild is debounced, then takes a moment). */
async function until(path: string, test: (body: string, status: number) => boolean, ms = 15_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const res = await fetch(new URL(path, url));
    const body = await res.text();
    if (test(body, res.status)) return body;
    if (Date.now() > end) throw new Error(`timed out waiting for ${path} (last status ${res.status}); stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

beforeAll(async () => {
  archive = mkdtempSync(join(tmpdir(), 'samizdat-serve-cli-'));
  mkdirSync(join(archive, '_posts'));
  writeFileSync(join(archive, '_config.yml'), 'title: 第一个名字\n');
  writePost('2024-05-01-first.md', { title: '第一篇' });
  child = spawn(process.execPath, [BIN, 'serve', '--archive', archive, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
});
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(archive, { recursive: true, force: true });
});

describe('samizdat serve', () => {
  it('builds, then serves the site with its security headers', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('第一篇');
    expect(stderr).toMatch(/built 1 posts into /);
  });

  it('rebuilds when a post is added, and when _config.yml changes', async () => {
    writePost('2024-05-02-second.md', { title: '第二篇', date: Date.UTC(2024, 4, 2, 8) });
    await until('2024-05-02/second/', (_b, status) => status === 200);
    expect(await until('', (b) => b.includes('第二篇'))).toContain('第一篇');
    writeFileSync(join(archive, '_config.yml'), 'title: 第二个名字\n');
    await until('', (b) => b.includes('第二个名字'));
    expect(stderr).toMatch(/rebuilt: 2 posts/);
  });

  it('keeps serving the last build when the config turns bad', async () => {
    writeFileSync(join(archive, '_config.yml'), 'paginate: -3\n');
    const end = Date.now() + 10_000;
    while (!/rebuild failed/.test(stderr) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(/rebuild failed, still serving the last build: .*paginate must be a whole number/);
    expect(await (await fetch(url)).text()).toContain('第二个名字');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const done = exited();
    child.kill('SIGTERM');
    expect(await done).toBe(0);
  });

  it('exits 2 with a one-line error when the first build meets a bad config', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'samizdat-serve-bad-'));
    try {
      writeFileSync(join(bad, '_config.yml'), 'timezone: Mars/Olympus\n');
      const r = await runCli(['serve', '--archive', bad, '--port', '0'], { timeoutMs: 15_000 });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown timezone "Mars/Olympus"');
      expect(r.stdout).not.toContain('serving');
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
