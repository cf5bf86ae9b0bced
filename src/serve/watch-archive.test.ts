import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRebuilder } from './rebuilder.js';
import { watchArchive, type ArchiveWatcher } from './watch-archive.js';

let dir: string;
let watcher: ArchiveWatcher | undefined;
let calls = 0;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Waits until `onChange` has been called `n` times in all (or fails after 3 s). */
async function calledTimes(n: number): Promise<void> {
  const end = Date.now() + 3000;
  while (calls < n && Date.now() < end) await sleep(20);
  expect(calls).toBe(n);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'samizdat-watch-'));
  calls = 0;
});
afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watchArchive', () => {
  it('calls once for a burst of changes to posts, and again for a config change made by rename', async () => {
    mkdirSync(join(dir, '_posts', '2024'), { recursive: true });
    watcher = watchArchive(dir, () => calls++, 100);
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, '_posts', '2024', `2024-01-0${i + 1}-a.md`), 'x');
    await calledTimes(1);
    await sleep(200);
    expect(calls).toBe(1);
    writeFileSync(join(dir, '_config.yml.tmp'), 'title: x');
    renameSync(join(dir, '_config.yml.tmp'), join(dir, '_config.yml'));
    await calledTimes(2);
    writeFileSync(join(dir, 'about.md'), '# about');
    await calledTimes(3);
  });

  it('picks up a post folder created after it started, and ignores the output and other files', async () => {
    watcher = watchArchive(dir, () => calls++, 50);
    mkdirSync(join(dir, '_site'));
    writeFileSync(join(dir, '_site', 'index.html'), 'x');
    writeFileSync(join(dir, 'subs.json'), '[]');
    await sleep(250);
    expect(calls).toBe(0);
    mkdirSync(join(dir, 'archived'));
    await calledTimes(1);
    await sleep(100);
    mkdirSync(join(dir, 'archived', '2020-08-10'));
    writeFileSync(join(dir, 'archived', '2020-08-10', 'post.md'), 'x');
    await calledTimes(2);
  });

  it('still sees a post folder deleted and made again', async () => {
    mkdirSync(join(dir, '_posts', 'sub'), { recursive: true });
    watcher = watchArchive(dir, () => calls++, 50);
    rmSync(join(dir, '_posts'), { recursive: true });
    await calledTimes(1);
    mkdirSync(join(dir, '_posts', 'sub'), { recursive: true });
    await calledTimes(2);
    await sleep(100);
    writeFileSync(join(dir, '_posts', 'sub', 'a.md'), 'x');
    await calledTimes(3);
  });

  it('stops calling once closed', async () => {
    mkdirSync(join(dir, '_posts'));
    watcher = watchArchive(dir, () => calls++, 50);
    writeFileSync(join(dir, '_posts', 'a.md'), 'x');
    watcher.close();
    await sleep(200);
    expect(calls).toBe(0);
  });
});

describe('createRebuilder', () => {
  it('runs one build at a time, and one more for any number of requests during a build', async () => {
    let running = 0;
    let most = 0;
    let builds = 0;
    const errors: unknown[] = [];
    const r = createRebuilder(async () => {
      running++;
      most = Math.max(most, running);
      builds++;
      await sleep(50);
      running--;
      if (builds === 1) throw new Error('first fails');
    }, (e) => errors.push(e));
    r.request();
    r.request();
    r.request();
    await r.idle();
    expect(builds).toBe(2);
    expect(most).toBe(1);
    expect(errors.map((e) => (e as Error).message)).toEqual(['first fails']);
    r.request();
    await r.idle();
    expect(builds).toBe(3);
  });
});
