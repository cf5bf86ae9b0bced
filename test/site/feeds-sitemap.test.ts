import { describe, expect, it } from 'vitest';
import { sitemapPages } from '../../src/site/feeds/sitemap-pages.js';
import { writeSitemap } from '../../src/site/feeds/write-sitemap.js';
import { feeds, sitemap, sitemapWarning } from '../../src/site/generators/feeds.js';
import { sourcePath } from '../../src/site/source-path.js';
import { expatLocs, memoryModel, memoryOutput, type TestPost } from './feeds-support.js';

const T0 = Date.UTC(2024, 0, 15, 8, 30, 0);
const TITLES = ['翻墙七种武器之离别钩-VPN-Gate-(上)', "a&b'c\"d", '😀-emoji', 'percent%25-and-?', '三', '四', '五'];

function posts(): TestPost[] {
  return TITLES.map((t, i): TestPost => ({
    title: t, url: `/2024-01-0${i + 1}/${t}/`, date: T0 - i * 86_400_000, author: '', link: `https://example.com/${i}`,
    site: i % 2 ? 'BBC 中文' : '大纪元', content: '<p>x</p>',
  }));
}

describe('sitemap.xml', () => {
  it('lists every post and list page with absolute, percent-encoded URLs that decode to the files', async () => {
    const model = memoryModel(posts(), { absoluteBase: 'https://mirror.example.org/镜像/', paginate: 2 });
    // What a build writes before the sitemap: list pages, then posts (the sitemap keeps that order).
    const pages = ['index.html', 'page2/index.html', 'page1/index.html', 'sources/大纪元/index.html',
      'sources/大纪元/page1/index.html', 'sources/bbc-中文/index.html', ...model.posts.map((p) => p.outPath)];
    const out = { ...memoryOutput(), files: () => pages };
    await sitemap.generate(model, out);
    expect([...out.contents.keys()]).toEqual(['sitemap.xml']);
    const doc = out.contents.get('sitemap.xml')!;
    const parsed = expatLocs(doc);
    expect(parsed.error).toBe('');
    expect(parsed.root).toBe('{http://www.sitemaps.org/schemas/sitemap/0.9}urlset');
    const base = 'https://mirror.example.org/%E9%95%9C%E5%83%8F';
    // 7 posts, 2 a page, numbered from the oldest: home 3 on the front page, then page2 and page1;
    // 大纪元 has 4 posts (front page and page1), BBC 中文 3 (the front page only).
    const lists = [
      `${base}/`, `${base}/page2/`, `${base}/page1/`,
      `${base}/sources/%E5%A4%A7%E7%BA%AA%E5%85%83/`, `${base}/sources/%E5%A4%A7%E7%BA%AA%E5%85%83/page1/`,
      `${base}/sources/bbc-%E4%B8%AD%E6%96%87/`,
    ];
    expect(parsed.locs.slice(0, 6)).toEqual(lists);
    expect(parsed.locs).toHaveLength(6 + TITLES.length);
    expect(parsed.locs[6]).toBe(`${base}/2024-01-01/%E7%BF%BB%E5%A2%99%E4%B8%83%E7%A7%8D%E6%AD%A6%E5%99%A8%E4%B9%8B%E7%A6%BB%E5%88%AB%E9%92%A9-VPN-Gate-(%E4%B8%8A)/`);
    for (const loc of parsed.locs) {
      // Plain ASCII, no character a sitemap reader could misread; the server decodes it to the file.
      expect(loc).toMatch(/^https:\/\/mirror\.example\.org\/[A-Za-z0-9\-._~%!'()*/]*$/);
    }
    const postPaths = parsed.locs.slice(6).map((loc) => decodeURIComponent(new URL(loc).pathname));
    expect(postPaths).toEqual(model.posts.map((p) => `/镜像${p.url}`));
    expect(doc).toContain('<lastmod>2024-01-15T08:30:00Z</lastmod>');
    expect(sourcePath('BBC 中文')).toBe('sources/bbc-中文/');
  });

  it('is not written without a site URL (relative URLs are invalid there), and the build says so', async () => {
    const out = memoryOutput();
    await sitemap.generate(memoryModel(posts()), out);
    expect(out.contents.size).toBe(0);
    expect(sitemapWarning(memoryModel([]).settings)).toMatch(/no url set: no sitemap\.xml written/);
    expect(sitemapWarning({ ...memoryModel([]).settings, absoluteBase: 'ftp://x.example' })).toMatch(/not an http\(s\) URL/);
    expect(sitemapWarning({ ...memoryModel([]).settings, absoluteBase: 'https://x.example/base' })).toBeUndefined();
  });

  it('lists every HTML page the build wrote before it, when the output can tell', async () => {
    const model = memoryModel(posts(), { absoluteBase: 'https://x.example/m' });
    const written = ['assets/style.css', ...model.posts.map((p) => p.outPath), 'index.html', 'feed.xml', 'sources/index.html',
      'categories/新闻/index.html', 'archive/2024/01/page2/index.html', 'about/index.html', '404.html', 'search/index.json'];
    const out = { ...memoryOutput(), files: () => written };
    await sitemap.generate(model, out);
    const { locs, error } = expatLocs(out.contents.get('sitemap.xml')!);
    expect(error).toBe('');
    // Known pages in the model's order (home, posts), then the others sorted: stable whatever the write order.
    expect(locs).toEqual([
      'https://x.example/m/',
      ...model.posts.map((p) => `https://x.example/m${p.url.split('/').map(encodeURIComponent).join('/')}`),
      'https://x.example/m/about/', 'https://x.example/m/archive/2024/01/page2/',
      'https://x.example/m/categories/%E6%96%B0%E9%97%BB/', 'https://x.example/m/sources/',
    ]);
    // Known pages keep their lastmod (posts, the home), others go without.
    expect(out.contents.get('sitemap.xml')!.match(/<lastmod>/g)).toHaveLength(model.posts.length + 1);
  });

  it('splits into sitemap-N.xml files under a sitemap index past the protocol limits', async () => {
    const model = memoryModel(posts(), { absoluteBase: 'https://x.example', paginate: 2 });
    const byCount = memoryOutput();
    const files = await writeSitemap(sitemapPages(model, 'https://x.example'), 'https://x.example', byCount, { urls: 5, bytes: 1 << 20 });
    // 3 home pages + 3 source pages + 7 posts = 13 URLs → 3 files of at most 5.
    expect(files).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    const index = expatLocs(byCount.contents.get('sitemap.xml')!);
    expect(index.root).toBe('{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex');
    expect(index.locs).toEqual(['https://x.example/sitemap-1.xml', 'https://x.example/sitemap-2.xml', 'https://x.example/sitemap-3.xml']);
    const all = files.slice(0, 3).flatMap((f) => expatLocs(byCount.contents.get(f)!).locs);
    expect(all).toHaveLength(13);
    expect(new Set(all).size).toBe(13);
    const bySize = memoryOutput();
    const small = await writeSitemap(sitemapPages(model, 'https://x.example'), 'https://x.example', bySize, { urls: 50_000, bytes: 600 });
    expect(small.length).toBeGreaterThan(3);
    for (const f of small.slice(0, -1)) expect(Buffer.byteLength(bySize.contents.get(f)!)).toBeLessThanOrEqual(600);
    expect(small.slice(0, -1).flatMap((f) => expatLocs(bySize.contents.get(f)!).locs)).toEqual(all);
  });

  it('reserves its output paths so no post URL can take them', () => {
    expect(sitemap.reserved?.('sitemap.xml')).toBe(true);
    expect(sitemap.reserved?.('sitemap-12.xml')).toBe(true);
    expect(feeds.reserved?.('feed.xml')).toBe(true);
    expect(feeds.reserved?.('rss.xml')).toBe(true);
    expect(feeds.reserved?.(`${sourcePath('大纪元')}feed.json`)).toBe(true);
    expect(feeds.reserved?.('2024-01-01/feed/index.html')).toBe(false);
    expect(sitemap.reserved?.('2024-01-01/sitemap/index.html')).toBe(false);
  });
});
