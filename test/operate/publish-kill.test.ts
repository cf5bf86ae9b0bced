import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { addPost, ENV, git, makeRemote, publish } from './publish-repos.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('publish killed at random points', () => {
  it('leaves a repository the next publish completes, and the remote gets every post once', async () => {
    const r = makeRemote();
    const a = r.clone('a');
    const posts: string[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 5; i++) posts.push(addPost(a, round % 2 ? '美国之音' : '德国之声'));
      const child = spawn(process.execPath, [BIN, 'publish', '--archive', a], { stdio: 'ignore', env: { ...process.env, ...ENV } });
      // Listen at once: a publish that ends before the kill must not leave us waiting for a 'close' already gone.
      const closed = new Promise((res) => child.on('close', res));
      await sleep(20 + ((round * 37) % 200)); // a different moment each round: staging, committing, pushing
      child.kill('SIGKILL');
      await closed;
    }
    const res = await publish(a);
    expect(res.code, res.stderr).toBe(0);
    const remoteFiles = git(r.remote, 'ls-tree', '-r', '--name-only', 'main').split('\n').filter((f) => f.startsWith('_posts/'));
    expect(remoteFiles.sort()).toEqual(posts.map((p) => `_posts/${p}`).sort());
    expect(git(a, 'status', '--porcelain', '--', '_posts')).toBe('');
  }, 120_000);
});
