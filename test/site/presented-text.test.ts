import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPostContent } from '../../src/archive/posts/read-post.js';
import { htmlToText } from '../../src/content/text.js';
import { presentContent } from '../../src/site/present-content.js';
import { presentedText } from '../../src/site/presented-text.js';

const TESTDATA = fileURLToPath(new URL('../testdata/', import.meta.url));

function postFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(md|markdown|html)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('the text of a page\'s content (what the search indexes)', () => {
  it('is htmlToText of the presented content, for every fixture post and every hostile content payload', () => {
    const contents = postFiles(join(TESTDATA, 'site/jekyll-urls')).map((f) => readPostContent(readFileSync(f, 'utf8')));
    const hostile = JSON.parse(readFileSync(join(TESTDATA, 'hostile/items.json'), 'utf8')) as Array<{ field: string; payload: unknown }>;
    for (const item of hostile) if (item.field === 'content_html' && typeof item.payload === 'string') contents.push(item.payload);
    expect(contents.length).toBeGreaterThan(400);
    let nonEmpty = 0;
    for (const raw of contents) {
      const html = presentContent(raw, 'https://example.org/a/');
      const want = htmlToText(html);
      expect(presentedText(html), raw.slice(0, 200)).toBe(want);
      if (want) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(300);
  });

  it('keeps lines of blocks, <br> and <pre>, cells apart, entities decoded, whitespace collapsed', () => {
    const html = presentContent('<h2>标题 &amp; 副题</h2><p>第一行<br>第二行 &lt;b&gt;</p><pre>a  b\n  c</pre><table><tr><td>甲</td><td>乙</td></tr></table><p>x&nbsp;&nbsp; y</p>', 'https://example.org/');
    expect(presentedText(html)).toBe('标题 & 副题\n第一行\n第二行 <b>\na b\nc\n甲 乙\nx y');
    expect(presentedText(html)).toBe(htmlToText(html));
  });
});
