import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { hostileItems, payloadText, type HostileItem } from '../helpers/hostile.js';
import { makeMirror, postNames } from '../helpers/mirror.js';

/**
 * Every hostile payload of the corpus, in the field it targets, through the whole pipeline
 * (JSON Feed over HTTP, so control characters arrive exactly): each item is either archived
 * harmlessly or skipped with a reason, and the feed's other items all arrive.
 */
const DATE = '2024-03-01T12:00:00+08:00';

function jsonFeed(items: HostileItem[], base: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'hostile',
    items: items.map((h, i) => {
      const v = payloadText(h.payload);
      const item: Record<string, unknown> = {
        id: `id-${i}`,
        url: `${base}/article/${i}`,
        title: `item ${i}`,
        content_html: `<p>body ${i}</p>`,
        date_published: DATE,
      };
      if (h.field === 'content_html') item.content_html = v;
      if (h.field === 'title') item.title = v;
      if (h.field === 'author') item.authors = [{ name: v }];
      if (h.field === 'link') item.url = v;
      if (h.field === 'guid') item.id = v;
      if (h.field === 'category') item.tags = [v];
      return item;
    }),
  });
}

const EXECUTABLE_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'svg', 'math', 'frame', 'frameset', 'applet', 'link']);
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data']);

function executableParts(html: string): string[] {
  const found: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>['children']): void => {
    for (const n of nodes) {
      if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
        const el = n as unknown as { name: string; attribs: Record<string, string>; children: typeof nodes };
        if (EXECUTABLE_TAGS.has(el.name)) found.push(`<${el.name}>`);
        for (const [k, v] of Object.entries(el.attribs)) {
          if (k.startsWith('on') || k === 'srcdoc') found.push(`${el.name}@${k}`);
          const url = v.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (URL_ATTRS.has(k) && /^(javascript|vbscript):/.test(url)) found.push(`${el.name}@${k}=${url.slice(0, 30)}`);
          if (URL_ATTRS.has(k) && url.startsWith('data:') && !(el.name === 'img' && k === 'src' && /^data:image\/(png|jpeg|gif|webp)/.test(url))) found.push(`${el.name}@${k}=data:`);
        }
        walk(el.children);
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return found;
}

describe('the hostile corpus through the whole pipeline', () => {
  let server: FeedServer;
  const items = hostileItems();
  const siteItems = items.filter((h) => h.field === 'site_name');
  const feedItems = items.filter((h) => h.field !== 'site_name');
  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/hostile.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/feed+json' });
      res.end(jsonFeed(feedItems, 'https://hostile.example.invalid'));
    });
    server.route('/plain.json', (req, res) => {
      const n = new URL(req.url ?? '/', 'http://x').searchParams.get('s');
      res.writeHead(200, { 'content-type': 'application/feed+json' });
      res.end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'plain', items: [{ id: `p${n}`, url: `https://plain.example.invalid/p${n}`, title: 'plain', content_html: '<p>x</p>', date_published: DATE }] }));
    });
  });
  afterAll(() => server.close());

  it('archives every item harmlessly: safe names, valid YAML, nothing executable', async () => {
    // Hostile source names come from subs.json; each gets its own (identical) feed URL.
    const subs = [
      { site: 'hostile', url: server.url('/hostile.json') },
      ...siteItems.filter((h) => payloadText(h.payload).trim()).map((h, i) => ({ site: payloadText(h.payload), url: server.url(`/plain.json?s=${i}`) })),
    ];
    const dir = makeMirror(subs);
    const res = await runCli(['fetch', '--archive', dir, '--json'], { timeoutMs: 120_000 });
    const report = JSON.parse(res.stdout) as { feeds: Array<{ site: string; status: string; newPosts: number; rejected: number; message?: string }> };
    const main = report.feeds.find((f) => f.site === 'hostile')!;
    expect(main.status, main.message).toBe('new');
    // Items either arrive or are rejected with a reason; links may collapse duplicates (same URL) but nothing vanishes silently.
    expect(main.newPosts + main.rejected).toBeGreaterThan(feedItems.length * 0.95);
    expect(report.feeds.filter((f) => f.site !== 'hostile').every((f) => f.status === 'new')).toBe(true);

    const postsDir = realpathSync(join(dir, '_posts'));
    const names = postNames(dir);
    expect(names.length).toBe(main.newPosts + report.feeds.filter((f) => f.site !== 'hostile').length);
    for (const name of names) {
      expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(255);
      expect(name, name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
      expect(realpathSync(join(postsDir, name)).startsWith(postsDir + '/')).toBe(true);
      const text = readFileSync(join(postsDir, name), 'utf8');
      expect(statSync(join(postsDir, name)).size).toBeLessThan(5_000_000);
      const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      expect(fm, name).toBeDefined();
      for (const version of ['1.1', '1.2'] as const) {
        const data = parse(fm!, { version }) as Record<string, unknown>;
        expect(Object.keys(data).filter((k) => !['layout', 'title', 'date', 'author', 'from', 'guid', 'tags', 'comments', 'categories'].includes(k)), name).toEqual([]);
        expect(typeof data.title, name).toBe('string');
        expect(data.layout).toBe('post');
      }
      const content = /\n<div>\n([\s\S]*)\n<\/div>(\{% endraw %\})?\n$/.exec(body!)?.[1];
      expect(content, name).toBeDefined();
      expect(content!.includes('\n'), name).toBe(false);
      expect(executableParts(content!), name).toEqual([]);
      // Liquid can only appear inside a raw block: every line holding it is wrapped.
      for (const line of body!.split('\n')) {
        if (/\{\{|\{%/.test(line.replace(/\{% (end)?raw %\}/g, ''))) expect(line.startsWith('{% raw %}') && line.endsWith('{% endraw %}'), name).toBe(true);
      }
    }
  }, 120_000);
});
