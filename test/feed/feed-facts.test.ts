// Facts the parser exposes beside the post body: the feed's language, an item's summary
// (kept apart from its body), and the author's email. Cases follow feedparser's test suite.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { FEED_URL } from './common.case.js';

const DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"';
const CONTENT = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"';
const ITUNES = 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';
const rss = (channel: string, rootAttrs = '') => `<rss version="2.0" ${DC} ${CONTENT} ${ITUNES} ${rootAttrs}><channel>${channel}</channel></rss>`;
const rssItem = (item: string) => parseFeed(rss(`<item>${item}</item>`), FEED_URL).items[0];
const atom = (inner: string, rootAttrs = '') => `<feed xmlns="http://www.w3.org/2005/Atom" ${rootAttrs}>${inner}</feed>`;
const atomEntry = (entry: string, feedExtra = '') => parseFeed(atom(`${feedExtra}<entry>${entry}</entry>`), FEED_URL).items[0];

describe('ParsedFeed.language', () => {
  const lang = (xml: string, contentLanguage?: string) => parseFeed(xml, FEED_URL, { contentLanguage }).language;

  it('RSS <language> and <dc:language>', () => {
    expect(lang(rss('<language>en-us</language>'))).toBe('en-us');
    expect(lang(rss('<dc:language> zh-CN </dc:language>'))).toBe('zh-CN');
  });

  it('RDF channel dc:language', () => {
    const rdf =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ' +
      `${DC}><channel><title>t</title><dc:language>zh-TW</dc:language></channel></rdf:RDF>`;
    expect(lang(rdf)).toBe('zh-TW');
  });

  it('xml:lang on the root element, `_` read as `-`; xml:lang deeper down is not the feed language', () => {
    expect(lang(atom('<title xml:lang="fr">t</title>', 'xml:lang="en"'))).toBe('en');
    expect(lang(atom('', 'xml:lang="en_US"'))).toBe('en-US');
    expect(lang(atom('<title xml:lang="fr">t</title>'))).toBeUndefined();
    expect(lang(rss('<title>t</title>', 'xml:lang="de"'))).toBe('de');
  });

  it('the language element beats xml:lang, and both beat Content-Language', () => {
    expect(lang(rss('<language>fr</language>', 'xml:lang="de"'))).toBe('fr');
    expect(lang(rss('<language> </language>', 'xml:lang="de"'))).toBe('de');
    expect(lang(rss('<language>fr</language>'), 'en')).toBe('fr');
    expect(lang(atom('', 'xml:lang="fr"'), 'en')).toBe('fr');
  });

  it('Content-Language applies when the feed declares nothing (first of a list)', () => {
    expect(lang(atom('<title>t</title>'), 'en')).toBe('en');
    expect(lang(rss('<title>t</title>'), 'zh-Hant, en')).toBe('zh-Hant');
    expect(lang(rss('<title>t</title>'), ' ')).toBeUndefined();
    expect(lang(rss('<title>t</title>'))).toBeUndefined();
  });

  it('JSON Feed `language`', () => {
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', language: 'zh-Hans', items: [] });
    expect(lang(json, 'en')).toBe('zh-Hans');
    expect(lang(JSON.stringify({ version: 'https://jsonfeed.org/version/1', items: [] }), 'en')).toBe('en');
  });
});

describe('FeedItem.summary, apart from the body', () => {
  it('RSS description beside content:encoded is the summary; the body stays content:encoded', () => {
    const item = rssItem('<description>Short &lt;b&gt;teaser&lt;/b&gt;</description><content:encoded><![CDATA[<p>Full</p>]]></content:encoded>');
    expect(item).toMatchObject({ content: '<p>Full</p>', contentType: 'html', summary: 'Short <b>teaser</b>', summaryType: 'html' });
  });

  it('no summary when the summary is the body, or says the same', () => {
    expect(rssItem('<description>Only</description>')?.summary).toBeUndefined();
    expect(rssItem('<description>Same</description><content:encoded>Same</content:encoded>')?.summary).toBeUndefined();
    expect(rssItem('<description></description><content:encoded>Body</content:encoded>')?.summary).toBeUndefined();
  });

  it('of description and summary, the first written is the summary and the other the body (feedparser)', () => {
    const summaryFirst = rssItem('<summary>Example summary</summary><description>Example description</description>');
    expect(summaryFirst).toMatchObject({ content: 'Example description', summary: 'Example summary' });
    const descriptionFirst = rssItem('<description>Example description</description><summary>Example summary</summary>');
    expect(descriptionFirst).toMatchObject({ content: 'Example summary', summary: 'Example description' });
    expect(rssItem('<description>Only</description>')?.content).toBe('Only');
  });

  it('itunes:summary is plain text unless typed html', () => {
    const item = rssItem('<itunes:summary>Episode &lt;notes&gt;</itunes:summary><content:encoded>Body</content:encoded>');
    expect(item).toMatchObject({ summary: 'Episode <notes>', summaryType: 'text' });
  });

  it('Atom summary beside content, as its text construct says', () => {
    expect(atomEntry('<content>Example Atom</content><summary>Summary</summary>')).toMatchObject({
      content: 'Example Atom',
      summary: 'Summary',
      summaryType: 'text',
    });
    expect(atomEntry('<summary type="html">&lt;i&gt;s&lt;/i&gt;</summary><content type="html">c</content>')).toMatchObject({
      summary: '<i>s</i>',
      summaryType: 'html',
    });
    expect(atomEntry('<summary>Only</summary>')).toMatchObject({ content: 'Only', summary: undefined });
  });

  it('JSON Feed summary beside content_html', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', content_html: '<p>Body</p>', summary: 'Teaser' }, { id: '2', summary: 'Only' }],
    });
    const [first, second] = parseFeed(json, FEED_URL).items;
    expect(first).toMatchObject({ content: '<p>Body</p>', summary: 'Teaser', summaryType: 'text' });
    expect(second).toMatchObject({ content: 'Only', contentType: 'text', summary: undefined });
  });
});

describe('FeedItem.authorEmail', () => {
  it('Atom <author><email>, with the name as author', () => {
    const item = atomEntry('<author><name>Example author</name><email>me@example.com</email><uri>http://example.com/</uri></author>');
    expect(item).toMatchObject({ author: 'Example author', authorEmail: 'me@example.com' });
    expect(atomEntry('<author><name>No mail</name></author>')?.authorEmail).toBeUndefined();
  });

  it('Atom: the first author’s email; the feed author’s when the entry names none', () => {
    const two = atomEntry('<author><name>A</name><email>a@x.org</email></author><author><name>B</name><email>b@x.org</email></author>');
    expect(two).toMatchObject({ author: 'A, B', authorEmail: 'a@x.org' });
    const inherited = atomEntry('<title>t</title>', '<author><name>Feed</name><email>feed@x.org</email></author>');
    expect(inherited).toMatchObject({ author: 'Feed', authorEmail: 'feed@x.org' });
  });

  it.each([
    ['me@example.com (Example editor)'],
    ['Example editor (me@example.com)'],
    ['Example editor &lt;me@example.com&gt;'],
  ])('RSS author %s', (written) => {
    expect(rssItem(`<author>${written}</author>`)).toMatchObject({ author: 'Example editor', authorEmail: 'me@example.com' });
  });

  it('RSS dc:creator with an address; a bare name has none', () => {
    expect(rssItem('<dc:creator>Example editor (me@example.com)</dc:creator>')?.authorEmail).toBe('me@example.com');
    expect(rssItem('<dc:creator>李伟</dc:creator>')).toMatchObject({ author: '李伟', authorEmail: undefined });
    expect(rssItem('<author>@handle</author>')?.authorEmail).toBeUndefined();
  });
});
