import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { readRow } from '../../src/site/read-row.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('the rows a build keeps of its posts', () => {
  it('do not keep the post files\' text in memory (a 100k-post build keeps 100k rows)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-row-memory-'));
    try {
      mkdirSync(join(dir, '_posts'));
      const n = 200;
      const body = `<p>${'正文很长。'.repeat(10_000)}</p>`; // 100 KB of UTF-16 in memory
      for (let i = 0; i < n; i++) {
        const post = {
          title: `一篇很长的文章标题，足以在内存中成为另一字符串的切片 ${i}`, date: Date.UTC(2020, 0, 1 + (i % 28)), author: '一位作者的名字也很长很长很长',
          link: `https://example.org/articles/2020/01/a-long-link-${i}.html`, site: '一个来源的名字很长很长', content: body, categories: ['一个很长的分类名字很长很长'],
        };
        writeFileSync(join(dir, '_posts', `2020-01-${String(1 + (i % 28)).padStart(2, '0')}-文章${i}.md`), formatPost(post));
      }
      gc();
      const before = process.memoryUsage().heapUsed;
      const rows = Array.from({ length: n }, (_, i) => readRow(dir, `_posts/2020-01-${String(1 + (i % 28)).padStart(2, '0')}-文章${i}.md`, '1:1', { template: '/:year-:month-:day/:title/', timeZone: 'UTC' }));
      gc();
      const kept = process.memoryUsage().heapUsed - before;
      expect(rows.every((r) => r[2] === 0)).toBe(true); // all read as posts
      // Each row is a few hundred bytes; a row holding on to its file would keep 100 KB.
      expect(kept / n).toBeLessThan(10_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
