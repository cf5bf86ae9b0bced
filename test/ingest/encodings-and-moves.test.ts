import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPost } from '../../src/archive/posts/read-post.js';
import { runCli } from '../helpers/cli.js';
import { rss, startFeedServer, staticFeed, type FeedServer } from '../helpers/feed-server.js';
import { makeMirror, postNames, readPostFile } from '../helpers/mirror.js';

const bytes = (name: string): Buffer => readFileSync(new URL(`../testdata/fetch/${name}`, import.meta.url));

describe('legacy encodings through the whole pipeline', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    // Charset only in the XML prolog (gb2312), zone-less ISO dates.
    server.route('/qq.xml', staticFeed(bytes('gb2312-qq-news.xml'), 'text/xml'));
    // Charset in the HTTP header (big5).
    server.route('/big5.xml', staticFeed(bytes('big5-digitalwall.xml'), 'text/xml; charset=big5'));
    server.route('/1251.xml', staticFeed(bytes('windows-1251-oren.xml'), 'application/rss+xml'));
  });
  afterAll(() => server.close());

  it('decodes GB2312, Big5 and windows-1251 feeds into correct UTF-8 posts', async () => {
    const dir = makeMirror([
      { site: '腾讯', url: server.url('/qq.xml') },
      { site: '數位之牆', url: server.url('/big5.xml') },
      { site: 'Оренбург', url: server.url('/1251.xml') },
    ]);
    const res = await runCli(['fetch', '--archive', dir]);
    expect(res.code, res.stderr).toBe(0);
    const posts = postNames(dir).map((n) => ({ name: n, ...readPost(readPostFile(dir, n)).post }));

    const qq = posts.find((p) => p.title === '拟298亿元重组盛大游戏后 世纪华通发20亿回购预案')!;
    expect(qq.name).toBe('2018-09-19-拟298亿元重组盛大游戏后 世纪华通发20亿回购预案.md');
    expect(qq.date).toBe(Date.parse('2018-09-19T05:11:22.000Z'));
    expect(qq.content).toContain('腾讯科技讯9月18日');
    expect(qq.author).toBe('www.qq.com');

    const big5 = posts.find((p) => p.title === '再談軟體與媒體的典範轉移')!;
    expect(big5.content).toContain('1996年六月，筆者發表文章「軟體與媒體的典範轉移」');
    expect(big5.link).toBe('http://www.digitalwall.com/scripts/display.asp?UID=321');
    expect(big5.date).toBe(Date.parse('2005-12-17T15:21:36Z'));

    const ru = posts.find((p) => p.title === 'В Бузулуке главные стройплощадки – детсад и Ледовый дворец')!;
    expect(ru.date).toBe(Date.parse('2014-01-22T14:31:31Z'));
    // Nothing anywhere decoded into replacement characters.
    for (const p of posts) expect(`${p.title}${p.content}`, p.name).not.toContain('\ufffd');
  });
});

describe('a feed that moved for good', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/old.xml', (_req, res) => {
      res.writeHead(301, { location: '/new.xml' });
      res.end();
    });
    server.route('/new.xml', staticFeed(rss('moved', [{ title: 'moved', link: 'https://moved.example.invalid/1', date: 'Mon, 01 Jan 2024 00:00:00 GMT' }])));
  });
  afterAll(() => server.close());

  it('is fetched at its new URL from then on, and the report says so', async () => {
    const dir = makeMirror([{ site: 'moved', url: server.url('/old.xml') }]);
    const first = await runCli(['fetch', '--archive', dir]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`moved permanently to ${server.url('/new.xml')} (update subs.json)`);
    const seen = server.requests.length;
    const second = await runCli(['fetch', '--archive', dir]);
    expect(second.code).toBe(0);
    expect(server.requests.slice(seen).map((r) => r.path)).toEqual(['/new.xml']);
    expect(postNames(dir)).toHaveLength(1);
  });
});
