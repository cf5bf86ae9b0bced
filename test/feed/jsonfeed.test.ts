import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { SamizdatError } from '../../src/model/index.js';
import { FEED_URL, runFeedContract } from './common.case.js';
import type { FeedSpec, ItemSpec } from './common.case.js';

function jsonItem(i: ItemSpec): Record<string, unknown> {
  return {
    id: i.guid,
    url: i.link,
    title: i.title,
    date_published: i.date,
    authors: i.author !== undefined ? [{ name: i.author }] : undefined,
    content_html: i.html,
    content_text: i.text,
    tags: i.categories,
  };
}

runFeedContract({
  format: 'json',
  write: (f: FeedSpec) =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: f.title,
      home_page_url: f.link,
      feed_url: FEED_URL,
      items: f.items.map(jsonItem),
    }),
});

const parseJson = (feed: unknown) => parseFeed(JSON.stringify(feed), FEED_URL);

describe('JSON Feed', () => {
  it('reads a real JSON Feed 1.1 (exposir archive of DW)', () => {
    const text = readFileSync(new URL('../testdata/feed/dw.json', import.meta.url), 'utf8');
    const feed = parseFeed(text, 'https://exposir.github.io/RSS/feeds/dw.json');
    expect(feed.format).toBe('json');
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(item.title).not.toBe('');
      expect(item.link).toMatch(/^https:\/\//);
      expect(item.guid).not.toBe('');
      expect(item.date).not.toBe('');
    }
  });

  it('1.0 `author` object and 1.1 `authors` array; item author > feed author', () => {
    const v10 = parseJson({ version: 'https://jsonfeed.org/version/1', items: [{ id: '1', author: { name: 'Old Style' } }] });
    expect(v10.items[0]?.author).toBe('Old Style');
    const v11 = parseJson({
      version: 'https://jsonfeed.org/version/1.1',
      authors: [{ name: 'Feed Author' }],
      items: [{ id: '1', authors: [{ name: 'A' }, { name: 'B' }] }, { id: '2' }],
    });
    expect(v11.items.map((i) => i.author)).toEqual(['A, B', 'Feed Author']);
  });

  it('content_html > content_text > summary; url > external_url; numeric id as string', () => {
    const feed = parseJson({
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        { id: 31731, url: '/a', external_url: 'https://ext.example/', content_html: '<p>h</p>', content_text: 't' },
        { id: 'b', external_url: 'https://ext.example/b', content_text: 'text only', summary: 's' },
        { id: 'c', summary: 'just a summary', date_modified: '2022-02-04T00:00:00Z' },
      ],
    });
    expect(feed.items.map((i) => [i.guid, i.link, i.content, i.contentType])).toEqual([
      ['31731', 'https://news.example.org/a', '<p>h</p>', 'html'],
      ['b', 'https://ext.example/b', 'text only', 'text'],
      ['c', '', 'just a summary', 'text'],
    ]);
    expect(feed.items[2]?.date).toBe('2022-02-04T00:00:00Z');
  });

  it('tolerates wrong types instead of crashing', () => {
    const feed = parseJson({ version: 'https://jsonfeed.org/version/1.1', title: 5, items: [null, 'x', { title: ['no'], tags: 'x' }] });
    expect(feed.title).toBe('');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: '', categories: [] });
  });

  it('JSON that is not a feed, and broken JSON, are errors naming the URL', () => {
    expect(() => parseFeed('{"hello": "world"}', FEED_URL)).toThrow(
      `feed: ${FEED_URL}: not a feed (got JSON without a JSON Feed version or items)`,
    );
    try {
      parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', FEED_URL);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SamizdatError);
      expect(err).toMatchObject({ stage: 'feed', code: 'malformed' });
      expect((err as Error).message.startsWith(`feed: ${FEED_URL}: malformed JSON`)).toBe(true);
    }
  });
});
