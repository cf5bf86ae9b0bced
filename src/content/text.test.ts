import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';
import { htmlToText, plainTextToHtml, stripControlChars, titleFromContent, toOneLine } from './text.js';

describe('toOneLine', () => {
  it('drops breaks between tags and turns breaks between words into one space', () => {
    expect(toOneLine('<p>a</p>\n<p>b</p>\r\n  <ul>\n\t<li>x</li>\n</ul>')).toBe('<p>a</p><p>b</p><ul><li>x</li></ul>');
    expect(toOneLine('<p>The quick\nbrown   \r\n  fox\rjumps</p>')).toBe('<p>The quick brown fox jumps</p>');
    expect(toOneLine('<p>\ntext\n</p>')).toBe('<p> text </p>');
    expect(toOneLine('\n<p>x</p>\n')).toBe('<p>x</p>');
  });

  it('keeps <pre> content intact as &#10;', () => {
    const html = '<p>a</p>\n<pre><code>line 1\n    indented\r\n\nlast</code>\n</pre>\n<p>b\nc</p>';
    const line = toOneLine(html);
    expect(line).toBe('<p>a</p><pre><code>line 1&#10;    indented&#10;&#10;last</code>&#10;</pre><p>b c</p>');
    expect(line).not.toMatch(/[\r\n]/);
  });

  it('keeps line breaks inside attribute values and comments from breaking the line', () => {
    expect(toOneLine('<img\n  alt="two\nlines" src="x">')).toBe('<img alt="two&#10;lines" src="x">');
    expect(toOneLine('<!-- a\nb -->\n<p>x</p>')).toBe('<!-- a b --><p>x</p>');
  });

  it('returns one-line input unchanged', () => {
    const html = '<p>已经是一行</p><p>x</p>';
    expect(toOneLine(html)).toBe(html);
  });
});

describe('stripControlChars', () => {
  it('removes C0/C1 controls, lone surrogates and U+FFFE/U+FFFF, keeps tab, newline and pairs', () => {
    expect(stripControlChars('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe('abcdefg');
    expect(stripControlChars('tab\there\nnext')).toBe('tab\there\nnext');
    expect(stripControlChars('\ud800 lone high, lone low \udc00, pair 😀 𠜎')).toBe(' lone high, lone low , pair 😀 𠜎');
    expect(stripControlChars('\ufffe\uffff noncharacters')).toBe(' noncharacters');
  });

  it('turns CR and CRLF into LF instead of gluing words', () => {
    expect(stripControlChars('CR\rin title')).toBe('CR\nin title');
    expect(stripControlChars('CRLF\r\nin title')).toBe('CRLF\nin title');
  });
});

describe('plainTextToHtml', () => {
  const description = [
    '习近平普京会面 白宫和北约回应',
    'Watch more: https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL123.',
    '',
    '訂閱頻道：https://www.youtube.com/channel/UCabc，謝謝！完整版https://youtu.be/dQw4w9WgXcQ看这里',
    'Tom & Jerry <3 "quotes" (see https://en.wikipedia.org/wiki/Foo_(bar))',
  ].join('\r\n');

  it('keeps the line breaks, escapes the text and links bare URLs', () => {
    expect(plainTextToHtml(description)).toBe(
      '习近平普京会面 白宫和北约回应<br>' +
        'Watch more: <a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;list=PL123">https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;list=PL123</a>.<br>' +
        '<br>' +
        '訂閱頻道：<a href="https://www.youtube.com/channel/UCabc">https://www.youtube.com/channel/UCabc</a>，謝謝！' +
        '完整版<a href="https://youtu.be/dQw4w9WgXcQ">https://youtu.be/dQw4w9WgXcQ</a>看这里<br>' +
        'Tom &amp; Jerry &lt;3 &quot;quotes&quot; (see <a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>)',
    );
  });

  it('handles a real YouTube description (sample-feeds/real-world/fa88e615-youtube-channel.xml)', () => {
    const real =
      'Season 2 of The Legend of Vox Machina is available now on Prime Video! Watch here: https://amzn.to/3o4nBS5\n\n' +
      'Join Matthew Mercer, Liam O’Brien, Sam Riegel, and Travis Willingham as well as special guest Phil Bourassa (Character Designer) as we watch Episodes 10-12, answer some burning questions about the series, and celebrate the wrap up of Season 2!\n\n' +
      'These Q&A segments originally aired as part of a Watch Party moderated by Mica Burton on our Twitch channel.\n' +
      'The Legend of Vox Machina Watch Parties air every Tuesday following a LVM episode release at 7pm Pacific on Twitch: https://twitch.tv/criticalrole\n\n' +
      'To learn more about Watch Parties, check out: https://critrole.com/shows/watch-party/\n';
    const html = plainTextToHtml(real);
    expect(html).not.toMatch(/[\r\n]/);
    expect(html).toContain('Watch here: <a href="https://amzn.to/3o4nBS5">https://amzn.to/3o4nBS5</a><br><br>Join Matthew');
    expect(html).toContain('Season 2!<br><br>These Q&amp;A segments');
    expect(html).toContain('Twitch channel.<br>The Legend');
    expect(html).toContain('<a href="https://critrole.com/shows/watch-party/">https://critrole.com/shows/watch-party/</a><br>');
    expect(htmlToText(html)).toBe(real.replace(/\n+/g, '\n').trim());
    // It is clean HTML: the sanitizer (which runs after it) leaves it alone.
    expect(sanitizeHtml(html, 'https://www.youtube.com/')).toBe(html);
  });

  it('never glues two lines together, even after toOneLine', () => {
    expect(toOneLine(plainTextToHtml('first line\nsecond line'))).toBe('first line<br>second line');
    expect(htmlToText(plainTextToHtml('first line\nsecond line'))).toBe('first line\nsecond line');
  });

  it('cannot be tricked into markup', () => {
    expect(plainTextToHtml('<script>alert(1)</script> javascript:alert(1) http://x.invalid/"onmouseover="a')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) <a href="http://x.invalid/">http://x.invalid/</a>&quot;onmouseover=&quot;a',
    );
  });
});

describe('htmlToText', () => {
  it('decodes entities, skips scripts and styles, puts blocks on their own lines', () => {
    // Non-breaking spaces are whitespace like any other in plain text.
    expect(htmlToText('<p>Tom &amp; Jerry&nbsp;&lt;3</p><script>x()</script><style>p{}</style><div>second<br>third</div>  <b>bold</b>')).toBe(
      'Tom & Jerry <3\nsecond\nthird\nbold',
    );
    expect(htmlToText('<p>code:</p><pre>  a = 1\n  b = 2</pre>')).toBe('code:\na = 1\nb = 2');
  });
});

describe('titleFromContent', () => {
  it('uses the whole text when it is short', () => {
    expect(titleFromContent('<p>  Short\n  text </p>')).toBe('Short text');
  });

  it('cuts English at a word boundary', () => {
    const title = titleFromContent('<p>The quick brown fox jumps over the lazy dog and keeps on running far away</p>');
    expect(title).toBe('The quick brown fox jumps over the lazy');
    expect([...title].length).toBeLessThanOrEqual(40);
  });

  it('cuts CJK text by characters', () => {
    const html = '<p>【大纪元2022年02月04日讯】（大纪元记者张婷综合报导）周五（2月4日），俄罗斯总统普京和中国领导人习近平在北京冬奥会开幕式之前进行了会晤。</p>';
    expect(titleFromContent(html)).toBe('【大纪元2022年02月04日讯】（大纪元记者张婷综合报导）周五（2月4日），俄');
    expect(titleFromContent(html, 10)).toBe('【大纪元2022年0');
  });

  it('never cuts a surrogate pair or an emoji sequence in half', () => {
    // 9 letters, then a family emoji (7 code points) at the cut.
    const family = '👨‍👩‍👧‍👦';
    expect(titleFromContent(`abcdefghi${family}xyz`, 10)).toBe('abcdefghi');
    expect(titleFromContent(`abcdefghi😀xyz`, 10)).toBe('abcdefghi😀');
    expect(titleFromContent('𠜎𠜱𠝹𡁓𠜎𠜱', 3)).toBe('𠜎𠜱𠝹');
    for (let max = 1; max < 12; max++) {
      const t = titleFromContent(`ab😀c${family}d😀e`, max);
      expect(t, String(max)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect([...t].length).toBeLessThanOrEqual(max);
    }
  });

  it('is plain text: no tags, no entities, no control characters', () => {
    expect(titleFromContent('<p><b>Hello</b> &amp; <i>bye</i>\u0007</p>')).toBe('Hello & bye');
    expect(titleFromContent('')).toBe('');
  });
});
