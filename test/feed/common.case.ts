// The FeedItem contract, run against every feed format (like hono's common.case.test.ts):
// each format's test file supplies a writer that expresses the same abstract feed in its
// own syntax, and these cases check that parseFeed reads it back the same way.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import type { FeedFormat } from '../../src/model/index.js';

export interface ItemSpec {
  title?: string;
  /** As written in the feed (may be relative). */
  link?: string;
  guid?: string;
  date?: string;
  author?: string;
  /** HTML body. */
  html?: string;
  /** Plain-text body (used when `html` is absent). */
  text?: string;
  categories?: string[];
}

export interface FeedSpec {
  title: string;
  link: string;
  items: ItemSpec[];
}

export interface FormatWriter {
  readonly format: FeedFormat;
  write(feed: FeedSpec): string;
  /** The author email the writer adds beside each author name, if its format has one. */
  readonly authorEmail?: string;
}

export const FEED_URL = 'https://news.example.org/feeds/main.xml';

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const FULL: ItemSpec = {
  title: 'Court hears appeal',
  link: 'https://news.example.org/2022/02/04/appeal.html',
  guid: 'urn:example:appeal-1',
  date: '2022-02-04T21:32:23+08:00',
  author: 'Li Wei',
  html: '<p>First paragraph with <a href="/about">a link</a>.</p>\n<p>Second.</p>',
  categories: ['Law', 'China'],
};

export function runFeedContract(writer: FormatWriter): void {
  const parse = (items: ItemSpec[], title = 'Example News') =>
    parseFeed(writer.write({ title, link: 'https://news.example.org/', items }), FEED_URL);

  describe(`FeedItem contract: ${writer.format}`, () => {
    it('detects the format and reads the feed title and link', () => {
      const feed = parse([FULL], 'Example News 新闻');
      expect(feed.format).toBe(writer.format);
      expect(feed.title).toBe('Example News 新闻');
      expect(feed.link).toBe('https://news.example.org/');
    });

    it('reads every field of a full item', () => {
      const [item] = parse([FULL]).items;
      expect(item).toEqual({
        title: 'Court hears appeal',
        link: 'https://news.example.org/2022/02/04/appeal.html',
        guid: 'urn:example:appeal-1',
        date: '2022-02-04T21:32:23+08:00',
        author: 'Li Wei',
        ...(writer.authorEmail !== undefined ? { authorEmail: writer.authorEmail } : {}),
        content: FULL.html,
        contentType: 'html',
        baseUrl: 'https://news.example.org/2022/02/04/appeal.html',
        categories: ['Law', 'China'],
      });
    });

    it('keeps the items in document order', () => {
      const items = parse([1, 2, 3].map((n) => ({ ...FULL, title: `Item ${n}`, guid: `g${n}` }))).items;
      expect(items.map((i) => i.title)).toEqual(['Item 1', 'Item 2', 'Item 3']);
      expect(items.map((i) => i.guid)).toEqual(['g1', 'g2', 'g3']);
    });

    it('reads a feed without items as an empty list', () => {
      expect(parse([]).items).toEqual([]);
    });

    it('leaves a missing title, author, date and guid empty', () => {
      const [item] = parse([{ link: FULL.link, html: '<p>x</p>' }]).items;
      expect(item?.title).toBe('');
      expect(item?.author).toBe('');
      expect(item?.date).toBe('');
      expect(item?.guid).toBe('');
      expect(item?.categories).toEqual([]);
    });

    it('resolves a relative link against the feed URL', () => {
      const [item] = parse([{ ...FULL, link: '../2022/a.html' }]).items;
      expect(item?.link).toBe('https://news.example.org/2022/a.html');
      expect(item?.baseUrl).toBe('https://news.example.org/2022/a.html');
    });

    it('keeps an absolute link exactly as written (no normalisation here)', () => {
      const [item] = parse([{ ...FULL, link: 'HTTP://News.Example.org:80/a?utm_source=x#top' }]).items;
      expect(item?.link).toBe('HTTP://News.Example.org:80/a?utm_source=x#top');
    });

    it('uses the feed URL as base when the item has no link', () => {
      const [item] = parse([{ title: 't', html: '<img src="x.png">' }]).items;
      expect(item?.link).toBe('');
      expect(item?.baseUrl).toBe(FEED_URL);
    });

    it('gives titles as plain text with markup characters decoded', () => {
      const [item] = parse([{ ...FULL, title: 'AT&T says "5 < 6" & more' }]).items;
      expect(item?.title).toBe('AT&T says "5 < 6" & more');
    });

    it('keeps Chinese text, emoji and line structure of the body', () => {
      const html = '<p>中国数字时代 — 【翻墙】“引号” 😀</p>\n<pre>a\n  b</pre>';
      const [item] = parse([{ ...FULL, title: '习近平为何如此强调崇尚英雄？', html }]).items;
      expect(item?.title).toBe('习近平为何如此强调崇尚英雄？');
      expect(item?.content).toBe(html);
    });

    it('reports a plain-text body as text', () => {
      const [item] = parse([{ ...FULL, html: undefined, text: 'Plain <not a tag> & text' }]).items;
      expect(item?.contentType).toBe('text');
      expect(item?.content).toBe('Plain <not a tag> & text');
    });

    it('trims whitespace around fields', () => {
      const [item] = parse([{ ...FULL, title: '  spaced  ', author: ' A ', guid: ' g ' }]).items;
      expect(item?.title).toBe('spaced');
      expect(item?.author).toBe('A');
      expect(item?.guid).toBe('g');
    });

    it('lists each category once, in order', () => {
      const [item] = parse([{ ...FULL, categories: ['b', 'a', 'b', ' '] }]).items;
      expect(item?.categories).toEqual(['b', 'a']);
    });
  });
}
