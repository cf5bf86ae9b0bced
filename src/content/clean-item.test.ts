import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../model/index.js';
import { cleanItem } from './clean-item.js';

const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);
const ctx = { site: '美国之音', feedUrl: 'https://feed.example.invalid/rss.xml', fetchedAt: NOW, timeZone: 'Asia/Shanghai' };
const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  title: '标题', link: 'https://news.example.invalid/a/1.html', guid: '', date: 'Sat, 01 Jun 2024 08:00:00 GMT', author: '',
  content: '<p>正文</p>', contentType: 'html', baseUrl: '', categories: [], ...over,
});

describe('cleanItem', () => {
  it('falls back to the fetch time for missing, unparsable and future dates', () => {
    expect(cleanItem(item({ date: '' }), ctx).date).toBe(NOW);
    expect(cleanItem(item({ date: 'not a date' }), ctx).date).toBe(NOW);
    expect(cleanItem(item({ date: 'Sun, 01 Jun 2031 08:00:00 GMT' }), ctx).date).toBe(NOW);
    expect(cleanItem(item(), ctx).date).toBe(Date.UTC(2024, 5, 1, 8));
  });

  it('reads zone-less and CST dates as China time', () => {
    expect(cleanItem(item({ date: '2024-06-01 10:00:00' }), ctx).date).toBe(Date.UTC(2024, 5, 1, 2));
    expect(cleanItem(item({ date: 'Sat, 01 Jun 2024 10:00:00 CST' }), ctx).date).toBe(Date.UTC(2024, 5, 1, 2));
  });

  it('uses the site as author when the item has none, and derives a missing title', () => {
    const post = cleanItem(item({ title: '  ', content: '<p>习近平 今天 说了 很多 话</p>' }), ctx);
    expect(post.author).toBe('美国之音');
    expect(post.title).toBe('习近平 今天 说了 很多 话');
    expect(cleanItem(item({ title: '', content: '' }), ctx).title).toBe('https://news.example.invalid/a/1.html');
  });

  it('normalises the link, keeps a GUID only when it is not the link', () => {
    const post = cleanItem(item({ link: 'HTTPS://News.Example.invalid:443/a/1.html?utm_source=rss#x', guid: 'https://news.example.invalid/a/1.html' }), ctx);
    expect(post.link).toBe('https://news.example.invalid/a/1.html');
    expect(post.guid).toBeUndefined();
    expect(cleanItem(item({ guid: '12345' }), ctx).guid).toBe('12345');
  });

  it('turns plain-text bodies into HTML with line breaks and links, on one line', () => {
    const post = cleanItem(item({ contentType: 'text', content: 'first line\nsecond line https://youtu.be/abc\nthird' }), ctx);
    expect(post.content).not.toContain('\n');
    expect(post.content).toContain('first line<br>');
    expect(post.content).toContain('<a href="https://youtu.be/abc">https://youtu.be/abc</a>');
  });

  it('caps absurd fields and collapses whitespace in titles', () => {
    const post = cleanItem(item({ title: `a\nb\t c${'长'.repeat(1000)}`, author: 'x'.repeat(10_000) }), ctx);
    expect(post.title.startsWith('a b c长')).toBe(true);
    expect(Array.from(post.title)).toHaveLength(300);
    expect(post.author).toHaveLength(200);
  });
});
