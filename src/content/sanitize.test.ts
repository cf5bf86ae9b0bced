import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';
import { toOneLine } from './text.js';

const testdata = new URL('../../test/testdata/archive/', import.meta.url);
const seed = readFileSync(new URL('seed-post.txt', testdata), 'utf8');
/** The seed's body: the one line between `<div>\n` and `\n</div>`. */
const seedBody = seed.slice(seed.indexOf('<div>\n') + 6, seed.lastIndexOf('\n</div>'));
const BASE = 'https://www.epochtimes.com/gb/';

describe('sanitizeHtml: clean input passes through byte for byte', () => {
  it('keeps the seed post body unchanged', () => {
    expect(seedBody.length).toBeGreaterThan(2000);
    expect(seedBody).toContain('<p data-el="text">');
    expect(sanitizeHtml(seedBody, BASE)).toBe(seedBody);
  });

  it('gives the seed body back after the lines are split at tag boundaries and joined again', () => {
    const split = seedBody.replaceAll('</p><p', '</p>\n<p');
    expect(split.split('\n').length).toBeGreaterThan(20);
    expect(toOneLine(sanitizeHtml(split, BASE))).toBe(seedBody);
  });

  it.each([
    ['entities and quotes in text', '<p>&nbsp;&ldquo;引号&rdquo; "quoted" \'single\' &amp; &lt;b&gt; &#8212; &#x4E2D; 中文 😀</p>'],
    ['entities in attributes', '<a href="https://example.invalid/?a=1&amp;b=2" title="x &quot;y&quot; &amp; z">t</a>'],
    ['every spelling of void tags', '<p>a<br>b<br/>c<br />d</p><hr><img src="https://example.invalid/a.jpg" alt=""/><hr />'],
    ['tables, lists, media, ruby', '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">c</td></tr></tbody></table><ol start="3"><li>x</li></ol><figure><picture><source srcset="https://example.invalid/a.webp 1x, https://example.invalid/b.webp 2x" type="image/webp"><img src="https://example.invalid/a.jpg" width="640" height="480"></picture><figcaption>cap</figcaption></figure><video controls src="https://example.invalid/v.mp4" poster="https://example.invalid/p.jpg"></video><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>'],
    ['global attributes', '<p lang="zh-CN" dir="ltr" title="" id="fn1" data-el="text" data-empty="">x</p><details open><summary>s</summary>d</details>'],
    ['in-page and mail links', '<a href="#fn1">1</a> <a href="mailto:a@example.invalid">m</a>'],
    ['inline image data', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">'],
  ])('keeps %s unchanged', (_name, html) => {
    expect(sanitizeHtml(html, BASE)).toBe(html);
  });
});

describe('sanitizeHtml: what it removes', () => {
  it('drops scripts, styles, handlers and presentation, keeping the text around them', () => {
    const out = sanitizeHtml(
      '<div class="c" style="color:red" onclick="x()"><script>alert(1)</script><style>p{}</style>' +
        '<p onmouseover="x()">text<noscript><img src="n.jpg"></noscript></p><form action="/f"><input name="q"><button>go</button></form></div>',
      BASE,
    );
    expect(out).toBe('<div><p>text</p>go</div>');
  });

  it('removes javascript:, vbscript: and data: URLs however they are spelled', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java&#x09;script:alert(1)',
      'javascript&colon;alert(1)', '&#106avascript:alert(1)', '&#x6A;avascript:alert(1)', 'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=', '\u0001javascript:alert(1)']) {
      expect(sanitizeHtml(`<a href="${href}">x</a>`, BASE), href).toBe('<a>x</a>');
    }
    expect(sanitizeHtml('<img src="data:image/svg+xml,<svg onload=alert(1)>">', BASE)).toBe('<img>');
    expect(sanitizeHtml('<img srcset="javascript:alert(1) 1x, https://example.invalid/a.jpg 2x">', BASE)).toBe(
      '<img srcset="https://example.invalid/a.jpg 2x">',
    );
  });

  it('drops 1×1 tracking pixels and images from counter hosts', () => {
    const out = sanitizeHtml(
      '<p>a<img src="https://example.invalid/p.gif" width="1" height="1">b<img src="https://pixel.wp.com/g.gif?x=1" alt="">' +
        '<img src="https://feeds.feedburner.com/~r/site/~4/abc">c<img src="https://example.invalid/photo.jpg" width="1" height="300"><br/></p>',
      BASE,
    );
    expect(out).toBe('<p>abc<img src="https://example.invalid/photo.jpg" width="1" height="300"><br/></p>');
  });

  it('strips utm_*, fbclid and friends from links and images, and only rewrites what it strips', () => {
    expect(
      sanitizeHtml('<a href="https://example.invalid/a?id=7&amp;utm_source=rss&amp;utm_medium=feed#top">x</a>', BASE),
    ).toBe('<a href="https://example.invalid/a?id=7#top">x</a>');
    expect(sanitizeHtml('<img src="https://example.invalid/i.jpg?fbclid=abc">', BASE)).toBe('<img src="https://example.invalid/i.jpg">');
    const untouched = '<a href="https://example.invalid/a?id=7&amp;Utm=1&amp;x=%E4%B8%AD">x</a>';
    expect(sanitizeHtml(untouched, BASE)).toBe(untouched);
  });

  it('balances misnested and stray tags: a stray </div> cannot close the post wrapper', () => {
    expect(sanitizeHtml('<p>a</div></div><b>b<i>c</b>d', BASE)).toBe('<p>a<b>b<i>c</i></b>d</p>');
    expect(sanitizeHtml('x</div>y', BASE)).toBe('xy');
  });

  it('drops DOM-clobbering ids and names', () => {
    expect(sanitizeHtml('<a name="getElementById" id="cookie">c</a><p id="fn2">ok</p>', BASE)).toBe('<a>c</a><p id="fn2">ok</p>');
  });
});

describe('sanitizeHtml: what it rewrites', () => {
  it('replaces a YouTube iframe by a link paragraph to the watch page', () => {
    const html = '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" frameborder="0" allowfullscreen></iframe>';
    expect(sanitizeHtml(html, BASE)).toBe(
      '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>',
    );
  });

  it('knows youtube-nocookie, protocol-relative, playlists, old Flash embeds and Vimeo; drops other iframes', () => {
    const out = sanitizeHtml(
      '<p>see <iframe src="//www.youtube-nocookie.com/embed/abcdefghijk"></iframe></p>' +
        '<iframe src="https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"></iframe>' +
        '<object><param name="movie" value="http://www.youtube.com/v/dQw4w9WgXcQ&hl=en"><embed src="http://www.youtube.com/v/dQw4w9WgXcQ&amp;hl=en" type="application/x-shockwave-flash"></object>' +
        '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e"></iframe>' +
        '<iframe src="https://ads.example.invalid/frame"></iframe><embed src="https://example.invalid/movie.swf">end',
      BASE,
    );
    expect(out).toBe(
      '<p>see <a href="https://www.youtube.com/watch?v=abcdefghijk">https://www.youtube.com/watch?v=abcdefghijk</a></p>' +
        '<p><a href="https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG">https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG</a></p>' +
        '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>' +
        '<p><a href="https://vimeo.com/76979871/8272103f6e">https://vimeo.com/76979871/8272103f6e</a></p>end',
    );
  });

  it('resolves relative URLs against the base and leaves absolute ones as written', () => {
    const out = sanitizeHtml(
      '<a href="/gb/tag/x.html">a</a><a href="../up?p=1">b</a><a href="//cdn.example.invalid/c">c</a>' +
        '<img src="img/p.jpg" srcset="img/p.jpg 1x, img/p2.jpg 2x"><blockquote cite="q.html">q</blockquote>' +
        '<a href="HTTPS://Example.INVALID/Keep%20Case">d</a>',
      BASE,
    );
    expect(out).toBe(
      '<a href="https://www.epochtimes.com/gb/tag/x.html">a</a><a href="https://www.epochtimes.com/up?p=1">b</a>' +
        '<a href="https://cdn.example.invalid/c">c</a><img src="https://www.epochtimes.com/gb/img/p.jpg" ' +
        'srcset="https://www.epochtimes.com/gb/img/p.jpg 1x, https://www.epochtimes.com/gb/img/p2.jpg 2x">' +
        '<blockquote cite="https://www.epochtimes.com/gb/q.html">q</blockquote><a href="HTTPS://Example.INVALID/Keep%20Case">d</a>',
    );
  });

  it('keeps data-* attributes on every element, with their raw values', () => {
    const html = '<div data-id="42" data-src="/lazy.jpg" data-json="{&quot;a&quot;:1}"><span data-x-y="1">t</span></div>';
    expect(sanitizeHtml(html, BASE)).toBe(html);
  });

  it('writes a bare & and a raw > in attributes and text escaped', () => {
    expect(sanitizeHtml('<p title="a > b & c">x & y > z</p>', BASE)).toBe('<p title="a &gt; b &amp; c">x &amp; y &gt; z</p>');
  });

  it('is idempotent', () => {
    const html = '<p>a<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><img src="x.jpg"/><a href="/t?utm_source=x">t</a></p>';
    const once = sanitizeHtml(html, BASE);
    expect(sanitizeHtml(once, BASE)).toBe(once);
  });

  it('keeps only the text of absurdly deep nesting, quickly', () => {
    const html = '<div>'.repeat(100_000) + 'deep &amp; <b>bold</b>';
    const started = performance.now();
    expect(sanitizeHtml(html, BASE)).toBe('deep &amp; bold');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
