import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';

// The worker thread runs compiled code: the test drives the compiled modules (npm test builds dist/ first).
const DIST = join(import.meta.dirname, '../../dist/site/');
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(DIST, file)).href)) as T;

describe('post pages on a worker thread, handing over the content another generator wants', () => {
  it('renders the wanted posts first and hands their content over before it finishes, as this thread would make it', async () => {
    const { loadSitePosts } = await load<typeof import('../../src/site/load-posts.js')>('load-posts.js');
    const { siteModel } = await load<typeof import('../../src/site/post-content.js')>('post-content.js');
    const { siteSettings } = await load<typeof import('../../src/site/build-site.js')>('build-site.js');
    const { postPages } = await load<typeof import('../../src/site/generators/post-pages.js')>('generators/post-pages.js');
    const { canRunAlongside, runAlongside } = await load<typeof import('../../src/site/run-alongside.js')>('run-alongside.js');
    const { emptyRecord, previousOutputs } = await load<typeof import('../../src/site/site-output.js')>('site-output.js');
    expect(canRunAlongside(), 'a worker thread may start here').toBe(true);

    const dir = await mkdtemp(join(tmpdir(), 'samizdat-alongside-'));
    try {
      mkdirSync(join(dir, '_posts'));
      for (let i = 0; i < 300; i++) {
        const day = String((i % 28) + 1).padStart(2, '0');
        const post = {
          title: `第${i}篇`, date: Date.UTC(2020, i % 12, (i % 28) + 1, 8), author: '作者', link: `https://example.org/${i}`, site: ['甲报', '乙台'][i % 2]!,
          content: `<p onclick="x()">正文 ${i}</p><img src="https://example.org/${i}.jpg"><script>alert(${i})</script>`,
        };
        writeFileSync(join(dir, '_posts', `2020-${String((i % 12) + 1).padStart(2, '0')}-${day}-第${i}篇.md`), formatPost(post));
      }
      const { posts } = await loadSitePosts(dir, { template: '/:year-:month-:day/:title/', timeZone: 'UTC' });
      const model = siteModel(posts, siteSettings({}), dir);
      // The oldest posts are rendered last unless wanted: want a few of them, and one from the middle.
      const wanted = [...posts.slice(-4), posts[150]!];
      const keys = new Map(wanted.map((p, i) => [p, `key ${i}`] as const));
      const record = emptyRecord();
      const taken = new Map<string, string>();
      let writtenAtFirstTake: number | undefined;
      const out = join(dir, '_site');
      const run = runAlongside(postPages, model, out, previousOutputs(), new Map(), record, {
        keys,
        take(presented) {
          writtenAtFirstTake ??= record.written;
          for (const [key, html] of presented) {
            expect(taken.has(key), key).toBe(false);
            taken.set(key, html);
          }
        },
      });
      await run.handedOver;
      expect(writtenAtFirstTake, 'handed over before the thread reported its pages').toBe(0);
      expect(taken.size, 'every wanted post in the first hand-over').toBe(keys.size);
      await run.done;
      expect(record.written).toBe(300);
      expect([...taken.keys()].sort()).toEqual([...keys.values()].sort());
      for (const p of wanted) {
        const html = taken.get(keys.get(p)!)!;
        expect(html).toBe(await model.html(p));
        expect(html).not.toMatch(/onclick|<script/);
        expect(readFileSync(join(out, p.outPath), 'utf8')).toContain(html);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
