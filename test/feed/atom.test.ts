import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { FEED_URL, runFeedContract, xmlEscape } from './common.case.js';
import type { FeedSpec, ItemSpec } from './common.case.js';

const data = (name: string): string => readFileSync(new URL(`../testdata/feed/${name}`, import.meta.url), 'utf8');

function atomEntry(i: ItemSpec): string {
  return [
    '<entry>',
    i.title !== undefined ? `<title type="text">${xmlEscape(i.title)}</title>` : '',
    i.link !== undefined ? `<link rel="alternate" type="text/html" href="${xmlEscape(i.link)}"/>` : '',
    i.guid !== undefined ? `<id>${xmlEscape(i.guid)}</id>` : '',
    i.date !== undefined ? `<published>${xmlEscape(i.date)}</published>` : '',
    i.author !== undefined ? `<author><name>${xmlEscape(i.author)}</name><email>x@example.org</email></author>` : '',
    i.html !== undefined ? `<content type="html">${xmlEscape(i.html)}</content>` : '',
    i.text !== undefined ? `<content type="text">${xmlEscape(i.text)}</content>` : '',
    ...(i.categories ?? []).map((c) => `<category term="${xmlEscape(c)}"/>`),
    '</entry>',
  ].join('\n');
}

runFeedContract({
  format: 'atom',
  authorEmail: 'x@example.org',
  write: (f: FeedSpec) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlEscape(f.title)}</title>` +
    `<link rel="self" href="${FEED_URL}"/><link href="${xmlEscape(f.link)}"/><id>urn:feed</id>` +
    `<updated>2022-02-04T00:00:00Z</updated>\n${f.items.map(atomEntry).join('\n')}\n</feed>`,
});

describe('Atom versions (feedsmith reference feeds)', () => {
  for (const version of ['atom-03', 'atom-10', 'atom-ns']) {
    it(`${version}: titles, links (resolved with xml:base) and dates match the reference`, () => {
      const expected = JSON.parse(data(`feedsmith/${version}.expected.json`)) as {
        title: string;
        link: string | null;
        items: { title: string; link: string | null; date: string | null }[];
      };
      const feed = parseFeed(data(`feedsmith/${version}.xml`), FEED_URL);
      const base = version === 'atom-ns' ? FEED_URL : 'http://example.org/';
      const resolve = (href: string | null) => (href === null ? '' : new URL(href, base).href);
      expect(feed.format).toBe('atom');
      expect(feed.title).toBe(expected.title);
      expect(feed.link).toBe(resolve(expected.link));
      expect(feed.items.map((i) => i.title)).toEqual(expected.items.map((i) => i.title));
      expect(feed.items.map((i) => i.link)).toEqual(expected.items.map((i) => resolve(i.link)));
      expect(feed.items.map((i) => i.date)).toEqual(expected.items.map((i) => i.date ?? ''));
    });
  }

  it('atom-03: escaped, xml and base64 modes; the content xml:base is the content base', () => {
    const [first] = parseFeed(data('feedsmith/atom-03.xml'), FEED_URL).items;
    expect(first?.author).toBe('Mark Pilgrim');
    expect(first?.contentType).toBe('html');
    expect(first?.content.startsWith('<div>Watch out for <span')).toBe(true);
    expect(first?.baseUrl).toBe('http://example.org/entry/3');
    expect(first?.categories).toEqual(['examples', 'documentation']);
  });
});

describe('YouTube channel feed', () => {
  const feed = parseFeed(data('youtube.xml'), 'https://www.youtube.com/feeds/videos.xml?channel_id=UCpXBGqwsBkpvcYjsJBQ7LEQ');

  it('reads the videos with media:group/media:description as a text body', () => {
    expect(feed.title).toBe('Critical Role');
    expect(feed.items).toHaveLength(2);
    const [first] = feed.items;
    expect(first?.title).toBe('The Aurora Grows | Critical Role | Campaign 3, Episode 49');
    expect(first?.link).toBe('https://www.youtube.com/watch?v=0_NVdZp8haA');
    expect(first?.guid).toBe('yt:video:0_NVdZp8haA');
    expect(first?.date).toBe('2023-02-20T20:00:01+00:00');
    expect(first?.author).toBe('Critical Role');
    expect(first?.contentType).toBe('text');
    expect(first?.content.startsWith('This episode is sponsored by Thorum.')).toBe(true);
    expect(first?.content).toContain('Apple Podcasts & Goog'); // &amp; decoded in text
  });
});

describe('Atom field rules', () => {
  const entry = (xml: string, feedExtra = '') =>
    parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom">${feedExtra}<entry>${xml}</entry></feed>`, FEED_URL).items[0];

  it('html titles become plain text: tags stripped, entities decoded', () => {
    expect(entry('<title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; news&amp;nbsp;here</title>')?.title).toBe('Bold & news\u00a0here');
    expect(entry('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <i>b</i></div></title>')?.title).toBe('A b');
    expect(entry('<title>1 &lt; 2</title>')?.title).toBe('1 < 2');
  });

  it('xhtml content is serialized without the wrapping div', () => {
    const item = entry(
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="/x">there</a></p><br/></div></content>',
    );
    expect(item?.contentType).toBe('html');
    expect(item?.content).toBe('<p>Hi <a href="/x">there</a></p><br />');
  });

  it('text content is text, html content is html, content beats summary', () => {
    expect(entry('<content type="text">a &lt;b&gt;</content>')).toMatchObject({ content: 'a <b>', contentType: 'text' });
    expect(entry('<summary type="html">&lt;p&gt;s&lt;/p&gt;</summary>')).toMatchObject({ content: '<p>s</p>', contentType: 'html' });
    expect(entry('<summary>short</summary><content type="html">long</content>')?.content).toBe('long');
  });

  it('link: rel=alternate (or no rel) preferring text/html; id as a last resort', () => {
    expect(
      entry('<link rel="enclosure" href="/a.mp3"/><link rel="alternate" type="audio/mpeg" href="/b"/><link href="/c" type="text/html"/>')?.link,
    ).toBe('https://news.example.org/c');
    expect(entry('<id>https://blog.example/p/1</id>')?.link).toBe('https://blog.example/p/1');
    expect(entry('<id>tag:blog.example,2022:1</id>')?.link).toBe('');
  });

  it('date: published > updated; Atom 0.3 issued/modified', () => {
    expect(entry('<updated>2022-02-05T00:00:00Z</updated><published>2022-02-04T00:00:00Z</published>')?.date).toBe('2022-02-04T00:00:00Z');
    expect(entry('<updated>2022-02-05T00:00:00Z</updated>')?.date).toBe('2022-02-05T00:00:00Z');
    const old = parseFeed(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><modified>2004-01-02T00:00:00Z</modified><issued>2004-01-01T00:00:00Z</issued></entry></feed>',
      FEED_URL,
    ).items[0];
    expect(old?.date).toBe('2004-01-01T00:00:00Z');
  });

  it('author: entry author/name, several joined, else the feed author (RFC 4287 §4.2.1)', () => {
    expect(entry('<author><name>A</name></author><author><name>B</name></author>')?.author).toBe('A, B');
    expect(entry('<title>x</title>', '<author><name>Feed Author</name></author>')?.author).toBe('Feed Author');
  });

  it('nested xml:base on feed, entry and link', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/">
      <entry xml:base="2022/"><link xml:base="02/" href="post.html"/>
      <content type="html" xml:base="/img/">&lt;img src="x.png"&gt;</content></entry></feed>`;
    const [item] = parseFeed(xml, FEED_URL).items;
    expect(item?.link).toBe('https://a.example/blog/2022/02/post.html');
    expect(item?.baseUrl).toBe('https://a.example/img/');
  });

  it('Atom with an odd prefix for its own namespace', () => {
    const feed = parseFeed(
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:title>E</a:title><a:id>i</a:id></a:entry></a:feed>',
      FEED_URL,
    );
    expect(feed.title).toBe('P');
    expect(feed.items.map((i) => [i.title, i.guid])).toEqual([['E', 'i']]);
  });
});
