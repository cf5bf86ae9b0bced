import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TEMP_PREFIX } from '../../src/archive/atomic-write.js';
import { listPostFiles, statPost } from '../../src/archive/posts/list-posts.js';

// The compiled module runs the listing on a worker thread (npm test builds dist/ first).
const COMPILED = join(import.meta.dirname, '../../dist/archive/posts/list-posts-alongside.js');

describe('listing post files on a worker thread', () => {
  it('gives what listing them here gives: files, sizes, times, and the links it skipped', async () => {
    expect(existsSync(COMPILED), 'dist/ is built by npm test').toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-list-'));
    mkdirSync(join(dir, '_posts/2020'), { recursive: true });
    mkdirSync(join(dir, 'archived/2020-08-10'), { recursive: true });
    for (let i = 0; i < 1000; i++) writeFileSync(join(dir, `_posts/2020-01-${String((i % 28) + 1).padStart(2, '0')}-第${i}篇.md`), `正文${'字'.repeat(i)}`);
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
    expect(here).toHaveLength(1002); // several chunks: both threads stat some
    expect(there.files).toEqual(here);
    expect(there.skipped).toEqual(skippedHere);
    expect(there.skipped).toEqual(['_posts/2020-03-01-link.md: symbolic link, not followed']);

    // A caller that will not use the listing stops it: the promise rejects with the abort reason
    // (it does not fall back to listing on this thread).
    const stop = new AbortController();
    const stopped = listPostFilesAlongside(dir, stop.signal);
    stop.abort(new Error('not needed'));
    await expect(stopped).rejects.toThrow('not needed');

    // A file removed between the walk and its stat is left out, not an error.
    expect(statPost(dir, '_posts/2020-01-01-gone.md')).toBeUndefined();

    // The worker itself (the function above falls back to this thread if it fails): alone, it stats every file.
    const worker = new Worker(join(dirname(COMPILED), 'list-posts-worker.js'));
    const messages: unknown[] = [];
    const done = new Promise<void>((resolve) => worker.on('message', (m) => (messages.push(m), m === 'done' && resolve())));
    worker.postMessage(dir);
    await done;
    await worker.terminate();
    const [listed] = messages as [{ paths: string; skipped: string[]; shared: SharedArrayBuffer }];
    const paths = listed.paths.split('\u0000');
    const n = paths.length;
    expect(paths).toEqual(here.map((f) => f.path));
    expect(listed.skipped).toEqual(skippedHere);
    expect([...new Float64Array(listed.shared, 8, n)]).toEqual(here.map((f) => f.size));
    expect([...new Float64Array(listed.shared, 8 + 8 * n, n)]).toEqual(here.map((f) => f.mtime));
  });
});
