import { spawnSync } from 'node:child_process';
import type { Post } from '../../src/model/index.js';
import { runAsideTask } from '../../src/site/aside/aside-tasks.js';
import type { SiteModel, SiteOutput, SitePost, SiteSettings } from '../../src/site/site-model.js';

/** Debian's python3 (with python3-feedparser); the `python3` on PATH may be another one without it. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

export interface FeedparserResult {
  bozo: number;
  exc: string;
  version: string;
  n: number;
  feedTitle: string | null;
  titles: (string | null)[];
  titleTypes: (string | null)[];
  links: (string | null)[];
  ids: (string | null)[];
  /** UTC epoch seconds of each entry's published date, as feedparser reads it. */
  dates: (number | null)[];
}

// Each document is handed over as its exact bytes and parsed the way the brief's one-liner does:
// `feedparser.parse(<bytes>)`; one process for many documents keeps the test fast.
const SCRIPT = `
import base64, calendar, json, sys, feedparser
out = []
for b64 in json.load(sys.stdin):
    d = feedparser.parse(base64.b64decode(b64))
    es = d.entries
    out.append({"bozo": int(d.bozo), "exc": str(d.get("bozo_exception", "")), "version": d.version, "n": len(es),
        "feedTitle": d.feed.get("title"),
        "titles": [e.get("title") for e in es], "titleTypes": [e.get("title_detail", {}).get("type") for e in es],
        "links": [e.get("link") for e in es], "ids": [e.get("id") for e in es],
        "dates": [calendar.timegm(e.published_parsed) if e.get("published_parsed") else None for e in es]})
print(json.dumps(out))
`;

/** Parses each document with Debian's python3-feedparser. */
export function feedparser(docs: readonly string[]): FeedparserResult[] {
  const input = JSON.stringify(docs.map((d) => Buffer.from(d, 'utf8').toString('base64')));
  const r = spawnSync(DEBIAN_PYTHON, ['-c', SCRIPT], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3-feedparser failed (apt-get install python3-feedparser?): ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as FeedparserResult[];
}

/** Well-formedness by expat (Python's strict XML parser), and the text of every `<loc>`. */
export function expatLocs(doc: string): { ok: boolean; error: string; locs: string[]; root: string } {
  const script = `
import json, sys, xml.etree.ElementTree as ET
try:
    root = ET.fromstring(sys.stdin.buffer.read())
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    print(json.dumps({"ok": True, "error": "", "root": root.tag, "locs": [e.text for e in root.iter(ns + "loc")]}))
except ET.ParseError as e:
    print(json.dumps({"ok": False, "error": str(e), "root": "", "locs": []}))
`;
  const r = spawnSync(DEBIAN_PYTHON, ['-c', script], { input: Buffer.from(doc, 'utf8'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { ok: boolean; error: string; locs: string[]; root: string };
}

export interface MemoryOutput extends SiteOutput {
  /** What was written, by path. */
  readonly contents: Map<string, string>;
  readonly skipped: string[];
  readonly warnings: string[];
  /** Signatures of the last build, to test freshness. */
  readonly previous: Map<string, string>;
  readonly written: string[];
}

export function memoryOutput(previous = new Map<string, string>()): MemoryOutput {
  const contents = new Map<string, string>();
  const written: string[] = [];
  const skipped: string[] = [];
  const warnings: string[] = [];
  return {
    contents, previous, written, skipped, warnings,
    files: () => contents.keys(),
    skip: (line) => void skipped.push(line),
    warn: (line) => void warnings.push(line),
    isFresh: (rel, sig) => previous.get(rel) === sig,
    keep: (rel) => previous.has(rel),
    recall: () => undefined,
    remember: () => undefined,
    claim: () => undefined,
    kept: () => undefined,
    memo: async (_key, make) => make(),
    remove: (rel) => {
      for (const k of [...contents.keys()]) if (k === rel || (rel.endsWith('/') && k.startsWith(rel))) contents.delete(k);
    },
    async write(rel, data, sig) {
      contents.set(rel, typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
      written.push(rel);
      previous.set(rel, sig ?? '');
    },
    writeAside(files, name, input) {
      const data = runAsideTask(name, input);
      return Promise.all(files.map((f, i) => this.write(f.rel, data[i]!, f.sig))).then(() => undefined);
    },
    runAside() {
      return Promise.reject(new Error('an output in memory has no folder for a job to write in'));
    },
  };
}

export interface TestPost extends Omit<Post, 'content' | 'date'> {
  readonly date: number;
  readonly content: string;
  /** Permalink path, e.g. `/2014-04-18/标题/`. */
  readonly url: string;
}

/** An in-memory site: posts sorted newest first, contents served from memory. */
export function memoryModel(posts: readonly TestPost[], settings: Partial<SiteSettings> = {}, failing = new Set<string>()): SiteModel {
  const sorted = [...posts].sort((a, b) => b.date - a.date);
  const contents = new Map<SitePost, string>();
  const sitePosts = sorted.map((t): SitePost => {
    const { content, url, ...post } = t;
    const p: SitePost = { file: `_posts${url.replace(/\/$/, '')}.md`, post, url, outPath: `${url.slice(1)}index.html`, digest: `digest:${url}` };
    contents.set(p, content);
    return p;
  });
  return {
    posts: sitePosts,
    settings: { title: '测试镜像', timeZone: 'Asia/Shanghai', cssFile: 'assets/style.css', paginate: 50, absoluteBase: '', ...settings },
    async html(p) {
      if (failing.has(p.post.title)) throw new Error(`ENOENT: ${p.file}`);
      return contents.get(p)!;
    },
    async text(p) {
      return contents.get(p)!;
    },
  };
}
