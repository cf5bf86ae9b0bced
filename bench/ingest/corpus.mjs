// Real text to build the benchmark's feeds from: paragraphs and titles of the posts the
// legacy mirrors wrote (../shared/fixtures/posts), plus titles of real Chinese JSON feeds
// (../shared/fixtures/feeds/exposir-jsonfeed). Nothing here is invented; the generator only
// recombines it. Falls back to the repo's own test posts when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const REPO_TESTDATA = fileURLToPath(new URL('../../test/testdata/', import.meta.url));

/** @returns {{ paragraphs: string[], titles: string[], source: string }} */
export function loadCorpus() {
  const roots = [join(SHARED, 'posts'), REPO_TESTDATA].filter((d) => existsSync(d));
  for (const root of roots) {
    const files = listFiles(root, (f) => f.endsWith('.md') || f.endsWith('.txt'));
    const paragraphs = [];
    const titles = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const t = /^title: "(.*)"$/m.exec(text);
      if (t) titles.push(t[1].replace(/\\"/g, '"').replace(/\\\\/g, '\\'));
      for (const m of text.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
        // Keep the paragraph's text (tags stripped; entities stay encoded, it goes back into HTML).
        const p = m[1].replace(/<[^>]+>/g, '').trim();
        if (p.length >= 15 && !p.includes('\n')) paragraphs.push(p);
      }
    }
    if (paragraphs.length < 20) continue;
    const feeds = join(SHARED, 'feeds', 'exposir-jsonfeed');
    if (existsSync(feeds)) {
      for (const f of readdirSync(feeds).filter((n) => n.endsWith('.json'))) {
        for (const item of JSON.parse(readFileSync(join(feeds, f), 'utf8')).items ?? []) {
          if (typeof item.title === 'string' && item.title.trim() && !item.title.includes('\n')) titles.push(item.title.trim());
        }
      }
    }
    return { paragraphs, titles: [...new Set(titles)], source: root };
  }
  throw new Error(`no article text found: expected ${join(SHARED, 'posts')} (the shared fixtures) or posts under ${REPO_TESTDATA}`);
}

function listFiles(dir, keep, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, keep, out);
    else if (keep(e.name)) out.push(p);
  }
  return out.sort();
}
