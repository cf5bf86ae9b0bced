import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSearch, type SearchHit, type SearchResults } from '../../src/site/search/searcher.js';

// The same seeded PRNG and query sample as bench:search.
export { mulberry32 as random, sampleHanQueries } from '../../bench/lib/random.mjs';

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
