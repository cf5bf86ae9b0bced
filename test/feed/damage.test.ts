// Damaged and non-feed input: what the XML repair step and the format detection do.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { SamizdatError } from '../../src/model/index.js';

const URL_ = 'http://x.example/f.xml';
const rss = (items: string, head = '') => `${head}<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
const first = (text: string) => parseFeed(text, URL_).items[0];

function errorOf(text: string): SamizdatError {
  try {
    parseFeed(text, URL_);
  } catch (err) {
    if (err instanceof SamizdatError) return err;
    throw err;
  }
  throw new Error('parseFeed did not throw');
}

describe('repairs', () => {
  it('a bare & in text and in URLs stays a literal &', () => {
    const item = first(rss('<item><title>AT&T & Co</title><link>http://x.example/?a=1&b=2&copy=3</link></item>'));
    expect(item?.title).toBe('AT&T & Co');
    expect(item?.link).toBe('http://x.example/?a=1&b=2&copy=3');
  });

  it('HTML entities XML does not define (&nbsp; &mdash; &eacute;) are decoded', () => {
    const item = first(rss('<item><title>a&nbsp;b &mdash; caf&eacute; &hellip; &bogus;</title></item>'));
    expect(item?.title).toBe('a\u00a0b — café … &bogus;');
  });

  it('&#146; (windows-1252 number) means ’, as in browsers', () => {
    expect(first(rss('<item><title>don&#146;t</title></item>'))?.title).toBe('don’t');
  });

  it('CDATA is never touched: entities inside stay as written', () => {
    const item = first(rss('<item><description><![CDATA[<p>&amp; &nbsp; & <b>x</b></p>]]></description></item>'));
    expect(item?.content).toBe('<p>&amp; &nbsp; & <b>x</b></p>');
  });

  it('control characters, U+FFFE and lone surrogates are dropped; C1 controls read as windows-1252', () => {
    const item = first(rss('<item><title>a\u0001b\u0008c\u000bd\ufffee\ud800f\u0092g\u0081h</title></item>'));
    expect(item?.title).toBe('abcdef’gh');
    expect(first(rss('<item><title>x&#1;y&#x1F;z&#0;</title></item>'))?.title).toBe('xyz\ufffd');
  });

  it('junk before <?xml (a PHP warning) and a BOM are skipped', () => {
    const junk = '\ufeff<br />\n<b>Warning</b>: something in /var/www/feed.php on line 3<br />\n';
    expect(first(rss('<item><title>ok</title></item>', `${junk}<?xml version="1.0"?>`))?.title).toBe('ok');
    expect(first(`Notice: undefined index\n${rss('<item><title>ok2</title></item>')}`)?.title).toBe('ok2');
  });

  it('a DOCTYPE with an internal entity is honoured; its subset is not text', () => {
    const doc = `<!DOCTYPE rss [\n  <!ENTITY id "tag:example.com,">\n]>\n${rss('<item><guid isPermaLink="false">&id;2006:1</guid></item>')}`;
    const feed = parseFeed(doc, URL_);
    expect(feed.title).toBe('T');
    expect(feed.items[0]?.guid).toBe('tag:example.com,2006:1');
  });

  it('unclosed tags: a field left open before the next one, an item left open, a truncated end', () => {
    const feed = parseFeed(
      '<rss><channel><title>T</title>' +
        '<item><title>One<link>http://x.example/1</link><pubDate>Fri, 04 Feb 2022 13:32:23 GMT</pubDate>' +
        '<item><title>Two</title><link>http://x.example/2</link></item>' +
        '<item><title>Three</title><description>cut off here',
      URL_,
    );
    expect(feed.items.map((i) => [i.title, i.link])).toEqual([
      ['One', 'http://x.example/1'],
      ['Two', 'http://x.example/2'],
      ['Three', ''],
    ]);
    expect(feed.items[0]?.date).toBe('Fri, 04 Feb 2022 13:32:23 GMT');
    expect(feed.items[2]?.content).toBe('cut off here');
  });

  it('an element left open inside an item does not swallow the next item', () => {
    const feed = parseFeed(rss('<item><title>A</title><enclosure url="a.mp3"><item><title>B</title></item>'), URL_);
    expect(feed.items.map((i) => i.title)).toEqual(['A', 'B']);
  });

  it('titles of channel images and text inputs are not the channel title', () => {
    const feed = parseFeed('<rss><channel><image><title>Banner</title></image><title>Real</title><textInput><title>Search</title></textInput></channel></rss>', URL_);
    expect(feed.title).toBe('Real');
  });

  it('a stray end tag and a missing </rss> do not lose items', () => {
    const feed = parseFeed('<rss><channel></b><item><title>A</title></item></span><item><title>B</title></item></channel></rss', URL_);
    expect(feed.items.map((i) => i.title)).toEqual(['A', 'B']);
  });

  it('undeclared well-known prefixes still count (dc:, content:)', () => {
    const item = first(rss('<item><dc:creator>X</dc:creator><content:encoded><![CDATA[<p>c</p>]]></content:encoded></item>'));
    expect(item?.author).toBe('X');
    expect(item?.content).toBe('<p>c</p>');
  });
});

describe('not a feed', () => {
  it('empty or blank text → empty', () => {
    for (const text of ['', '   \n\t', '\ufeff']) {
      const err = errorOf(text);
      expect(err).toMatchObject({ stage: 'feed', code: 'empty', message: `feed: ${URL_}: empty document` });
    }
  });

  it('an HTML page → not-a-feed, saying so', () => {
    const err = errorOf('<!DOCTYPE html>\n<html><head><title>Login</title></head><body><p>Please log in</p></body></html>');
    expect(err).toMatchObject({ stage: 'feed', code: 'not-a-feed', message: `feed: ${URL_}: not a feed (got an HTML page)` });
  });

  it('another XML vocabulary → not-a-feed naming its root', () => {
    const err = errorOf('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(err).toMatchObject({ code: 'not-a-feed', message: `feed: ${URL_}: not a feed (got XML with root <svg>)` });
  });

  it('garbage without markup → malformed, quoting the start', () => {
    const err = errorOf('\u0000\u0001 502 Bad Gateway nginx');
    expect(err.code).toBe('malformed');
    expect(err.message).toBe(`feed: ${URL_}: not a feed (no XML element, got "502 Bad Gateway nginx")`);
    expect(err.message).not.toContain('\n');
  });
});
