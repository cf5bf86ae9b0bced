import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror, postNames } from '../helpers/mirror.js';

const servers: FeedServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

const item = (n: number) => ({ title: `第${n}条新闻`, link: `https://example.org/news/${n}`, date: 'Fri, 04 Feb 2022 21:32:23 GMT', html: `<p>内容 ${n}</p>` });

function start(args: string[]): { kill: () => void; exited: Promise<unknown> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
  return { kill: () => child.kill('SIGKILL'), exited: new Promise((resolve) => child.on('close', resolve)) };
}

function tempLeftovers(dir: string): string[] {
  const posts = join(dir, '_posts');
  return existsSync(posts) ? readdirSync(posts).filter((f) => f.startsWith('.samizdat-tmp-')) : [];
}

describe('samizdat run, killed at random points', () => {
  it('kill -9 at any moment leaves an archive the next run completes: every article once, a full site', async () => {
    const server = await startFeedServer();
    servers.push(server);
    const subs = ['甲', '乙', '丙'].map((site, f) => {
      const items = Array.from({ length: 30 }, (_, i) => ({ ...item(f * 100 + i), html: `<p>${'长文'.repeat(2000)} ${i}</p>` }));
      server.route(`/${f}.xml`, staticFeed(rss(site, items)));
      return { site, url: server.url(`/${f}.xml`) };
    });
    const dir = makeMirror(subs);
    for (let i = 0; i < 6; i++) {
      const p = start(['run', '--archive', dir]);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 700));
      p.kill();
      await p.exited;
    }
    const last = await runCli(['run', '--archive', dir]);
    expect(last.code, last.stderr).toBe(0);
    expect(last.stderr).toMatch(/site: 90 posts/);
    expect(postNames(dir)).toHaveLength(90);
    expect(tempLeftovers(dir)).toEqual([]);
    const again = await runCli(['run', '--archive', dir]);
    expect(again.stderr).toMatch(/0 posts written; site: 90 posts, 0 files written/);
  });
});
