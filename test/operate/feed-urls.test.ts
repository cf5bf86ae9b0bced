import { describe, expect, it } from 'vitest';
import { feedUrlKey, findEntryToRemove } from '../../src/config/edit-subscriptions.js';
import { formatSubscriptions } from '../../src/config/save-subscriptions.js';
import { youtubeFeedKey, youtubeFeedUrl } from '../../src/config/youtube-feed.js';
import { discoverFeedLinks } from '../../src/fetch/discover.js';

const CH = 'UCabcdefghijklmnopqrstuv';

describe('youtubeFeedUrl', () => {
  it('turns channel and playlist URLs into their feed, and leaves everything else alone', () => {
    expect(youtubeFeedUrl(`https://www.youtube.com/channel/${CH}`)).toBe(`https://www.youtube.com/feeds/videos.xml?channel_id=${CH}`);
    expect(youtubeFeedUrl(`https://m.youtube.com/channel/${CH}/videos?view=0`)).toBe(`https://www.youtube.com/feeds/videos.xml?channel_id=${CH}`);
    expect(youtubeFeedUrl('https://youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG')).toBe(
      'https://www.youtube.com/feeds/videos.xml?playlist_id=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG',
    );
    for (const other of ['https://www.youtube.com/@somehandle', 'https://www.youtube.com/watch?v=abc', 'https://www.youtube.com/channel/short', `https://evil.example/channel/${CH}`, 'not a url']) {
      expect(youtubeFeedUrl(other), other).toBeUndefined();
    }
  });

  it('gives a channel and its uploads playlist (UU…) one key', () => {
    expect(youtubeFeedKey(`https://www.youtube.com/feeds/videos.xml?playlist_id=UU${CH.slice(2)}`)).toBe(youtubeFeedKey(`https://www.youtube.com/feeds/videos.xml?channel_id=${CH}`));
    expect(youtubeFeedKey('https://www.youtube.com/feeds/videos.xml?playlist_id=PLabc')).toBe('youtube:playlist:PLabc');
    expect(youtubeFeedKey('https://feedx.net/rss/dw.xml')).toBeUndefined();
  });
});

describe('feedUrlKey', () => {
  it('folds scheme, host case, default port, fragment, tracking parameters and a trailing slash', () => {
    const key = feedUrlKey('https://chinadigitaltimes.net/chinese/feed/');
    for (const same of ['http://ChinaDigitalTimes.net:80/chinese/feed', 'https://chinadigitaltimes.net/chinese/feed/#x', 'https://chinadigitaltimes.net/chinese/feed/?utm_source=rss']) {
      expect(feedUrlKey(same), same).toBe(key);
    }
    expect(feedUrlKey('https://chinadigitaltimes.net/english/feed/')).not.toBe(key);
    expect(feedUrlKey('https://a.example/feed?x=1/')).not.toBe(feedUrlKey('https://a.example/feed?x=1'));
  });

  it('finds the entry to remove by exact URL, normalised URL or unique site', () => {
    const entries = [{ site: 'A', url: 'https://a.example/feed' }, { site: 'B', url: 'https://b.example/rss' }];
    expect(findEntryToRemove(entries, 'https://b.example/rss', 'subs.json')).toBe(1);
    expect(findEntryToRemove(entries, 'http://A.example/feed/', 'subs.json')).toBe(0);
    expect(findEntryToRemove(entries, 'B', 'subs.json')).toBe(1);
    expect(() => findEntryToRemove(entries, 'C', 'subs.json')).toThrow(/no feed with URL or site "C"/);
  });
});

describe('formatSubscriptions', () => {
  it('writes one entry per line, or 2-space JSON, always parseable with a trailing newline', () => {
    const entries = [{ site: 'A "q"', url: 'https://a.example/feed', headers: { cookie: 'x' } }];
    for (const oneLine of [true, false]) {
      const text = formatSubscriptions(entries, oneLine);
      expect(JSON.parse(text)).toEqual(entries);
      expect(text.endsWith('\n')).toBe(true);
    }
    expect(formatSubscriptions(entries, true)).toBe('[\n  { "site": "A \\"q\\"", "url": "https://a.example/feed", "headers": {"cookie":"x"} }\n]\n');
    expect(formatSubscriptions([], true)).toBe('[]\n');
  });
});

describe('discoverFeedLinks', () => {
  it('lists rss/atom/json feed links in order, resolved against <base> or the page, without duplicates', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="text/html" hreflang="en" href="/en/">
      <LINK REL="Alternate" TYPE="application/rss+xml" TITLE="全部" HREF="feed.xml?a=1&amp;b=2">
      <base href="https://cdn.example/sub/">
      <link rel="alternate" type="application/atom+xml" href="atom.xml">
      <link rel="alternate feed" type="application/feed+json; charset=utf-8" href="https://other.example/feed.json">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/atom+xml" href="atom.xml">
    </head><body><link rel="alternate" type="application/rss+xml" href="/body.xml"></body></html>`;
    expect(discoverFeedLinks(html, 'https://site.example/blog/post')).toEqual([
      { url: 'https://site.example/blog/feed.xml?a=1&b=2', type: 'application/rss+xml', title: '全部' },
      { url: 'https://cdn.example/sub/atom.xml', type: 'application/atom+xml' },
      { url: 'https://other.example/feed.json', type: 'application/feed+json' },
      { url: 'https://cdn.example/body.xml', type: 'application/rss+xml' },
    ]);
    expect(discoverFeedLinks('<html><head><title>x</title></head></html>', 'https://site.example/')).toEqual([]);
  });
});
