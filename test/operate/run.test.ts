import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror, postNames } from '../helpers/mirror.js';

const servers: FeedServer[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const item = (n: number) => ({ title: `第${n}条新闻`, link: `https://example.org/news/${n}`, date: 'Fri, 04 Feb 2022 21:32:23 GMT', html: `<p>内容 ${n}</p>` });

/** A feed server with two good feeds; `slowMs` delays the second one's answer. */
async function feeds(slowMs = 0): Promise<{ server: FeedServer; dir: string; slowHits: () => number }> {
  const server = await startFeedServer();
  servers.push(server);
  server.route('/a.xml', staticFeed(rss('A', [item(1), item(2)])));
  let hits = 0;
  const slow = staticFeed(rss('B', [item(3)]));
  server.route('/b.xml', (req, res) => {
    hits++;
    setTimeout(() => slow(req, res), slowMs);
  });
  const dir = makeMirror([{ site: '美国之音', url: server.url('/a.xml') }, { site: '德国之声', url: server.url('/b.xml') }]);
  return { server, dir, slowHits: () => hits };
}

/** The CLI as a child process whose stderr can be awaited line by line. */
function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return {
    child,
    stderr: () => stderr,
    exited,
    async waitFor(re: RegExp, timeoutMs = 15_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (!re.test(stderr)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${re} in: ${stderr}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}

const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

function tempLeftovers(dir: string): string[] {
  const posts = join(dir, '_posts');
  return existsSync(posts) ? readdirSync(posts).filter((f) => f.startsWith('.samizdat-tmp-')) : [];
}

describe('samizdat run', () => {
  it('fetches then builds: one summary line, exit 0', async () => {
    const { dir } = await feeds();
    const r = await runCli(['run', '--archive', dir]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^run: 2 feeds: 2 with new posts, 0 unchanged, 0 failed, 0 skipped; 3 posts written; site: 3 posts, \d+ files written/);
    expect(postNames(dir)).toHaveLength(3);
    expect(existsSync(join(dir, '_site', 'index.html'))).toBe(true);
  });

  it('exit 1 when a feed fails: the failure named, the others archived, the site built', async () => {
    const { server, dir } = await feeds();
    server.route('/b.xml', (_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const r = await runCli(['run', '--archive', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed +德国之声: .*b\.xml/);
    expect(r.stderr).toMatch(/^run: 2 feeds: 1 with new posts, 0 unchanged, 1 failed/m);
    expect(postNames(dir)).toHaveLength(2);
    expect(existsSync(join(dir, '_site', 'index.html'))).toBe(true);
  });

  it('exit 2 on usage and config errors', async () => {
    const { dir } = await feeds();
    const badEvery = await runCli(['run', '--archive', dir, '--every', 'soon']);
    expect(badEvery.code).toBe(2);
    expect(badEvery.stderr).toMatch(/--every must be a duration/);
    const noSubs = await runCli(['run', '--archive', join(dir, '_posts')]);
    expect(noSubs.code).toBe(2);
    const loopNoSubs = await runCli(['run', '--archive', join(dir, 'nowhere'), '--every', '1h']);
    expect(loopNoSubs.code).toBe(2);
  });

  it('--every repeats cycles; SIGTERM while it waits exits 0 at once', async () => {
    const { dir, slowHits } = await feeds();
    const p = start(['run', '--archive', dir, '--every', '1s']);
    await p.waitFor(/run: .*next at[\s\S]*run: .*next at/);
    expect(slowHits()).toBeGreaterThanOrEqual(2);
    expect(p.stderr()).toMatch(/run: 2 feeds: 0 with new posts, 2 unchanged/);
    const sent = Date.now();
    p.child.kill('SIGTERM');
    const { code, at } = await p.exited;
    expect(code).toBe(0);
    expect(at - sent).toBeLessThan(3000);
  });

  it('SIGTERM during a cycle lets it finish (posts, index, site), starts no other, exits 0', async () => {
    const { dir, slowHits } = await feeds(1500);
    const p = start(['run', '--archive', dir, '--every', '1s']);
    await until(() => slowHits() === 1);
    p.child.kill('SIGTERM');
    const { code } = await p.exited;
    expect(code, p.stderr()).toBe(0);
    expect(p.stderr()).toMatch(/SIGTERM: stopping after the current cycle/);
    expect(p.stderr()).toMatch(/run: 2 feeds: 2 with new posts.*3 posts written; site: 3 posts/);
    expect(slowHits()).toBe(1);
    expect(postNames(dir)).toHaveLength(3);
    expect(tempLeftovers(dir)).toEqual([]);
    expect(existsSync(join(dir, '_site', 'index.html'))).toBe(true);
    // Consistent and unlocked: the next run finds nothing new and nothing to repair.
    const next = await runCli(['run', '--archive', dir]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/0 posts written; site: 3 posts/);
  });

  it('a second signal ends the process at once, killed by that signal (shell status 130); the archive stays usable', async () => {
    const { dir, slowHits } = await feeds(20_000);
    const p = start(['run', '--archive', dir]);
    await until(() => slowHits() === 1);
    p.child.kill('SIGINT');
    await p.waitFor(/stopping after the current run/);
    const sent = Date.now();
    p.child.kill('SIGINT');
    const { signal, at } = await p.exited;
    expect(signal).toBe('SIGINT');
    expect(at - sent).toBeLessThan(2000);
    expect(tempLeftovers(dir)).toEqual([]);
    // The lock died with the process: a new run can start; feed A's posts are there or rewritten once.
    servers[0]!.route('/b.xml', staticFeed(rss('B', [item(3)])));
    const next = await runCli(['run', '--archive', dir]);
    expect(next.code, next.stderr).toBe(0);
    expect(postNames(dir)).toHaveLength(3);
  });
});
