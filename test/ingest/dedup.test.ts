import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPost } from '../../src/archive/posts/read-post.js';
import { runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror, postNames, readPostFile } from '../helpers/mirror.js';

describe('dedup, collisions and the index as a cache', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    const date = 'Sun, 07 Jan 2024 08:00:00 GMT';
    server.route(
      '/same-title.xml',
      staticFeed(
        rss('s', [
          { title: '同一个标题', link: 'https://a.example.invalid/1', date, html: '<p>first</p>' },
          { title: '同一个标题', link: 'https://a.example.invalid/2', date, html: '<p>second</p>' },
          { title: '同一个标题', link: 'https://a.example.invalid/3?utm_source=x', date, html: '<p>third</p>' },
          // the same article again, with a tracking parameter and a fragment: not a new post
          { title: '同一个标题', link: 'https://A.example.invalid:443/1?utm_medium=rss#top', date, html: '<p>first</p>' },
        ]),
      ),
    );
    server.route(
      '/guid.xml',
      staticFeed(
        rss('g', [
          { title: 'one', link: 'https://b.example.invalid/x?session=1', guid: 'post-1', date },
          { title: 'one again', link: 'https://b.example.invalid/x?session=2', guid: 'post-1', date },
        ]),
      ),
    );
    // Another source carrying the same article (same link) as /same-title.xml.
    server.route('/copy.xml', staticFeed(rss('c', [{ title: '转载', link: 'https://a.example.invalid/2', date }])));
  });
  afterAll(() => server.close());

  it('keeps different articles with the same date and title, drops the same article seen again', async () => {
    const dir = makeMirror([
      { site: '甲', url: server.url('/same-title.xml') },
      { site: '乙', url: server.url('/guid.xml') },
      { site: '丙', url: server.url('/copy.xml') },
    ]);
    const res = await runCli(['fetch', '--archive', dir]);
    expect(res.code).toBe(0);
    const names = postNames(dir);
    expect(names.filter((n) => n.startsWith('2024-01-07-同一个标题'))).toEqual([
      '2024-01-07-同一个标题-2.md',
      '2024-01-07-同一个标题-3.md',
      '2024-01-07-同一个标题.md',
    ]);
    const contents = names.map((n) => readPost(readPostFile(dir, n)).post);
    expect(contents.map((p) => p.link).sort()).toEqual([
      'https://a.example.invalid/1',
      'https://a.example.invalid/2',
      'https://a.example.invalid/3',
      'https://b.example.invalid/x?session=1',
    ]);
    // The GUID is kept in the post because it differs from the link.
    expect(contents.find((p) => p.title === 'one')!.guid).toBe('post-1');
    expect(names).toHaveLength(4);

    // Delete the index: the next run rebuilds it from the posts and writes nothing new.
    rmSync(join(dir, '.samizdat'), { recursive: true });
    const again = await runCli(['fetch', '--archive', dir, '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { totals: { posts: number } }).totals.posts).toBe(0);
    expect(postNames(dir)).toEqual(names);
  });

  it('honours a legacy allurls.dat and legacy posts under archived/', async () => {
    const dir = makeMirror([{ site: '甲', url: server.url('/same-title.xml') }]);
    writeFileSync(join(dir, 'allurls.dat'), 'https://a.example.invalid/1\n');
    const legacyDir = join(dir, 'archived', '2024-01-07');
    mkdirSync(legacyDir, { recursive: true });
    writeFileSync(
      join(legacyDir, '2024-01-07-旧文.md'),
      '---\nlayout: post\ntitle: "旧文"\ndate: 2024-01-07T08:00:00.000Z\nauthor: 甲\nfrom: https://a.example.invalid/2\ntags: [ 甲 ]\ncomments: True\ncategories: [ news, 甲 ]\n---\n<!--1704614400000-->\n[旧文](https://a.example.invalid/2)\n------\n\n<div>\n<p>old</p>\n</div>\n',
    );
    const res = await runCli(['fetch', '--archive', dir]);
    expect(res.code).toBe(0);
    expect(postNames(dir)).toEqual(['2024-01-07-同一个标题.md']);
    expect(readPostFile(dir, '2024-01-07-同一个标题.md')).toContain('from: https://a.example.invalid/3\n');
  });

});
