import { readFileSync } from 'node:fs';
import { Parser } from '../vendor/htmlparser2.js';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.js';
import { htmlToText, toOneLine } from './text.js';
import { normalizeUrl } from './urls.js';

/** test/testdata/hostile/items.json is a copy of fixtures/hostile/items.json (see its README). */
interface HostileItem {
  id: string;
  kind: string;
  field: string;
  payload: string | { prefix?: string; repeat: string; times: number; suffix?: string };
  expect: string;
}
const items: HostileItem[] = JSON.parse(
  readFileSync(new URL('../../test/testdata/hostile/items.json', import.meta.url), 'utf8'),
);
const BASE = 'https://news.example.invalid/feed/';

function payloadOf(item: HostileItem): string {
  const p = item.payload;
  return typeof p === 'string' ? p : (p.prefix ?? '') + p.repeat.repeat(p.times) + (p.suffix ?? '');
}

const FORBIDDEN_ELEMENTS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'textarea', 'select', 'base', 'meta', 'link', 'svg', 'math', 'noscript', 'template', 'xmp', 'plaintext',
]);
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'cite', 'poster', 'action', 'formaction', 'xlink:href', 'background', 'data', 'codebase',
  'dynsrc', 'lowsrc', 'longdesc', 'usemap', 'ping', 'manifest',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** What a browser would make of a URL attribute: decoded, controls and whitespace removed, lower-cased. */
function urlProbe(value: string): string {
  return value.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
}

/** Everything executable that survived, as readable findings (empty = harmless). */
function activeContent(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (FORBIDDEN_ELEMENTS.has(name)) found.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attribs)) {
          if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
          if (attr === 'srcdoc' || attr === 'style' || attr === 'markdown') found.push(`${name}[${attr}]`);
          const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
          if (!URL_ATTRIBUTES.has(attr) && attr !== 'srcset') continue;
          for (const url of urls.map(urlProbe)) {
            if (/^(javascript|vbscript|livescript):/.test(url)) found.push(`${name}[${attr}=${url}]`);
            if (url.startsWith('data:') && !(name === 'img' && attr === 'src' && url.startsWith('data:image/'))) {
              found.push(`${name}[${attr}=${url.slice(0, 30)}]`);
            }
          }
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** Start/end tags of the output pair up exactly (the output is regular: no raw '>' in values). */
function unbalanced(html: string): string | undefined {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g)) {
    const name = (m[2] ?? '').toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1] === '') stack.push(name);
    else if (stack.pop() !== name) return `unexpected </${name}> at ${m.index}`;
  }
  return stack.length > 0 ? `unclosed <${stack.join('><')}>` : undefined;
}

const contentItems = items.filter((i) => i.field === 'content_html');
const small = contentItems.filter((i) => i.kind !== 'huge');
const huge = contentItems.filter((i) => i.kind === 'huge');
const links = items.filter((i) => i.field === 'link');

describe('hostile corpus: content_html', () => {
  it('has the entries the corpus README promises', () => {
    expect(contentItems.length).toBe(252);
    expect(links.length).toBe(20);
  });

  it('has a checker that sees the attacks in the raw payloads (208 of the 245 small ones)', () => {
    const flagged = small.filter((i) => activeContent(payloadOf(i)).length > 0);
    expect(flagged.length).toBeGreaterThanOrEqual(200);
    expect(unbalanced('<div><p>x</div>')).toBeDefined();
  });

  it.each(small.map((i) => [i.id, i] as const))('%s comes out harmless, balanced and stable', (_id, item) => {
    const out = sanitizeHtml(payloadOf(item), BASE);
    expect(activeContent(out)).toEqual([]);
    expect(unbalanced(out)).toBeUndefined();
    expect(sanitizeHtml(out, BASE)).toBe(out);
    // Still harmless once joined into the post's single line.
    const line = toOneLine(out);
    expect(line).not.toMatch(/[\r\n]/);
    expect(activeContent(line)).toEqual([]);
  });

  it('keeps Liquid markup as literal text (the post writer, not the sanitizer, defuses it)', () => {
    for (const item of small.filter((i) => i.kind === 'liquid')) {
      const text = htmlToText(payloadOf(item));
      expect(htmlToText(sanitizeHtml(payloadOf(item), BASE)), item.id).toBe(text);
    }
  });

  it('keeps escaped markup escaped (md-content-09..11): entities are not decoded into tags', () => {
    for (const id of ['md-content-09', 'md-content-10', 'md-content-11']) {
      const item = items.find((i) => i.id === id);
      if (item === undefined) throw new Error(`${id} missing from the corpus copy`);
      expect(sanitizeHtml(payloadOf(item), BASE), id).toBe(payloadOf(item));
    }
  });

  it.each(huge.map((i) => [i.id, i] as const))('%s stays bounded in time and size', (_id, item) => {
    const payload = payloadOf(item);
    const started = performance.now();
    const out = sanitizeHtml(payload, BASE);
    const line = toOneLine(out);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(out.length).toBeLessThanOrEqual(payload.length * 2.2);
    expect(activeContent(line)).toEqual([]);
    expect(unbalanced(out)).toBeUndefined();
  });
});

describe('hostile corpus: links', () => {
  it.each(links.map((i) => [i.id, i] as const))('%s is a safe href and a safe normalised link', (_id, item) => {
    const link = payloadOf(item);
    // As a feed parser hands it over (a string, escaped into the attribute) and as raw markup.
    const escaped = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    for (const html of [`<a href="${escaped}">x</a>`, `<a href="${link}">x</a>`]) {
      const out = sanitizeHtml(html, BASE);
      expect(activeContent(out)).toEqual([]);
      expect(unbalanced(out)).toBeUndefined();
    }
    const normal = normalizeUrl(link);
    // WHATWG percent-encodes space, '"', '<', '>' and '`' (a "'" may stay: writers must quote with '"').
    if (normal !== '') expect(normal).toMatch(/^https?:\/\/[^\s"<>`]+$/);
    expect(normalizeUrl(normal)).toBe(normal);
  });

  it('refuses script, data and file links outright and resolves relative ones', () => {
    const byId = (id: string) => payloadOf(items.find((i) => i.id === id) as HostileItem);
    for (const id of ['url-01', 'url-02', 'url-03', 'url-04', 'url-05', 'url-06', 'url-09', 'url-10', 'url-16']) {
      expect(normalizeUrl(byId(id)), id).toBe('');
      const out = sanitizeHtml(`<a href="${byId(id).replace(/"/g, '&quot;')}">x</a>`, BASE);
      expect(out, id).toBe('<a>x</a>');
    }
    expect(sanitizeHtml(`<a href="${byId('url-14')}">x</a>`, BASE)).toBe('<a href="https://news.example.invalid/relative/path?x=1">x</a>');
    expect(sanitizeHtml(`<a href="${byId('url-15')}">x</a>`, BASE)).toBe('<a href="https://news.example.invalid/etc/passwd">x</a>');
  });
});
