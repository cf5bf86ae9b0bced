import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSearch, type SearchHit, type SearchResults } from '../../src/site/search/searcher.js';

/** A seeded PRNG (mulberry32): the sampled queries are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` queries of 2–6 Han characters cut from the texts: a random text, a random run of Han
 * characters in it (raw text, nothing folded), a random substring of it.
 */
export function sampleHanQueries(texts: readonly string[], count: number, seed: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const runs = texts[Math.floor(next() * texts.length)]!.match(/\p{sc=Han}{2,}/gu) ?? [];
    if (!runs.length) continue;
    const run = Array.from(runs[Math.floor(next() * runs.length)]!);
    const length = Math.min(run.length, 2 + Math.floor(next() * 5));
    const start = Math.floor(next() * (run.length - length + 1));
    out.push(run.slice(start, start + length).join(''));
  }
  return out;
}

/** Files of a built site's search folder, read from disk, with the bytes counted. */
export function diskLoader(outDir: string): { load: (rel: string) => Promise<Uint8Array>; bytes: () => number; reset: () => void } {
  let bytes = 0;
  return {
    load: async (rel) => {
      const data = new Uint8Array(await readFile(join(outDir, 'search', rel)));
      bytes += data.length;
      return data;
    },
    bytes: () => bytes,
    reset: () => {
      bytes = 0;
    },
  };
}

/** Every result of a query, page after page. */
export async function allHits(results: SearchResults, pageSize = 50): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (let page = 0; ; page++) {
    // A page is cut short when its checks run out: asking again checks further.
    let r = await results.page(page, pageSize);
    while (r.hits.length < pageSize && r.more) r = await results.page(page, pageSize);
    hits.push(...r.hits);
    if (!r.more) return hits;
  }
}

export type Search = Awaited<ReturnType<typeof openSearch>>;
