import { decodeHTMLStrict } from 'entities';
import { parseJsonFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/content/dates.js';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { writeFeeds } from '../../src/site/feeds/write-feeds.js';
import { xmlSafe } from '../../src/site/feeds/xml-text.js';
import { sourcePath } from '../../src/site/source-path.js';
import { hostileItems, payloadText } from '../helpers/hostile.js';
import { feedparser, memoryModel, memoryOutput, type TestPost } from './feeds-support.js';

const T0 = Date.UTC(2024, 0, 15, 8, 30, 0);
const HOUR = 3_600_000;

/** Hostile titles with the plain text every reader must get back. */
const TITLES: [string, string][] = [
  [`He said "hi" & 'bye' <b>bold</b> </title>`, `He said "hi" & 'bye' <b>bold</b> </title>`],
  ['ctl\u0000\u0001\u0008\u000b\u000c\u001f\u007f\u0085\ufffe\uffff end', 'ctl end'],
  [']]> CDATA ]]]]> <![CDATA[ end', ']]> CDATA ]]]]> <![CDATA[ end'],
  ['  line\nbreak\ttab\r\n  ', 'line break tab'],
  ['😀 emoji 👨‍👩‍👧 🇨🇳 𠜎', '😀 emoji 👨‍👩‍👧 🇨🇳 𠜎'],
  ['翻墙七种武器之离别钩：VPN Gate (上)「引号」', '翻墙七种武器之离别钩：VPN Gate (上)「引号」'],
  ['bad \ud800 surrogate', 'bad surrogate'],
  // Legacy titles hold entities the theme decodes (displayText): feeds carry the decoded text.
  ['AT&amp;T &lt;tag&gt; &#x26;', 'AT&T <tag> &'],
  ['&#abc; &nosuch; 1 < 2 && 3 > 2', '&#abc; &nosuch; 1 < 2 && 3 > 2'],
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['', ''],
];
const SOURCES = ['大纪元', 'BBC 中文', '', '"><script>x'];
const CONTENT_IDS = ['xss-dp-060', 'xss-dp-041', 'xss-dp-097', 'xss-dp-153', 'xss-owasp-018', 'xss-dp-117', 'xss-dp-184'];
/** 1 MB of `&amp;`: once, it costs feedparser seconds. */
const HUGE_ID = 'huge-contenthtml-13';

function hostilePosts(): { posts: TestPost[]; expectedTitles: Map<string, string> } {
  const items = hostileItems();
  const contents = CONTENT_IDS.map((id) => payloadText(items.find((i) => i.id === id)!.payload));
  contents.push('<p>中文正文 &amp; <a href="https://example.com/x">链接</a></p>\r\n<p>二</p>');
  const titles: [string, string | undefined][] = [
    ...TITLES,
    ...items.filter((i) => i.field === 'title' && (i.kind === 'xss' || i.kind === 'unicode')).map((i): [string, undefined] => [payloadText(i.payload), undefined]),
  ];
  const links = ['https://example.com/新闻/一?a=1&b=2', '', 'javascript:alert(1)', 'https://example.com/dup', 'https://example.com/dup'];
  const expectedTitles = new Map<string, string>();
  const posts = titles.map(([title, expected], i): TestPost => {
    if (expected !== undefined) expectedTitles.set(title, expected);
    return {
      title, url: `/2024-01-${String(1 + (i % 28)).padStart(2, '0')}/p${i}-标题/`,
      date: T0 - i * HOUR + (i === 0 ? 123 : 0), author: i % 3 === 0 ? '' : `记者 <${i}> & "co"`,
      link: links[i] ?? `https://example.com/a/${i}`, site: SOURCES[i % SOURCES.length]!,
      content: i === 5 ? payloadText(items.find((h) => h.id === HUGE_ID)!.payload) : contents[i % contents.length]!, categories: i % 4 === 0 ? ['新闻', 'news & views'] : [],
    };
  });
  return { posts, expectedTitles };
}

/** What a client should read for each post of a feed (newest first). */
interface Expected { title: string; link: string; date: number; id?: string }

function check(docs: Map<string, string>, folder: string, expected: Expected[], feedUrl: string, contents?: string[]): void {
  const atom = docs.get(`${folder}feed.xml`)!;
  const rss = docs.get(`${folder}rss.xml`)!;
  const json = docs.get(`${folder}feed.json`)!;
  const [fa, fr] = feedparser([atom, rss]);
  for (const [name, text, fp, version] of [['feed.xml', atom, fa!, 'atom10'], ['rss.xml', rss, fr!, 'rss20']] as const) {
    const where = `${folder}${name}`;
    expect(fp.bozo, `${where}: feedparser bozo (${fp.exc})`).toBe(0);
    expect(fp.version, where).toBe(version);
    expect(fp.n, where).toBe(expected.length);
    // feedparser keeps an RSS title it guesses to be HTML as HTML: a reader shows it decoded.
    const fpTitles = fp.titles.map((t, i) => (fp.titleTypes[i] === 'text/html' ? decodeHTMLStrict(t ?? '') : t ?? ''));
    expect(fpTitles, where).toEqual(expected.map((e) => e.title));
    // Atom may link relative to the feed; RSS and JSON Feed carry full URLs only.
    const links = name === 'feed.xml' ? expected : fullLinks(expected);
    expect(fp.links.map((l) => l ?? ''), where).toEqual(links.map((e) => e.link));
    expect(fp.dates, where).toEqual(expected.map((e) => e.date / 1000));
    ownParser(text, where, feedUrl, links, contents);
  }
  ownParser(json, `${folder}feed.json`, feedUrl, fullLinks(expected), contents);
  // An independent JSON Feed reader (Debian's feedparser 6.0.10 reads no JSON Feed).
  const jf = parseJsonFeed(json) as { items?: { title?: string; url?: string; date_published?: unknown }[] };
  expect((jf.items ?? []).map((i) => i.title ?? ''), `${folder}feed.json (feedsmith)`).toEqual(expected.map((e) => e.title));
  expect((jf.items ?? []).map((i) => i.url ?? '')).toEqual(fullLinks(expected).map((e) => e.link));
  const raw = JSON.parse(json) as { version: string; title: string; items: { id: string; content_html: string; date_published: string }[] };
  expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
  expect(raw.items.every((i) => typeof i.id === 'string' && i.id !== '' && typeof i.content_html === 'string')).toBe(true);
  expect(raw.items.map((i) => Date.parse(i.date_published))).toEqual(expected.map((e) => e.date));
}

function ownParser(text: string, where: string, feedUrl: string, expected: Expected[], contents?: string[]): void {
  const parsed = parseFeed(text, feedUrl);
  expect(parsed.items.length, where).toBe(expected.length);
  expect(parsed.items.map((i) => i.title), where).toEqual(expected.map((e) => e.title));
  // Links relative to the feed (posts with no web link, site URL unknown) resolve against the feed's URL.
  expect(parsed.items.map((i) => i.link), where).toEqual(expected.map((e) => (e.link ? new URL(e.link, feedUrl).href : '')));
  expect(parsed.items.map((i) => parseFeedDate(i.date)), where).toEqual(expected.map((e) => e.date));
  if (expected.every((e) => e.id)) expect(parsed.items.map((i) => i.guid), where).toEqual(expected.map((e) => e.id));
  if (contents) expect(parsed.items.map((i) => i.content), where).toEqual(contents);
}

const fullLinks = (expected: Expected[]): Expected[] => expected.map((e) => ({ ...e, link: /^https?:/.test(e.link) ? e.link : '' }));
const webUrl = (link: string): string => (/^https?:/.test(link) ? new URL(link).href : '');
const wholeSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
const CLEAN = (html: string): string => html.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g, '').replace(/\r\n?/g, '\n').trim();

describe('feeds out', () => {
  it('hostile titles and contents read back the same with samizdat, feedparser and feedsmith (no site URL)', async () => {
    const { posts, expectedTitles } = hostilePosts();
    const model = memoryModel(posts);
    const out = memoryOutput();
    const report = await writeFeeds(model, out);
    expect(report.feeds).toBe(1 + SOURCES.length);
    expect(report.files).toBe(3 * (1 + SOURCES.length));
    // The site's feed: the newest 50 (all of them here), links to the original articles.
    const sorted = model.posts;
    const expected = (folder: string): Expected[] => sorted.map((p) => ({
      title: expectedTitles.get(p.post.title) ?? titleOf(p.post.title),
      link: webUrl(p.post.link) || `${'../'.repeat(folder.split('/').length - 1)}${p.url.slice(1).split('/').map(encodeURIComponent).join('/')}`,
      date: wholeSeconds(p.post.date),
    }));
    expect(TITLES.every(([t]) => sorted.some((p) => p.post.title === t))).toBe(true);
    const contents = await Promise.all(sorted.map(async (p) => CLEAN(await model.html(p))));
    check(out.contents, '', expected(''), 'https://reader.example/feed.xml', contents);
    expect(expected('').filter((e) => e.link.startsWith('2024-01-'))).toHaveLength(2);
    // One feed per source, in the source's folder, with only that source's posts.
    for (const site of SOURCES) {
      const folder = sourcePath(site);
      const all = expected(folder);
      const mine = sorted.map((p, i) => ({ p, e: all[i]! })).filter(({ p }) => p.post.site === site);
      check(out.contents, folder, mine.map(({ e }) => e), `https://reader.example/${folder}feed.xml`);
    }
    const atom = out.contents.get('feed.xml')!;
    expect(atom).not.toMatch(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/);
    expect(atom).toContain(']]]]><![CDATA[>');
    // Ids: the original link; a second post of the same article and posts without a web link get a stable urn:uuid.
    const ids = parseFeed(atom, 'https://reader.example/feed.xml').items.map((i) => i.guid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === 'https://example.com/dup')).toHaveLength(1);
    expect(ids.filter((id) => id.startsWith('urn:uuid:'))).toHaveLength(3);
    const again = memoryOutput();
    await writeFeeds(memoryModel(posts), again);
    expect(again.contents.get('feed.xml')).toBe(atom);
  });

  it('links to the site pages (percent-encoded) when the site URL is known, the original as related link', async () => {
    const { posts } = hostilePosts();
    const model = memoryModel(posts.slice(0, 6), { absoluteBase: 'https://mirror.example.org/镜像' });
    const out = memoryOutput();
    await writeFeeds(model, out);
    const base = 'https://mirror.example.org/%E9%95%9C%E5%83%8F';
    const expected = model.posts.map((p) => ({
      title: titleOf(p.post.title), link: `${base}${p.url.split('/').map(encodeURIComponent).join('/')}`, date: wholeSeconds(p.post.date),
    }));
    expect(expected[0]!.link).toMatch(/^https:\/\/mirror\.example\.org\/%E9%95%9C%E5%83%8F\/2024-01-01\/p0-%E6%A0%87%E9%A2%98\/$/);
    check(out.contents, '', expected, 'https://elsewhere.example/feed.xml');
    const atom = out.contents.get('feed.xml')!;
    expect(atom).toContain(`<link rel="self" type="application/atom+xml" href="${base}/feed.xml"/>`);
    expect(atom).toContain('<link rel="related" type="text/html" href="https://example.com/%E6%96%B0%E9%97%BB/%E4%B8%80?a=1&amp;b=2"/>');
    const json = JSON.parse(out.contents.get('feed.json')!) as { feed_url: string; home_page_url: string; items: { external_url?: string }[] };
    expect(json.feed_url).toBe(`${base}/feed.json`);
    expect(json.home_page_url).toBe(`${base}/`);
    expect(json.items[0]!.external_url).toBe('https://example.com/%E6%96%B0%E9%97%BB/%E4%B8%80?a=1&b=2');
    const folder = sourcePath('大纪元');
    const rss = out.contents.get(`${folder}rss.xml`)!;
    expect(rss).toContain(`<atom:link rel="self" type="application/rss+xml" href="${base}/sources/${encodeURIComponent('大纪元')}/rss.xml"/>`);
    // Ids do not depend on the site URL: subscribers see no duplicates when `url` is set later.
    const withoutBase = memoryOutput();
    await writeFeeds(memoryModel(posts.slice(0, 6)), withoutBase);
    const ids = (files: Map<string, string>): string[] => parseFeed(files.get('feed.xml')!, 'https://x.example/').items.map((i) => i.guid);
    expect(ids(out.contents)).toEqual(ids(withoutBase.contents));
  });

  it('holds the newest 50 by default, per feed', async () => {
    const posts: TestPost[] = [];
    for (let i = 0; i < 65; i++) {
      posts.push({ title: `甲 ${i}`, url: `/a/${i}/`, date: T0 - i * HOUR, author: 'a', link: `https://example.com/a/${i}`, site: '甲', content: `<p>${i}</p>` });
    }
    for (let i = 0; i < 4; i++) {
      posts.push({ title: `乙 ${i}`, url: `/b/${i}/`, date: T0 - i * 7 * HOUR - 1000, author: 'b', link: `https://example.com/b/${i}`, site: '乙', content: `<p>${i}</p>` });
    }
    const out = memoryOutput();
    await writeFeeds(memoryModel(posts), out);
    const titles = (rel: string): string[] => parseFeed(out.contents.get(rel)!, 'https://x.example/').items.map((i) => i.title);
    const site = titles('rss.xml');
    expect(site).toHaveLength(50);
    expect(site.slice(0, 3)).toEqual(['甲 0', '乙 0', '甲 1']);
    expect(titles(`${sourcePath('甲')}feed.json`)).toEqual(Array.from({ length: 50 }, (_, i) => `甲 ${i}`));
    expect(titles(`${sourcePath('乙')}feed.xml`)).toEqual(['乙 0', '乙 1', '乙 2', '乙 3']);
    const small = memoryOutput();
    await writeFeeds(memoryModel(posts), small, 3);
    expect(parseFeed(small.contents.get('feed.xml')!, 'https://x.example/').items).toHaveLength(3);
  });

  it('rewrites only the feeds whose posts changed, and leaves out a post it cannot read', async () => {
    const posts: TestPost[] = ['甲', '乙', '丙'].flatMap((site, s) =>
      Array.from({ length: 3 }, (_, i): TestPost => ({
        title: `${site}${i}`, url: `/${s}/${i}/`, date: T0 - (s * 3 + i) * HOUR, author: '', link: `https://example.com/${s}/${i}`, site, content: '<p>x</p>',
      })));
    const first = memoryOutput();
    await writeFeeds(memoryModel(posts), first);
    expect(first.written).toHaveLength(12);
    const second = memoryOutput(first.previous);
    await writeFeeds(memoryModel(posts), second);
    expect(second.written).toEqual([]);
    // A new post of 丙 changes the site's feed and 丙's, nothing else.
    const added = [...posts, { title: '丙new', url: '/2/new/', date: T0 + HOUR, author: '', link: 'https://example.com/new', site: '丙', content: '<p>n</p>' }];
    const third = memoryOutput(first.previous);
    await writeFeeds(memoryModel(added), third);
    expect(third.written.sort()).toEqual(['feed.json', 'feed.xml', 'rss.xml', ...['feed.json', 'feed.xml', 'rss.xml'].map((f) => sourcePath('丙') + f)].sort());
    const broken = memoryOutput();
    const report = await writeFeeds(memoryModel(posts, {}, new Set(['乙1'])), broken);
    expect(report.skipped).toEqual(['_posts/1/1.md: left out of the feeds (ENOENT: _posts/1/1.md)']);
    const [fp] = feedparser([broken.contents.get('feed.xml')!]);
    expect(fp!.bozo).toBe(0);
    expect(fp!.titles).not.toContain('乙1');
    expect(fp!.n).toBe(8);
  });
});

describe('sourcePath', () => {
  it('gives each source a folder named by its Jekyll slug', () => {
    expect(sourcePath('大纪元')).toBe('sources/大纪元/');
    expect(sourcePath('BBC 中文')).toBe('sources/bbc-中文/');
    expect(sourcePath('"><script>x')).toBe('sources/script-x/');
    expect(sourcePath('../../etc')).toBe('sources/etc/');
    expect(sourcePath('')).toMatch(/^sources\/[0-9a-f]{8}\/$/);
    expect(sourcePath('!!!')).toMatch(/^sources\/[0-9a-f]{8}\/$/);
    expect(sourcePath('!!!')).not.toBe(sourcePath('???'));
    expect(sourcePath('CON')).toMatch(/^sources\/con-[0-9a-f]{8}\/$/);
    const long = sourcePath('新闻'.repeat(200));
    expect(Buffer.byteLength(long)).toBeLessThan(140);
    expect(long).not.toBe(sourcePath(`${'新闻'.repeat(200)}x`));
  });
});

/** The plain title every reader should show: legacy entities decoded, unsafe characters dropped, whitespace folded. */
function titleOf(title: string): string {
  const decoded = decodeHTMLLoose(title);
  return decoded
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[\t\n\r\f ]+/g, ' ')
    .trim();
}

function decodeHTMLLoose(text: string): string {
  // Same decoding as the theme's displayText (entities' decodeHTML, legacy mode).
  return text.replace(/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/gi, (m) => decodeHTMLStrict(m.endsWith(';') ? m : `${m};`));
}

describe('characters XML cannot carry', () => {
  it('are removed, lone surrogates among them; emoji (surrogate pairs) and other text stay', () => {
    const cases: Array<[string, string]> = [
      ['正文 plain', '正文 plain'],
      ['😀 𠜎 👨‍👩‍👧', '😀 𠜎 👨‍👩‍👧'],
      ['a\ud800b', 'ab'],
      ['a\udc00b😀', 'ab😀'],
      ['😀\ud83d', '😀'],
      ['\udfff😀\ud800', '😀'],
      ['x\u0000\u0008\u000b\u001f\u007f\u0085\ufffe\uffffy 😀', 'xy 😀'],
      ['tab\tlf\ncr\r', 'tab\tlf\ncr\r'],
    ];
    for (const [text, safe] of cases) expect(xmlSafe(text), JSON.stringify(text)).toBe(safe);
  });
});
