import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/content/sanitize.js';
import { parseXmlDom as srcParseXmlDom } from '../../src/feed/xml-dom.js';
import type { AnyNode } from '../../src/vendor/domhandler.js';
import { hostileItems, payloadText } from '../helpers/hostile.js';

// npm test builds dist/ first: tsc, then scripts/bundle-vendor.mjs (see src/vendor/README.md).
const ROOT = join(import.meta.dirname, '../..');
const VENDOR = join(ROOT, 'dist/vendor');
const distModule = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(ROOT, 'dist', rel)).href)) as T;

/** What a compiled module loads: the specifiers of its import statements, dynamic imports and require calls. */
function loadedSpecifiers(code: string): string[] {
  const found = [
    ...code.matchAll(/^\s*(?:import|export)\b[^'"\n]*?\bfrom\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

describe('the libraries the build loads, bundled (dist/vendor)', () => {
  it('are one bundle per module of src/vendor, loading only their shared chunks and Node built-ins', () => {
    const names = readdirSync(join(ROOT, 'src/vendor')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
    expect(names).toEqual(['domhandler', 'entities', 'htmlparser2', 'sanitize-html', 'yaml']);
    const files = readdirSync(VENDOR).sort();
    expect(files.filter((f) => !f.startsWith('chunk-'))).toEqual(names.map((n) => `${n}.js`));
    for (const f of files) {
      const foreign = loadedSpecifiers(readFileSync(join(VENDOR, f), 'utf8')).filter((s) => !s.startsWith('./') && !isBuiltin(s));
      expect(foreign, `${f} loads a package by name: not bundled`).toEqual([]);
    }
    // The check sees a package import when there is one.
    expect(loadedSpecifiers(`import { parse } from 'yaml';\nconst x = require("sanitize-html");`)).toEqual(['yaml', 'sanitize-html']);
  });

  it('sanitize, parse and decode as the packages do', async () => {
    const dist = await distModule<typeof import('../../src/content/sanitize.js')>('content/sanitize.js');
    const payloads = hostileItems().filter((h) => h.field === 'content_html').map((h) => payloadText(h.payload));
    expect(payloads.length).toBeGreaterThan(20);
    for (const html of payloads) expect(dist.sanitizeHtml(html, 'https://example.com/a/')).toBe(sanitizeHtml(html, 'https://example.com/a/'));

    const yaml = await distModule<typeof import('../../src/vendor/yaml.js')>('vendor/yaml.js');
    expect(yaml.parse('title: "习近平 {{ x }}"\ntags: [a, b]\n')).toEqual({ title: '习近平 {{ x }}', tags: ['a', 'b'] });
    const entities = await distModule<typeof import('../../src/vendor/entities.js')>('vendor/entities.js');
    expect(entities.decodeHTML('&lt;&#20064;&amp;&copy')).toBe('<习&©');

    // The feed parser (a tokenizer of ours on the bundled parser, nodes of the bundled domhandler) builds the same tree.
    const { parseXmlDom } = await distModule<typeof import('../../src/feed/xml-dom.js')>('feed/xml-dom.js');
    const domhandler = await distModule<typeof import('../../src/vendor/domhandler.js')>('vendor/domhandler.js');
    const xml = '<rss xml:base="https://a.example/"><channel><title>甲 &amp; 乙</title><item><description><![CDATA[<p>习近平</p>]]></description></item></channel></rss>';
    const tree = (n: AnyNode): unknown => (domhandler.isTag(n) ? [n.name, n.attribs, n.children.map(tree)] : 'data' in n ? n.data : n.type);
    const built = parseXmlDom(xml);
    expect(built.document).toBeInstanceOf(domhandler.Document);
    expect(built.hasXmlBase).toBe(true);
    expect(built.document.children.map(tree)).toEqual(srcParseXmlDom(xml).document.children.map(tree));
  });
});
