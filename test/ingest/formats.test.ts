import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPost } from '../../src/archive/posts/read-post.js';
import { runCli } from '../helpers/cli.js';
import { startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror, postNames, readPostFile } from '../helpers/mirror.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../testdata/feed/${name}`, import.meta.url));

/** Real feeds of the kinds the mirrors follow, through fetch → parse → clean → archive. */
describe('feed kinds end to end', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/youtube.xml', staticFeed(fixture('youtube.xml'), 'application/atom+xml'));
    server.route('/wordpress.xml', staticFeed(fixture('wordpress-news.xml'), 'application/rss+xml; charset=utf-8'));
    server.route('/rsshub.xml', staticFeed(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title><![CDATA[某公众号 - RSSHub]]></title><link>https://rsshub.example.invalid/</link>
<item><title><![CDATA[第一条 "引号" & 符号]]></title><description><![CDATA[<p>图文 <img src="/img/1.png" width="1" height="1"><img src="https://img.example.invalid/a.jpg"></p><script>alert(1)</script>]]></description><pubDate>Tue, 05 Apr 2022 12:00:00 GMT</pubDate><guid isPermaLink="false">rsshub-1</guid><link>https://mp.example.invalid/s/abc?utm_source=rsshub</link><author><![CDATA[作者甲]]></author></item>
</channel></rss>`));
  });
  afterAll(() => server.close());

  it('archives YouTube, WordPress (Medium-style) and RSSHub items with their own rules', async () => {
    const dir = makeMirror([
      { site: 'Critical Role', url: server.url('/youtube.xml') },
      { site: 'WordPress', url: server.url('/wordpress.xml') },
      { site: '公众号', url: server.url('/rsshub.xml') },
    ]);
    const res = await runCli(['fetch', '--archive', dir]);
    expect(res.code, res.stderr).toBe(0);
    const posts = postNames(dir).map((n) => readPost(readPostFile(dir, n)).post);

    // YouTube: plain-text media:description keeps its line breaks and gets links; the link is the watch URL.
    const yt = posts.find((p) => p.link === 'https://www.youtube.com/watch?v=0_NVdZp8haA')!;
    expect(yt.title).toBe('The Aurora Grows | Critical Role | Campaign 3, Episode 49');
    expect(yt.content).toContain('<br>');
    expect(yt.content).toContain('<a href="https://Thorum.com">https://Thorum.com</a>');
    expect(yt.date).toBe(Date.parse('2023-02-20T20:00:01Z'));

    // WordPress: content:encoded wins over description, dc:creator is the author.
    const wp = posts.find((p) => p.link === 'https://wordpress.org/news/2022/04/wordpress-5-9-3-maintenance-release/')!;
    expect(wp.author).toBe('Jb Audras');
    expect(wp.content.length).toBeGreaterThan(500);

    // RSSHub: author element, tracking parameter and pixel dropped, relative image resolved, script gone.
    const rh = posts.find((p) => p.site === '公众号')!;
    expect(rh.title).toBe('第一条 "引号" & 符号');
    expect(rh.author).toBe('作者甲');
    expect(rh.link).toBe('https://mp.example.invalid/s/abc');
    expect(rh.guid).toBe('rsshub-1');
    expect(rh.content).not.toContain('<script');
    expect(rh.content).not.toContain('/img/1.png');
    expect(rh.content).toContain('https://img.example.invalid/a.jpg');
  });
});
