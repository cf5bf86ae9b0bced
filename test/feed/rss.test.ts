import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { parseFeedDate } from '../../src/content/dates.js';
import { FEED_URL, runFeedContract, xmlEscape } from './common.case.js';
import type { FeedSpec, ItemSpec } from './common.case.js';

const data = (name: string): string => readFileSync(new URL(`../testdata/feed/${name}`, import.meta.url), 'utf8');

function cdata(html: string): string {
  return `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function rssItem(i: ItemSpec): string {
  return [
    '<item>',
    i.title !== undefined ? `<title>${xmlEscape(i.title)}</title>` : '',
    i.link !== undefined ? `<link>${xmlEscape(i.link)}</link>` : '',
    i.guid !== undefined ? `<guid isPermaLink="false">${xmlEscape(i.guid)}</guid>` : '',
    i.date !== undefined ? `<pubDate>${xmlEscape(i.date)}</pubDate>` : '',
    i.author !== undefined ? `<dc:creator>${xmlEscape(i.author)}</dc:creator>` : '',
    i.html !== undefined ? `<description>${cdata(i.html)}</description>` : '',
    i.text !== undefined ? `<media:description>${xmlEscape(i.text)}</media:description>` : '',
    ...(i.categories ?? []).map((c) => `<category>${xmlEscape(c)}</category>`),
    '</item>',
  ].join('\n');
}

runFeedContract({
  format: 'rss',
  write: (f: FeedSpec) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${xmlEscape(f.title)}</title>` +
    `<link>${xmlEscape(f.link)}</link>\n${f.items.map(rssItem).join('\n')}\n</channel></rss>`,
});

runFeedContract({
  format: 'rdf',
  write: (f: FeedSpec) =>
    `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" ` +
    `xmlns:media="http://search.yahoo.com/mrss/"><channel rdf:about="${xmlEscape(f.link)}"><title>${xmlEscape(f.title)}</title>` +
    `<link>${xmlEscape(f.link)}</link></channel>\n` +
    f.items
      .map((i) =>
        [
          i.guid !== undefined ? `<item rdf:about="${xmlEscape(i.guid)}">` : '<item>',
          i.title !== undefined ? `<title>${xmlEscape(i.title)}</title>` : '',
          i.link !== undefined ? `<link>${xmlEscape(i.link)}</link>` : '',
          i.date !== undefined ? `<dc:date>${xmlEscape(i.date)}</dc:date>` : '',
          i.author !== undefined ? `<dc:creator>${xmlEscape(i.author)}</dc:creator>` : '',
          i.html !== undefined ? `<content:encoded>${cdata(i.html)}</content:encoded>` : '',
          i.text !== undefined ? `<media:description>${xmlEscape(i.text)}</media:description>` : '',
          ...(i.categories ?? []).map((c) => `<dc:subject>${xmlEscape(c)}</dc:subject>`),
          '</item>',
        ].join(''),
      )
      .join('\n') +
    '\n</rdf:RDF>',
});

describe('RSS and RDF versions (feedsmith reference feeds)', () => {
  const versions = ['rss-090', 'rss-091', 'rss-092', 'rss-093', 'rss-094', 'rss-20', 'rss-ns', 'rdf-09', 'rdf-10', 'rdf-ns'];
  for (const version of versions) {
    it(`${version}: titles, links and dates match the reference`, () => {
      const expected = JSON.parse(data(`feedsmith/${version}.expected.json`)) as {
        title: string;
        link: string;
        items: { title: string; link: string; date: string | null }[];
      };
      const feed = parseFeed(data(`feedsmith/${version}.xml`), FEED_URL);
      expect(feed.format).toBe(version.startsWith('rdf') ? 'rdf' : 'rss');
      expect(feed.title).toBe(expected.title);
      expect(feed.link).toBe(expected.link);
      expect(feed.items.map((i) => i.title)).toEqual(expected.items.map((i) => i.title));
      expect(feed.items.map((i) => i.link)).toEqual(expected.items.map((i) => i.link));
      expect(feed.items.map((i) => i.date)).toEqual(expected.items.map((i) => i.date ?? ''));
    });
  }

  it('rss-20: item author in the form "email (Name)" gives the name', () => {
    const [first] = parseFeed(data('feedsmith/rss-20.xml'), FEED_URL).items;
    expect(first?.author).toBe('Mark Pilgrim');
    expect(first?.guid).toBe('http://example.org/guid/1');
    expect(first?.contentType).toBe('html');
    expect(first?.content).toContain('<span style=');
  });
});

describe('real RSS feeds', () => {
  it('WordPress (Medium-style): content:encoded over description, dc:creator as author', () => {
    const feed = parseFeed(data('wordpress-news.xml'), 'https://wordpress.org/news/feed/');
    expect(feed.items).toHaveLength(2);
    const [first] = feed.items;
    expect(first?.title).toBe('WordPress 5.9.3 Maintenance Release');
    expect(first?.author).toBe('Jb Audras');
    expect(first?.guid).toBe('https://wordpress.org/news/?p=12575');
    expect(first?.categories).toEqual(['Releases', '5.9']);
    expect(first?.content.startsWith('<p>')).toBe(true);
    expect(first?.content.length).toBeGreaterThan(1000); // the full article, not the excerpt
    expect(parseFeedDate(first?.date ?? '')).toBe(Date.UTC(2022, 3, 5, 19, 50, 17));
  });

  it('WeChat (wechat-feeds): CDATA content:encoded beats the empty description', () => {
    const feed = parseFeed(data('wechat.xml'), 'https://wechat.example/feed.xml');
    expect(feed.title).toBe('复星高照 | wechat-feeds');
    expect(feed.items).toHaveLength(10);
    const [first] = feed.items;
    expect(first?.link).toBe('https://mp.weixin.qq.com/s/1SG6qNThNF9gKSPYZJ9lJQ');
    expect(first?.title.startsWith('提醒各位要注意两个事')).toBe(true);
    expect(first?.title).toContain('\n第二个是'); // &#xA; in the title is a real newline
    expect(first?.content.startsWith('提醒各位要注意两个事')).toBe(true);
    expect(first?.contentType).toBe('html');
    expect(parseFeedDate(first?.date ?? '')).toBe(Date.UTC(2021, 5, 16, 14, 33, 50));
  });

  it('news.qq.com in GB2312 (decoded first): Chinese text and zone-less dates in Beijing time', () => {
    const bytes = readFileSync(new URL('../testdata/feed/qq-gb2312.xml', import.meta.url));
    const feed = parseFeed(iconv.decode(bytes, 'gb18030'), 'http://news.qq.com/newsgn/rss_newsgn.xml');
    expect(feed.title).toBe('新闻国内');
    expect(feed.items).toHaveLength(20);
    const [first] = feed.items;
    expect(first?.title).toBe('习近平为何如此强调崇尚英雄？');
    expect(first?.date).toBe('2018-09-18 14:38:10');
    expect(parseFeedDate(first?.date ?? '')).toBe(Date.UTC(2018, 8, 18, 6, 38, 10));
    expect(first?.author).toBe('www.qq.com');
  });

  it('RSSHub-style: HTML description in CDATA, author element, guid as permalink', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel>
<title><![CDATA[中国数字时代 - RSSHub]]></title><link>https://chinadigitaltimes.net/chinese/</link>
<atom:link href="https://rsshub.app/cdt" rel="self" type="application/rss+xml" />
<item>
  <title><![CDATA[【图说】 标题 & “引号”]]></title>
  <description><![CDATA[<p><img src="/wp-content/a.jpg" referrerpolicy="no-referrer"></p><p>正文</p>]]></description>
  <pubDate>Fri, 04 Feb 2022 13:32:23 GMT</pubDate>
  <guid isPermaLink="true">https://chinadigitaltimes.net/chinese/677000.html</guid>
  <author><![CDATA[CDT编辑]]></author>
  <category>图说</category>
</item></channel></rss>`;
    const feed = parseFeed(xml, 'https://rsshub.app/cdt');
    expect(feed.title).toBe('中国数字时代 - RSSHub');
    expect(feed.items[0]).toEqual({
      title: '【图说】 标题 & “引号”',
      link: 'https://chinadigitaltimes.net/chinese/677000.html',
      guid: 'https://chinadigitaltimes.net/chinese/677000.html',
      date: 'Fri, 04 Feb 2022 13:32:23 GMT',
      author: 'CDT编辑',
      content: '<p><img src="/wp-content/a.jpg" referrerpolicy="no-referrer"></p><p>正文</p>',
      contentType: 'html',
      baseUrl: 'https://chinadigitaltimes.net/chinese/677000.html',
      categories: ['图说'],
    });
  });
});

describe('RSS field rules', () => {
  const one = (itemXml: string, head = '') =>
    parseFeed(`<rss version="2.0" ${head}><channel><title>t</title>${itemXml}</channel></rss>`, FEED_URL).items[0];

  it('link > permalink guid; a guid with isPermaLink="false" or not a URL is never the link', () => {
    expect(one('<item><guid>https://a.example/1</guid></item>')?.link).toBe('https://a.example/1');
    expect(one('<item><guid isPermaLink="false">https://a.example/1</guid></item>')?.link).toBe('');
    expect(one('<item><guid>post-1</guid></item>')?.link).toBe('');
    expect(one('<item><link>https://b.example/</link><guid>https://a.example/1</guid></item>')?.link).toBe(
      'https://b.example/',
    );
  });

  it('an Atom link inside RSS counts when there is no RSS link', () => {
    const item = one(
      '<item><atom:link rel="self" href="https://x.example/self"/><atom:link href="/p/1" type="text/html"/></item>',
      'xmlns:atom="http://www.w3.org/2005/Atom"',
    );
    expect(item?.link).toBe('https://news.example.org/p/1');
  });

  it('feedburner:origLink is the article, not the redirect', () => {
    const item = one(
      '<item><link>https://feeds.feedburner.com/~r/x/~3/abc/</link><feedburner:origLink>https://site.example/a</feedburner:origLink></item>',
      'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"',
    );
    expect(item?.link).toBe('https://site.example/a');
  });

  it('matches namespaced elements by URI, whatever the prefix', () => {
    const item = one(
      '<item><c:encoded><![CDATA[<p>full</p>]]></c:encoded><description>short</description>' +
        '<d:creator>Odd Prefix</d:creator><d:date>2022-02-04</d:date></item>',
      'xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:d="http://purl.org/dc/elements/1.1/"',
    );
    expect(item?.content).toBe('<p>full</p>');
    expect(item?.author).toBe('Odd Prefix');
    expect(item?.date).toBe('2022-02-04');
  });

  it('a foreign element with a core local name does not shadow the real one', () => {
    const item = one('<item><x:description>wrong</x:description><description>right</description></item>', 'xmlns:x="urn:other"');
    expect(item?.content).toBe('right');
  });

  it('author: RSS author > dc:creator; "Name <email>" and "email (Name)" give the name', () => {
    expect(one('<item><author>me@x.org (Zhang San)</author><dc:creator>Other</dc:creator></item>', 'xmlns:dc="http://purl.org/dc/elements/1.1/"')?.author).toBe('Zhang San');
    expect(one('<item><author>Zhang San &lt;me@x.org&gt;</author></item>')?.author).toBe('Zhang San');
    expect(one('<item><dc:creator>Li Si</dc:creator></item>', 'xmlns:dc="http://purl.org/dc/elements/1.1/"')?.author).toBe('Li Si');
  });

  it('titles holding HTML (escaped markup, double-escaped entities) become plain text', () => {
    expect(one('<item><title>&lt;b&gt;Breaking:&lt;/b&gt;  news</title></item>')?.title).toBe('Breaking: news');
    expect(one('<item><title><![CDATA[<em>CDATA</em> markup]]></title></item>')?.title).toBe('CDATA markup');
    expect(one('<item><title>AT&amp;amp;T &amp;#8217;s &amp;lt;tag&amp;gt;</title></item>')?.title).toBe('AT&T ’s <tag>');
    expect(one('<item><title>1 &lt; 2 &amp; 3 &gt; 2</title></item>')?.title).toBe('1 < 2 & 3 > 2');
  });

  it('date: pubDate > dc:date', () => {
    expect(one('<item><dc:date>2020-01-01</dc:date><pubDate>Sat, 01 Feb 2020 00:00:00 GMT</pubDate></item>', 'xmlns:dc="http://purl.org/dc/elements/1.1/"')?.date).toBe('Sat, 01 Feb 2020 00:00:00 GMT');
  });

  it('content: content:encoded > Atom content > description', () => {
    const atom = 'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"';
    expect(one('<item><description>d</description><atom:content type="html">&lt;p&gt;a&lt;/p&gt;</atom:content></item>', atom)?.content).toBe('<p>a</p>');
    expect(one('<item><atom:content type="html">a</atom:content><content:encoded>c</content:encoded></item>', atom)?.content).toBe('c');
  });

  it('naked HTML markup in a description is kept as markup', () => {
    expect(one('<item><description><p>Hi <b>there</b><br/></p></description></item>')?.content).toBe('<p>Hi <b>there</b><br /></p>');
  });

  it('xml:base (nested) resolves links and sets the content base', () => {
    const xml = `<rss version="2.0" xml:base="https://base.example/root/"><channel><title>t</title>
      <item xml:base="sub/"><link>page.html</link><description xml:base="/media/">&lt;img src="a.png"&gt;</description></item>
    </channel></rss>`;
    const [item] = parseFeed(xml, FEED_URL).items;
    expect(item?.link).toBe('https://base.example/root/sub/page.html');
    expect(item?.baseUrl).toBe('https://base.example/media/');
  });

  it('RSS 1.0: items beside the channel, rdf:about as guid', () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://x.example/"><title>R</title><link>https://x.example/</link></channel>
      <item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link></item>
      <item rdf:about="https://x.example/2"><title>Two</title><link>https://x.example/2</link></item>
    </rdf:RDF>`;
    const feed = parseFeed(xml, FEED_URL);
    expect(feed.format).toBe('rdf');
    expect(feed.items.map((i) => [i.title, i.guid])).toEqual([
      ['One', 'https://x.example/1'],
      ['Two', 'https://x.example/2'],
    ]);
  });
});
