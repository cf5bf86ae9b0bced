import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPost } from '../../src/archive/posts/read-post.js';
import { BIN, runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror, postNames } from '../helpers/mirror.js';

const ITEMS = 1500;
const manyItems = Array.from({ length: ITEMS }, (_, i) => ({
  title: `第${i}篇 ${'长'.repeat(i % 40)}`,
  link: `https://many.example.invalid/a/${i}`,
  date: new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toUTCString(),
  html: `<p>${'内容 '.repeat(200)}${i}</p>`,
}));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crashes and concurrent runs', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/many.xml', staticFeed(rss('many', manyItems)));
    server.route('/slow.xml', (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss('slow', [{ title: 'slow', link: 'https://slow.example.invalid/1', date: 'Mon, 01 Jan 2024 00:00:00 GMT' }]));
      }, 2500);
    });
  });
  afterAll(() => server.close());

  it('kill -9 in the middle of writing leaves no partial post; the rerun completes with no duplicate', async () => {
    const dir = makeMirror([{ site: 'many', url: server.url('/many.xml') }]);
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [BIN, 'fetch', '--archive', dir], { stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      const before = postNames(dir).length;
      // Kill as soon as this round has written something.
      for (let i = 0; i < 500 && postNames(dir).length <= before; i++) await sleep(5);
      child.kill('SIGKILL');
      await closed;
      for (const name of readdirSync(join(dir, '_posts'))) {
        if (name.startsWith('.')) continue; // a temp file may remain; it is never a post
        const text = readFileSync(join(dir, '_posts', name), 'utf8');
        expect(text.endsWith('</div>\n'), name).toBe(true);
        expect(readPost(text).problems, name).toEqual([]);
      }
    }
    expect(postNames(dir).length).toBeLessThan(ITEMS);
    const res = await runCli(['fetch', '--archive', dir]);
    expect(res.code).toBe(0);
    const names = postNames(dir);
    expect(names).toHaveLength(ITEMS);
    const links = new Set(names.map((n) => readPost(readFileSync(join(dir, '_posts', n), 'utf8')).post.link));
    expect(links.size).toBe(ITEMS);
    expect(readdirSync(join(dir, '_posts')).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 90_000);

  it('a second run on the same archive exits with a clear message; --wait waits; a killed holder frees the lock', async () => {
    const dir = makeMirror([{ site: 'slow', url: server.url('/slow.xml') }]);
    const first = runCli(['fetch', '--archive', dir]);
    await sleep(800);
    const second = await runCli(['fetch', '--archive', dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/is busy: another samizdat fetch \(pid \d+/);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    const waited = await runCli(['fetch', '--archive', dir, '--wait', '20']);
    expect(waited.code).toBe(0);
    expect((await first).code).toBe(0);
    expect(postNames(dir)).toHaveLength(1);

    const holder = spawn(process.execPath, [BIN, 'fetch', '--archive', dir, '--force'], { stdio: 'ignore' });
    const holderClosed = new Promise((r) => holder.on('close', r));
    await sleep(800);
    holder.kill('SIGKILL');
    await holderClosed;
    const after = await runCli(['fetch', '--archive', dir]);
    expect(after.stderr).not.toContain('busy');
    expect(after.code).toBe(0);
  }, 60_000);
});
