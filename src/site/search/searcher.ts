/*
 * Search runtime: a query against the static index (see fold.ts for the rules of these
 * modules). All files are read through `load`, relative to the search folder: the browser
 * fetches them, tests read them from disk, the benchmark counts their bytes.
 */
import { gunzipBytes, parseDocRecord, searchedText, type DocRecord } from './doc-record.js';
import { foldText } from './fold.js';
import { queryTerms, shardOf, termKeys, type Term } from './keys.js';
import { matchesAll, makeSnippet, type SnippetPart } from './match.js';
import { decodePostings, intersectPostings, readShard } from './postings.js';

export type LoadBytes = (path: string) => Promise<Uint8Array>;

/** search/index.json */
export interface SearchManifest {
  readonly version: 1;
  /** Documents are numbered 0 … docs-1, oldest first. */
  readonly docs: number;
  /** A power of two. */
  readonly shards: number;
  readonly prefixMax: number;
  /** Runs of ideographs are indexed by n-grams of 1 … gramMax characters. */
  readonly gramMax: number;
  readonly docsPerFolder: number;
  /** Changes with every index: appended to URLs so no cache mixes two builds. */
  readonly build: string;
}

export const MANIFEST_FILE = 'index.json';
export const shardFile = (s: number): string => `shards/${s}.bin`;
export const docFile = (id: number, perFolder: number): string => `docs/${Math.floor(id / perFolder)}/${id}.bin`;

export interface SearchHit extends DocRecord {
  readonly id: number;
  readonly snippet: readonly SnippetPart[];
}

/** One query's results, newest first, verified and loaded a page at a time. */
export interface SearchResults {
  readonly terms: readonly Term[];
  /** Posts holding every key of the query: an upper bound of the number of results. */
  readonly candidates: number;
  /** Results found so far and candidates not checked yet (none left: `found` is the number of results). */
  count(): { found: number; unchecked: number };
  /** Results of page `index` (0-based); `more` when later pages may hold results. */
  page(index: number, size: number): Promise<{ hits: SearchHit[]; more: boolean }>;
}

/** At most this many candidates are checked for one page, so a query with few true matches stays cheap. */
export const MAX_CHECKS_PER_PAGE = 120;

const textDecoder = new TextDecoder();

export async function openSearch(load: LoadBytes): Promise<{ manifest: SearchManifest; search: (query: string) => Promise<SearchResults> }> {
  const manifest = JSON.parse(textDecoder.decode(await load(MANIFEST_FILE))) as SearchManifest;
  if (manifest.version !== 1) throw new Error(`search index: unknown version ${String(manifest.version)}`);
  const shards = new Map<number, Promise<ReturnType<typeof readShard>>>();
  const shard = (s: number): Promise<ReturnType<typeof readShard>> => {
    let p = shards.get(s);
    if (!p) {
      p = load(shardFile(s)).then(readShard);
      p.catch(() => shards.delete(s));
      shards.set(s, p);
    }
    return p;
  };
  const search = async (query: string): Promise<SearchResults> => {
    const terms = queryTerms(query);
    if (!terms.length) return resultsOf(terms, new Uint32Array(0), true, load, manifest);
    const wanted = terms.map((t) => termKeys(t, manifest.prefixMax, manifest.gramMax));
    const keys = [...new Set(wanted.flatMap((w) => w.keys))];
    const lists = await Promise.all(keys.map(async (k) => {
      const e = (await shard(shardOf(k, manifest.shards))).get(k);
      return e ? decodePostings(e) : new Uint32Array(0);
    }));
    return resultsOf(terms, intersectPostings(lists), wanted.every((w) => w.exact), load, manifest);
  };
  return { manifest, search };
}

function resultsOf(terms: readonly Term[], ids: Uint32Array, exact: boolean, load: LoadBytes, m: SearchManifest): SearchResults {
  // Newest first: documents are numbered oldest first.
  const candidates = ids.slice().reverse();
  const docs = new Map<number, Promise<DocRecord>>();
  const doc = (id: number): Promise<DocRecord> => {
    let p = docs.get(id);
    if (!p) {
      p = load(docFile(id, m.docsPerFolder)).then(gunzipBytes).then((b) => parseDocRecord(textDecoder.decode(b)));
      docs.set(id, p);
    }
    return p;
  };
  const hit = (id: number, r: DocRecord): SearchHit => ({ ...r, id, snippet: makeSnippet(searchedText(r), terms, r.title.length + 1) });
  // Verified matches so far, and how far through the candidates the checks went.
  const verified: number[] = [];
  let checked = 0;
  return {
    terms,
    candidates: candidates.length,
    count: () => (exact ? { found: candidates.length, unchecked: 0 } : { found: verified.length, unchecked: candidates.length - checked }),
    async page(index, size) {
      const want = (index + 1) * size;
      if (exact) {
        const ids = Array.from(candidates.subarray(index * size, want));
        const hits = await Promise.all(ids.map(async (id) => hit(id, await doc(id))));
        for (const id of ids) docs.delete(id);
        return { hits, more: want < candidates.length };
      }
      let budget = MAX_CHECKS_PER_PAGE;
      while (verified.length < want && checked < candidates.length && budget > 0) {
        const batch = Array.from(candidates.subarray(checked, checked + Math.min(size, budget)));
        const records = await Promise.all(batch.map(doc));
        batch.forEach((id, i) => {
          if (matchesAll(foldText(searchedText(records[i]!)), terms)) verified.push(id);
          else docs.delete(id);
        });
        checked += batch.length;
        budget -= batch.length;
      }
      const ids = verified.slice(index * size, want);
      const hits = await Promise.all(ids.map(async (id) => hit(id, await doc(id))));
      // Shown results are not kept: going back a page fetches them again (from the HTTP cache).
      for (const id of ids) docs.delete(id);
      return { hits, more: verified.length > want || checked < candidates.length };
    },
  };
}
