import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import type { PostRow } from '../../src/site/post-row.js';
import { ALONGSIDE_MIN, type RowJob } from '../../src/site/read-rows-alongside.js';
import { readRow } from '../../src/site/read-row.js';

// The compiled module reads on a worker thread too (npm test builds dist/ first).
const COMPILED = join(import.meta.dirname, '../../dist/site/read-rows-alongside.js');
const OPTIONS = { template: '/:year-:month-:day/:title/', timeZone: 'UTC' };

describe('reading post files on two threads', () => {
  it('gives the rows reading them here gives, in order, skipped and unpublished files included', async () => {
    expect(existsSync(COMPILED), 'dist/ is built by npm test').toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-read-rows-'));
    try {
      mkdirSync(join(dir, '_posts'));
      const jobs: RowJob[] = [];
      const n = ALONGSIDE_MIN + 300; // enough for the worker
      for (let i = 0; i < n; i++) {
        const file = `_posts/2020-01-${String((i % 28) + 1).padStart(2, '0')}-第${i}篇.md`;
        const post = { title: `第${i}篇 "引号"`, date: Date.UTC(2020, 0, (i % 28) + 1, 8), author: '作者', link: `https://example.org/${i}`, site: ['甲报', '乙台'][i % 2]!, content: `<p>正文 ${i}</p>` };
        let text = formatPost(post);
        if (i % 97 === 5) text = text.replace('---\n', '---\npublished: false\n');
        writeFileSync(join(dir, file), i % 101 === 7 ? Buffer.from([0xff, 0xfe, 0x00]) : text);
        jobs.push([file, `${i}:1`]);
      }
      jobs.push(['_posts/2020-02-01-missing.md', '0:0']); // gone before it is read
      const here = jobs.map(([path, stamp]) => readRow(dir, path, stamp, OPTIONS));
      expect(here.filter((r) => r[2] === 1).length).toBeGreaterThan(5); // not UTF-8, missing
      expect(here.filter((r) => r[2] === 2).length).toBeGreaterThan(5); // unpublished

      const { readRowsAlongside } = (await import(pathToFileURL(COMPILED).href)) as typeof import('../../src/site/read-rows-alongside.js');
      expect(await readRowsAlongside(dir, jobs, OPTIONS)).toEqual(here);

      // The worker itself (the function above reads its chunks here if it fails): alone, it reads every file.
      const worker = new Worker(join(dirname(COMPILED), 'read-rows-worker.js'));
      const theirs = new Promise<Map<number, PostRow>>((resolve) => worker.once('message', resolve));
      worker.postMessage({ archiveDir: dir, jobs, options: OPTIONS, next: new SharedArrayBuffer(4) });
      const rows = await theirs;
      await worker.terminate();
      expect(Array.from({ length: jobs.length }, (_, i) => rows.get(i))).toEqual(here);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
