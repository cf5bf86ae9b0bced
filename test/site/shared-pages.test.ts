import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { claimPage, sharedCounters, SharedPages, type HandedMessage } from '../../src/site/shared-pages.js';
import type { SitePost } from '../../src/site/site-model.js';
import { loadDistSite } from '../helpers/dist-site.js';

/** Posts as the queue sees them: only their identity matters here. */
const posts = Array.from({ length: 6 }, (_, i) => ({ file: `_posts/${i}.md` }) as SitePost);

function pages(): { shared: SharedPages; rendered: Array<[string, boolean]>; presented: string[]; counters: Int32Array } {
  const rendered: Array<[string, boolean]> = [];
  const presented: string[] = [];
  const counters = new Int32Array(sharedCounters());
  const shared = new SharedPages(
    posts, counters,
    async (p, wanted) => {
      rendered.push([p.file, wanted]);
      return wanted ? `made here: ${p.file}` : null;
    },
    async (p) => `fallback: ${p.file}`,
    (content) => presented.push(...content.map(([key]) => key)),
  );
  return { shared, rendered, presented, counters };
}

const hand = (shared: SharedPages, message: HandedMessage): void => shared.otherPort.postMessage(message);

describe('post pages shared by two threads (this thread\'s side)', () => {
  it('takes the texts the other thread handed over, makes the pages nobody claimed, and waits only for pages being made', async () => {
    const { shared, rendered, presented, counters } = pages();
    // The other thread claims pages 0–2 and hands over 0 (with a wanted post's content) and 1 (no text: far ahead).
    for (let i = 0; i < 3; i++) expect(claimPage(counters, posts.length)).toBe(i);
    hand(shared, { texts: [[0, 'handed: 0'], [1, null]], presented: [['feed key 0', '<p>0</p>']] });
    expect(await shared.text(posts[0]!)).toBe('handed: 0');
    expect(presented).toEqual(['feed key 0']);
    expect(await shared.text(posts[1]!)).toBe('fallback: _posts/1.md');
    expect(rendered).toEqual([]);
    // Page 2 is still being made there: this thread makes 3–5 meanwhile, then waits for 2.
    setTimeout(() => hand(shared, { texts: [[2, 'handed: 2']], presented: [] }), 30);
    expect(await shared.text(posts[2]!)).toBe('handed: 2');
    expect(rendered).toEqual([['_posts/3.md', true], ['_posts/4.md', true], ['_posts/5.md', true]]);
    for (const i of [3, 4, 5]) expect(await shared.text(posts[i]!)).toBe(`made here: _posts/${i}.md`);
    expect(rendered).toHaveLength(3);
    expect(Atomics.load(counters, 1), 'texts taken').toBe(6);
    shared.close();
    shared.otherPort.close();
  });

  it('fails the texts it waits for when the other thread fails, and makes them itself once it finished', async () => {
    const failing = pages();
    expect(claimPage(failing.counters, 1)).toBe(0); // the other thread claims every page…
    Atomics.store(failing.counters, 0, posts.length);
    const waiting = failing.shared.text(posts[0]!);
    failing.shared.fail(new Error('the post-page thread stopped'));
    await expect(waiting).rejects.toThrow('the post-page thread stopped');
    failing.shared.close();
    failing.shared.otherPort.close();

    const done = pages();
    Atomics.store(done.counters, 0, posts.length);
    hand(done.shared, { texts: [[1, 'handed: 1']], presented: [] });
    done.shared.finished();
    expect(await done.shared.text(posts[1]!)).toBe('handed: 1');
    expect(await done.shared.text(posts[0]!)).toBe('fallback: _posts/0.md');
    done.shared.close();
    done.shared.otherPort.close();
  });

  it('makes the pages left unclaimed, without their texts, when asked to drain', async () => {
    const { shared, rendered, counters } = pages();
    expect(claimPage(counters, posts.length)).toBe(0);
    await shared.drain();
    expect(rendered).toEqual(posts.slice(1).map((p) => [p.file, false]));
    expect(claimPage(counters, posts.length)).toBeUndefined();
    shared.close();
    shared.otherPort.close();
  });
});


describe('post pages shared with the post-page thread', () => {
  it('are each made once, by one thread or the other, and every text is the page\'s', async () => {
    const { loadSitePosts } = await loadDistSite<typeof import('../../src/site/load-posts.js')>('load-posts.js');
    const { siteModel } = await loadDistSite<typeof import('../../src/site/post-content.js')>('post-content.js');
    const { siteSettings } = await loadDistSite<typeof import('../../src/site/build-site.js')>('build-site.js');
    const { postPageMaker, postPages } = await loadDistSite<typeof import('../../src/site/generators/post-pages.js')>('generators/post-pages.js');
    const { runAlongside } = await loadDistSite<typeof import('../../src/site/run-alongside.js')>('run-alongside.js');
    const { createSiteOutput, emptyRecord, previousOutputs } = await loadDistSite<typeof import('../../src/site/site-output.js')>('site-output.js');
    const { SharedPages: Shared, sharedCounters: counters } = await loadDistSite<typeof import('../../src/site/shared-pages.js')>('shared-pages.js');
    const { presentedText } = await loadDistSite<typeof import('../../src/site/presented-text.js')>('presented-text.js');
    const { sourceGroups } = await loadDistSite<typeof import('../../src/site/theme/groups.js')>('theme/groups.js');

    const dir = await mkdtemp(join(tmpdir(), 'samizdat-shared-'));
    try {
      mkdirSync(join(dir, '_posts'));
      for (let i = 0; i < 300; i++) {
        const post = {
          title: `第${i}篇`, date: Date.UTC(2020, i % 12, (i % 28) + 1, 8), author: '作者', link: `https://example.org/${i}`, site: ['甲报', '乙台'][i % 2]!,
          content: `<p onclick="x()">正文 ${i} &amp; 更多</p><iframe src="https://www.youtube.com/embed/abcdefghij${i % 10}"></iframe><script>alert(${i})</script>`,
        };
        writeFileSync(join(dir, '_posts', `2020-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}-第${i}篇.md`), formatPost(post));
      }
      const { posts: all } = await loadSitePosts(dir, { template: '/:year-:month-:day/:title/', timeZone: 'UTC' });
      const model = siteModel(all, siteSettings({}), dir);
      const outDir = join(dir, '_site');
      const mainRecord = emptyRecord();
      const out = createSiteOutput(outDir, previousOutputs(), new Map(), mainRecord);
      const make = postPageMaker(model, out, sourceGroups(model.posts), model.posts);
      let madeHere = 0;
      const shared = new Shared([...all].reverse(), new Int32Array(counters()), async (p, wanted) => {
        madeHere++;
        const html = await make(p);
        return wanted && html !== undefined ? presentedText(html) : null;
      }, (p) => model.text(p), () => undefined);
      const queue = [...all].reverse();
      // The first text before the thread starts: its page is made here.
      expect(await shared.text(queue[0]!)).toBe(presentedText(await model.html(queue[0]!)));
      expect(madeHere).toBe(1);
      const record = emptyRecord();
      const run = runAlongside(postPages, model, outDir, previousOutputs(), new Map(), record, undefined, shared);
      // Let the thread start and claim some pages, then take every other text in the queue's order.
      while (Atomics.load(shared.counters, 0) < 40) await new Promise((resolve) => setTimeout(resolve, 5));
      for (const p of queue.slice(1)) expect(await shared.text(p), p.file).toBe(presentedText(await model.html(p)));
      await shared.drain();
      await run.done;
      shared.close();
      expect(madeHere, 'pages made on this thread').toBeGreaterThan(0);
      expect(record.written, 'pages made on the other').toBeGreaterThan(0);
      expect(record.written + mainRecord.written).toBe(300);
      expect(new Set([...record.current.keys(), ...mainRecord.current.keys()]).size).toBe(300);
      for (const p of all) {
        const page = readFileSync(join(outDir, p.outPath), 'utf8');
        expect(page).toContain(await model.html(p));
        expect(page).not.toMatch(/onclick|<script>alert/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
