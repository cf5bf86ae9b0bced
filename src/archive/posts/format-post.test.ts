import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../vendor/yaml.js';
import { seedPost, seedText } from '../../../test/helpers/seed.js';
import type { Post } from '../../model/index.js';
import { formatPost } from './format-post.js';
import { readPost, readPostContent } from './read-post.js';

interface Hostile { id: string; kind: string; field: string; payload: string | { repeat: string; times: number } }
const hostile = (JSON.parse(readFileSync(new URL('../../../test/testdata/hostile/items.json', import.meta.url), 'utf8')) as Hostile[])
  .filter((h): h is Hostile & { payload: string } => typeof h.payload === 'string');

const frontMatter = (text: string): string => text.split('\n---\n')[0]!.replace(/^---\n/, '');

describe('formatPost', () => {
  it('reproduces the seed post byte for byte', () => {
    expect(formatPost(seedPost())).toBe(seedText());
  });

  it('reads the seed back to the same fields', () => {
    const { post, problems } = readPost(seedText());
    expect(problems).toEqual([]);
    expect(post).toEqual({ ...seedPost(), comments: true });
  });

  it.each(hostile.filter((h) => ['title', 'author', 'site_name'].includes(h.field)).map((h) => [h.id, h] as const))(
    '%s: front matter stays valid YAML and round-trips',
    (_id, h) => {
      const field = h.field === 'site_name' ? 'site' : (h.field as 'title' | 'author');
      const post: Post = { ...seedPost(), [field]: h.payload };
      const text = formatPost(post);
      // Valid YAML under both 1.1 (Jekyll's Psych) and 1.2, with the exact string back.
      for (const version of ['1.1', '1.2'] as const) {
        const fm = parse(frontMatter(text), { version }) as Record<string, unknown>;
        expect(Object.keys(fm)).toEqual(['layout', 'title', 'date', 'author', 'from', 'tags', 'comments', 'categories']);
        if (field === 'site') expect(fm.tags).toEqual([h.payload]);
        else expect(fm[field]).toBe(h.payload);
      }
      expect(readPost(text).post[field]).toBe(h.payload);
      // The body keeps its shape: one epoch line, one link line, the content in one line.
      expect(text.split('\n---\n').length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(hostile.filter((h) => h.field === 'link' || h.field === 'guid').map((h) => [h.id, h] as const))('%s: link and guid round-trip', (_id, h) => {
    const field = h.field === 'link' ? 'link' : 'guid';
    const text = formatPost({ ...seedPost(), [field]: h.payload });
    for (const version of ['1.1', '1.2'] as const) {
      const fm = parse(frontMatter(text), { version }) as Record<string, unknown>;
      expect(fm[field === 'link' ? 'from' : 'guid']).toBe(h.payload);
    }
    expect(readPost(text).post[field]).toBe(h.payload);
  });

  it.each([
    'https://example.com/a:b', 'https://example.com:8080/x', 'https://example.com/x?a=1&b=[2]', "https://example.com/it's",
    'https://example.com/a#b', 'https://example.com/a:', 'https://example.com/% 20',
  ])('URL %s stays a string that reads back exactly', (url) => {
    const fm = parse(frontMatter(formatPost({ ...seedPost(), link: url })), { version: '1.1' }) as Record<string, unknown>;
    expect(fm.from).toBe(url);
  });

  it('wraps Liquid in raw, and an endraw inside content cannot end it early', () => {
    const content = '<p>{{ site }} and {% endraw %} then {%- endraw -%}{% include x %}</p>';
    const text = formatPost({ ...seedPost(), title: '{{ page.title }}', content });
    const body = text.split('\n---\n')[1]!;
    // Only the lines that need it are wrapped, each on its own: no raw block spans a blank line.
    expect(body.split('\n').filter((l) => l.startsWith('{% raw %}'))).toHaveLength(2);
    expect(body.startsWith('<!--')).toBe(true);
    for (const line of body.split('\n').filter((l) => l.includes('{% raw %}'))) expect(line.endsWith('{% endraw %}'), line).toBe(true);
    // Simulate Liquid's raw handling: the text between {% raw %} and the first endraw tag is literal.
    const rendered = renderRawBlocks(body);
    expect(rendered).toContain(content);
    expect(rendered).toContain('[{{ page.title }}]');
    expect(readPost(text).post.content).toBe(content);
  });

  it('leaves ordinary bodies unwrapped', () => {
    expect(formatPost(seedPost())).not.toContain('{% raw %}');
  });

  it('keeps content on one line and escapes Markdown in the link text', () => {
    const text = formatPost({ ...seedPost(), title: 'a](javascript:alert(1)) <b>x</b>', content: '<p>a</p>\n<p>b</p>' });
    const lines = text.split('\n');
    expect(lines).toContain('[a\\](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt;](https://www.epochtimes.com/gb/22/2/4/n13555352.htm)');
    expect(lines).toContain('<p>a</p> <p>b</p>');
  });

  it('writes a guid line only when the GUID is not the link', () => {
    const text = formatPost({ ...seedPost(), guid: 'tag:example.com,2022:123' });
    expect(text).toContain('\nguid: "tag:example.com,2022:123"\n');
    expect(readPost(text).post.guid).toBe('tag:example.com,2022:123');
  });
});

/** Liquid's raw tag: everything up to a `{%-? endraw -?%}` tag is printed verbatim (tokens as Liquid splits them). */
function renderRawBlocks(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{% raw %}');
    if (open < 0) return out + rest;
    out += rest.slice(0, open);
    rest = rest.slice(open + '{% raw %}'.length);
    // Liquid tokenizes `{%…%}` lazily, then matches /\A(.*)\{%-?\s*endraw\s*-?%\}\z/ on each token.
    const tokenRe = /\{%[\s\S]*?%\}/g;
    let m: RegExpExecArray | null;
    let closed = false;
    while ((m = tokenRe.exec(rest))) {
      const end = /^([\s\S]*)\{%-?\s*endraw\s*-?%\}$/.exec(m[0]);
      if (end) {
        out += rest.slice(0, m.index) + end[1];
        rest = rest.slice(m.index + m[0].length);
        closed = true;
        break;
      }
    }
    if (!closed) throw new Error('raw block never closed');
  }
}

describe('readPost on legacy titles with a raw newline', () => {
  it('reads the title as libyaml does: the line break folds into a space', () => {
    const text = '---\nlayout: post\ntitle: "专访：黎智英是对一党专政的威胁 而不是危害国家安全\n"\ndate: 2020-08-10T01:00:00.000Z\nauthor: 德国之声\nfrom: https://www.dw.com/zh/a-1\ntags: [ 德国之声 ]\ncategories: [ 德国之声 ]\n---\n<!--1597021200000-->\n[x](https://www.dw.com/zh/a-1)\n------\n\n<div>\n<p>x</p>\n</div>\n';
    const { post, problems } = readPost(text);
    expect(problems).toEqual([]);
    expect(post.title).toBe('专访：黎智英是对一党专政的威胁 而不是危害国家安全 ');
    expect(post.link).toBe('https://www.dw.com/zh/a-1');
  });
});

describe('readPostContent', () => {
  it('gives the same content as readPost, without the front matter', () => {
    const wrapped = formatPost({ ...seedPost(), content: '<p>{{ x }} and {% endraw %}</p>' });
    for (const text of [seedText(), wrapped, '---\ntitle: "x"\n---\n\n<p>legacy raw html</p>\n', 'no front matter at all']) {
      expect(readPostContent(text)).toBe(readPost(text).post.content);
    }
  });
});
