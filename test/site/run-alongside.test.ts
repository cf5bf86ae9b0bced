import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPost } from '../../src/archive/posts/format-post.js';
import { runOrder } from '../../src/site/build-site.js';
import { GENERATORS } from '../../src/site/generators/index.js';
import { runCli } from '../helpers/cli.js';
import { loadDistSite } from '../helpers/dist-site.js';


describe('post pages on a worker thread, handing over the content another generator wants', () => {
  it('renders the wanted posts first and hands their content over before it finishes, as this thread would make it', async () => {
    const { loadSitePosts } = await loadDistSite<typeof import('../../src/site/load-posts.js')>('load-posts.js');
    const { siteModel } = await loadDistSite<typeof import('../../src/site/post-content.js')>('post-content.js');
    const { siteSettings } = await loadDistSite<typeof import('../../src/site/build-site.js')>('build-site.js');
    const { postPages } = await loadDistSite<typeof import('../../src/site/generators/post-pages.js')>('generators/post-pages.js');
    const { runAlongside } = await loadDistSite<typeof import('../../src/site/run-alongside.js')>('run-alongside.js');
    const { emptyRecord, previousOutputs } = await loadDistSite<typeof import('../../src/site/site-output.js')>('site-output.js');

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

describe('the order generators run in when post pages are rendered alongside', () => {
  it('moves the feeds after the other pages and the search index, and leaves the rest as they were', () => {
    const names = runOrder(GENERATORS).map((g) => g.name);
    expect(names).toEqual([...GENERATORS.filter((g) => g.name !== 'feeds').map((g) => g.name)].flatMap((n) => (n === 'sitemap' ? ['feeds', n] : [n])));
    expect(names.indexOf('feeds')).toBeGreaterThan(names.indexOf('search'));
    expect(names.indexOf('redirects')).toBeGreaterThan(names.indexOf('sitemap')); // the sitemap lists no redirect page
  });

  it('builds a site whose sitemap lists the post and not its redirect page (CLI, post pages on a worker)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samizdat-alongside-order-'));
    try {
      mkdirSync(join(dir, '_posts'));
      writeFileSync(join(dir, '_config.yml'), 'title: t\nurl: https://mirror.example.org\n');
      const post = formatPost({ title: '改名的文章', date: Date.UTC(2022, 0, 1, 8), author: '作者', link: 'https://example.org/a', site: '甲报', content: '<p>正文</p>' });
      writeFileSync(join(dir, '_posts', '2022-01-01-改名的文章.md'), post.replace('layout: post\n', 'layout: post\nredirect_from: [ "/2021-12-31/旧的名字/" ]\n'));
      const r = await runCli(['build', '--archive', dir, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const sitemap = readFileSync(join(dir, '_site', 'sitemap.xml'), 'utf8');
      expect(sitemap).toContain(encodeURI('/2022-01-01/改名的文章/'));
      expect(sitemap).not.toContain(encodeURI('旧的名字'));
      expect(readFileSync(join(dir, '_site', '2021-12-31', '旧的名字', 'index.html'), 'utf8')).toContain('2022-01-01/改名的文章/');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
