import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TEMP_PREFIX } from '../../src/archive/atomic-write.js';
import { listPostFiles } from '../../src/archive/posts/list-posts.js';

// The compiled module runs the listing on a worker thread (npm test builds dist/ first).
const COMPILED = join(import.meta.dirname, '../../dist/archive/posts/list-posts-alongside.js');

describe('listing post files on a worker thread', () => {
  it('gives what listing them here gives: files, sizes, times, and the links it skipped', async () => {
    expect(existsSync(COMPILED), 'dist/ is built by npm test').toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-list-'));
    mkdirSync(join(dir, '_posts/2020'), { recursive: true });
    mkdirSync(join(dir, 'archived/2020-08-10'), { recursive: true });
    for (let i = 0; i < 50; i++) writeFileSync(join(dir, `_posts/2020-01-${String((i % 28) + 1).padStart(2, '0')}-第${i}篇.md`), `正文${'字'.repeat(i)}`);
    writeFileSync(join(dir, '_posts/2020/2020-02-01-子目录.md'), 'x');
    writeFileSync(join(dir, 'archived/2020-08-10/2020-08-10-旧.html'), 'y');
    writeFileSync(join(dir, '_posts/.hidden.md'), 'z');
    writeFileSync(join(dir, `_posts/${TEMP_PREFIX}half.md`), 'z');
    writeFileSync(join(dir, '_posts/notes.txt'), 'z');
    symlinkSync(join(dir, '_posts/2020/2020-02-01-子目录.md'), join(dir, '_posts/2020-03-01-link.md'));

    const skippedHere: string[] = [];
    const here = listPostFiles(dir, skippedHere);
    const { listPostFilesAlongside } = (await import(pathToFileURL(COMPILED).href)) as typeof import('../../src/archive/posts/list-posts-alongside.js');
    const there = await listPostFilesAlongside(dir);
    expect(here).toHaveLength(52);
    expect(there.files).toEqual(here);
    expect(there.skipped).toEqual(skippedHere);
    expect(there.skipped).toEqual(['_posts/2020-03-01-link.md: symbolic link, not followed']);

    // The worker itself (the function above falls back to this thread if it fails).
    const worker = new Worker(join(dirname(COMPILED), 'list-posts-worker.js'));
    const reply = new Promise<{ paths: string[]; sizes: Float64Array; mtimes: Float64Array; skipped: string[] }>((resolve) => worker.once('message', resolve));
    worker.postMessage(dir);
    const raw = await reply;
    await worker.terminate();
    expect(raw.paths).toEqual(here.map((f) => f.path));
    expect([...raw.sizes]).toEqual(here.map((f) => f.size));
    expect([...raw.mtimes]).toEqual(here.map((f) => f.mtime));
  });
});
