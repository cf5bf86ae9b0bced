import { describe, expect, it } from 'vitest';
import { outputPath, permalinkTemplate, postUrl, sanitizeUrl, type UrlFacts } from '../../src/site/permalink.js';
import { presentContent } from '../../src/site/present-content.js';
import { relativeHref } from '../../src/site/relative-href.js';
import { slugify } from '../../src/site/slugify.js';
import { readUrlFacts } from '../../src/site/url-facts.js';

const title = (s: string): string => slugify(s, 'pretty', true);

describe('slugify (Jekyll 4.3 Utils.slugify)', () => {
  it('keeps CJK and other letters, marks and digits in pretty mode, cased', () => {
    expect(title('翻墙七种武器之离别钩：VPN Gate (上)')).toBe('翻墙七种武器之离别钩-VPN-Gate-(上)');
    expect(title('“何不食肉糜”的劉瑜——自由派公知的衰落')).toBe('何不食肉糜-的劉瑜-自由派公知的衰落');
    expect(title('Ελληνικά café ñ ٣٤ 한국어')).toBe('Ελληνικά-café-ñ-٣٤-한국어');
  });
  it("keeps ._~!$&'()+,;=@ and turns every other run of characters into one hyphen", () => {
    expect(title("a._~!$&'()+,;=@b")).toBe("a._~!$&'()+,;=@b");
    expect(title('a:b/c?d#e%f*g"h<i>j|k\\l[m]n{o}p^q`r')).toBe('a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r');
    // The emoji is no letter, but VS16 (U+FE0F) is a mark (\p{M}) and stays, as in Jekyll's URL for this title.
    expect(title('北歐品牌ARKET開箱❗️片尾试穿')).toBe('北歐品牌ARKET開箱-\ufe0f片尾试穿');
    expect(title('一\n二\t三　四')).toBe('一-二-三-四'); // ideographic space too
  });
  it('drops one hyphen at each end only', () => {
    expect(title('  【标题】  ')).toBe('标题');
    expect(title('--a--')).toBe('a');
    expect(title('')).toBe('');
  });
  it('default mode lowercases and keeps only letters, marks and digits; raw and none', () => {
    expect(slugify('The _config.yml file')).toBe('the-config-yml-file');
    expect(slugify('The _config.yml file', 'pretty')).toBe('the-_config.yml-file');
    expect(slugify('The _config.yml file', 'pretty', true)).toBe('The-_config.yml-file');
    expect(slugify('The _config.yml file', 'ascii')).toBe('the-config-yml-file');
    expect(slugify('A  b\u3000c', 'raw')).toBe('a-b\u3000c');
    expect(slugify('A b', 'none')).toBe('a b');
  });
});

const facts = (over: Partial<UrlFacts> = {}): UrlFacts => ({
  slug: '标题 Title', basename: '2014-04-08-标题 Title', categories: [], outputExt: '.html',
  time: { year: 2014, month: 4, day: 8, hour: 9, minute: 5, second: 7 }, ...over,
});

describe('postUrl (Jekyll 4.3 URL + UrlDrop)', () => {
  it('fills every placeholder', () => {
    expect(postUrl('/:year-:month-:day/:title/', facts())).toBe('/2014-04-08/标题-Title/');
    expect(postUrl('/:i_month/:i_day/:short_year/:hour:minute:second/:slug:output_ext', facts())).toBe('/4/8/14/090507/标题-title.html');
    expect(postUrl('/:y_day/:week/:w_year/:w_day/:short_day/:long_day/:short_month/:long_month/', facts())).toBe('/098/15/2014/2/Tue/Tuesday/Apr/April/');
    expect(postUrl('/:categories/:title/', facts({ categories: ['News', 'news', 'VOA 中文'] }))).toBe('/news/voa 中文/标题-Title/');
    expect(postUrl('/:month_:day/', facts())).toBe('/04_08/'); // the '_' after a key is not part of it
  });
  it('maps the built-in styles', () => {
    expect(postUrl(permalinkTemplate('pretty'), facts())).toBe('/2014/04/08/标题-Title/');
    expect(postUrl(permalinkTemplate('date'), facts())).toBe('/2014/04/08/标题-Title.html');
    expect(postUrl(permalinkTemplate('ordinal'), facts())).toBe('/2014/098/标题-Title.html');
    expect(postUrl(permalinkTemplate('none'), facts())).toBe('/标题-Title.html');
    expect(permalinkTemplate(undefined)).toBe('/:year-:month-:day/:title/');
  });
  it('sanitises like Jekyll: .. becomes /, ./ goes, // collapses', () => {
    // '/' → '-' by slugify, then each '..' → '/': no way out of the folder.
    expect(postUrl('/:year-:month-:day/:title/', facts({ slug: '../../etc/passwd' }))).toBe('/2014-04-08/-/-etc-passwd/');
    expect(postUrl('/:categories/:title/', facts({ categories: ['../..'], slug: 'x' }))).toBe('/x/');
    expect(postUrl('/:title/', facts({ slug: 'a..b' }))).toBe('/a/b/');
    expect(sanitizeUrl('/x/.../y')).toBe('/x/y');
    expect(sanitizeUrl('a//b/./c')).toBe('/a/b/c');
    expect(postUrl('/:title/', facts({ slug: '...' }))).toBe('/');
  });
  it('rejects an unknown placeholder as Jekyll does', () => {
    expect(() => postUrl('/:nope/', facts())).toThrow(/unknown placeholder :nope/);
  });
  it('writes pretty URLs to index.html and others with the extension', () => {
    expect(outputPath('/2014-04-08/标题/')).toBe('2014-04-08/标题/index.html');
    expect(outputPath('/a/b.html')).toBe('a/b.html');
    expect(outputPath('/a/b')).toBe('a/b.html');
  });
});

describe('readUrlFacts (what Jekyll reads from a post file)', () => {
  const post = (fm: string): string => `---\nlayout: post\n${fm}\n---\nbody\n`;
  const day = (r: ReturnType<typeof readUrlFacts>): string => {
    if (typeof r === 'string') throw new Error(r);
    return `${r.facts.time.year}-${r.facts.time.month}-${r.facts.time.day} ${r.facts.time.hour}`;
  };
  it('takes the front matter date in the site zone, else the file name date', () => {
    expect(day(readUrlFacts(post('date: 2020-09-05T20:00:00.000Z'), '2020-09-05-a.md', 'UTC'))).toBe('2020-9-5 20');
    expect(day(readUrlFacts(post('date: 2020-09-05T20:00:00.000Z'), '2020-09-05-a.md', 'Asia/Shanghai'))).toBe('2020-9-6 4');
    expect(day(readUrlFacts(post('date: 2020-06-15T00:26:36+01:00'), '2020-06-15-a.md', 'UTC'))).toBe('2020-6-14 23');
    expect(day(readUrlFacts(post('date: 2020-09-14'), '2020-09-01-a.md', 'Asia/Shanghai'))).toBe('2020-9-14 0');
    // YAML: a plain timestamp without zone is UTC; a quoted one goes through Time.parse: local.
    expect(day(readUrlFacts(post('date: 2020-09-05 20:00:00'), '2020-09-05-a.md', 'Asia/Shanghai'))).toBe('2020-9-6 4');
    expect(day(readUrlFacts(post('date: "2020-09-05 20:00:00"'), '2020-09-05-a.md', 'Asia/Shanghai'))).toBe('2020-9-5 20');
    expect(day(readUrlFacts('no front matter', '2019-1-2-a.md', 'UTC'))).toBe('2019-1-2 0');
  });
  it('takes :title from the file name (trailing dots dropped) or from front matter slug', () => {
    const r = readUrlFacts(post('title: x'), '2020-01-02-Hello. World...md', 'UTC');
    expect(typeof r !== 'string' && r.facts.slug).toBe('Hello. World');
    const s = readUrlFacts(post('slug: 自定义'), '2020-01-02-x.md', 'UTC');
    expect(typeof s !== 'string' && s.facts.slug).toBe('自定义');
  });
  it('reads a quoted title with a raw line break as libyaml does, and reports invalid YAML', () => {
    const ok = readUrlFacts('---\ntitle: "标题\n\n"\ndate: 2020-08-10T23:54:22.000Z\n---\nx', '2020-08-10-标题%0A.md', 'UTC');
    expect(typeof ok !== 'string' && ok.problems).toEqual([]);
    expect(day(ok)).toBe('2020-8-10 23');
    const bad = readUrlFacts('---\ntitle: "a\\智"\ndate: 2020-08-11T00:00:00Z\n---\nx', '2020-08-10-a.md', 'UTC');
    expect(typeof bad !== 'string' && bad.problems[0]).toMatch(/front matter is not valid YAML/);
    expect(day(bad)).toBe('2020-8-10 0');
  });
  it('refuses a file name without a date, like Jekyll', () => {
    expect(readUrlFacts(post('title: x'), 'about.md', 'UTC')).toBe('file name does not start with a YYYY-MM-DD- date');
  });
});

describe('relative links and presentation', () => {
  it('computes relative hrefs that name index.html and encode only what must be', () => {
    expect(relativeHref('2014-04-18/标题/index.html', 'index.html')).toBe('../../index.html');
    expect(relativeHref('page2/index.html', 'page3/index.html')).toBe('../page3/index.html');
    expect(relativeHref('index.html', '2016-02-03/a b%c?d#e:f/index.html')).toBe('2016-02-03/a%20b%25c%3Fd%23e%3Af/index.html');
    expect(relativeHref('a/b/index.html', 'a/c/index.html')).toBe('../c/index.html');
  });
  it('adds rel and image attributes after sanitizing', () => {
    const html = presentContent('<a href="/x" target="_blank" rel="opener">l</a><img src="i.png" loading="eager" onerror="alert(1)"><script>alert(1)</script>', 'https://example.org/post');
    expect(html).toBe('<a href="https://example.org/x" rel="noopener noreferrer">l</a><img src="https://example.org/i.png" referrerpolicy="no-referrer" loading="lazy">');
  });
});
