/*
 * Search runtime: a query against the static index (see fold.ts for the rules of these
 * modules). All files are read through `load`, relative to the search folder: the browser
 * fetches them, tests read them from disk, the benchmark counts their bytes.
 *
 * The index numbers passages, not posts: bigrams must co-occur within ~2,000 characters, not
 * anywhere in a long post. search/starts.bin maps passages to posts; terms combine (AND) per
 * post. A candidate is verified against its passages in the post's text file (search/texts/).
 */
import { foldText } from './fold.js';
import { queryTerms, shardOf, termKeys, type Term } from './keys.js';
import { findTerm, makeSnippet, type SnippetPart } from './match.js';
import { gunzipBytes, parsePostTexts, passageOf, type PassageRecord, type PostTexts } from './passage-record.js';
import { decodePostings, intersectPostings, readShard, type ShardEntry } from './postings.js';

export type LoadBytes = (path: string) => Promise<Uint8Array>;

/** search/index.json */
export interface SearchManifest {
  readonly version: 4;
  /** Posts, numbered 0 … docs-1 in the order they were indexed: oldest first, later additions after. */
  readonly docs: number;
  /** Passages, numbered in post order. */
  readonly passages: number;
  /**
   * The posting lists, in parts: each segment indexes the next run of passages (the first all
   * posts of a full build, the others posts added since), so adding posts writes one small
   * segment instead of every shard. A key's list is the concatenation over the segments.
   */
  readonly segments: readonly SearchSegment[];
  /** Posts no longer in the site (deleted or changed since they were indexed): never results. */
  readonly removed: readonly number[];
  readonly prefixMax: number;
  readonly perFolder: number;
  /** Changes with every index: appended to URLs so no cache mixes two builds. */
  readonly build: string;
}

export interface SearchSegment {
  /** Names the segment's folder of shards; a segment's files never change under one id. */
  readonly id: string;
  /** A power of two. */
  readonly shards: number;
  readonly passages: number;
}

export const MANIFEST_FILE = 'index.json';
/** Gzipped bitmap: bit p is set when passage p is the first of a post. */
export const STARTS_FILE = 'starts.bin';
/** The folder of the segments' shards, and a shard's file in it. */
export const SHARDS_FOLDER = 'shards/';
export const shardName = (segment: string, s: number): string => `${segment}/${s}.bin`;
export const shardFile = (segment: string, s: number): string => SHARDS_FOLDER + shardName(segment, s);
/** A post's text file (all its passages: see passage-record.ts). */
export const textFile = (doc: number, perFolder: number): string => `texts/${Math.floor(doc / perFolder)}/${doc}.bin`;

export interface SearchHit {
  /** The post's number in the index (see SearchManifest.docs). */
  readonly id: number;
  readonly href: string;
  readonly date: string;
  readonly source: string;
  readonly title: string;
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

/** At most this many passages are downloaded to check candidates for one page: a query with few true matches stays cheap. */
export const MAX_CHECKS_PER_PAGE = 160;

interface Layout {
  /** The post of each passage. */
  readonly docOf: Uint32Array;
  /** The first passage of each post, and the number of passages at the end. */
  readonly first: Uint32Array;
}

const utf8 = new TextDecoder();

export async function openSearch(load: LoadBytes): Promise<{ manifest: SearchManifest; search: (query: string) => Promise<SearchResults> }> {
  const manifest = JSON.parse(utf8.decode(await load(MANIFEST_FILE))) as SearchManifest;
  if (manifest.version !== 4) throw new Error(`search index: unknown version ${String(manifest.version)}`);
  const removed = new Set(manifest.removed);
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return p;
  };
  const shard = (file: string): Promise<Map<string, ShardEntry>> => once(file, async () => readShard(await load(file)));
  /** A key's passages: its list in each segment, one after the other (segments follow passage order). */
  const postingsOf = async (key: string): Promise<Uint32Array> => {
    const parts = await Promise.all(manifest.segments.map(async (seg) => {
      const e = (await shard(shardFile(seg.id, shardOf(key, seg.shards)))).get(key);
      return e ? decodePostings(e) : new Uint32Array(0);
    }));
    return parts.length === 1 ? parts[0]! : concatLists(parts);
  };
  const layout = (): Promise<Layout> => once(STARTS_FILE, async () => decodeStarts(await gunzipBytes(await load(STARTS_FILE)), manifest));
  const search = async (query: string): Promise<SearchResults> => {
    const terms = queryTerms(query);
    const wanted = terms.map((t) => termKeys(t, manifest.prefixMax));
    const keys = [...new Set(wanted.flatMap((w) => w.keys))];
    const [lists, map] = await Promise.all([
      Promise.all(keys.map(postingsOf)),
      terms.length ? layout() : Promise.resolve({ docOf: new Uint32Array(0), first: new Uint32Array(1) }),
    ]);
    const byKey = new Map(keys.map((k, i) => [k, lists[i]!]));
    const passages = wanted.map((w) => intersectPostings(w.keys.map((k) => byKey.get(k)!)));
    let docs = terms.length ? intersectPostings(passages.map((p) => docsOf(p, map.docOf))) : new Uint32Array(0);
    if (removed.size) docs = docs.filter((d) => !removed.has(d));
    const exact = wanted.map((w) => w.exact);
    const texts = async (doc: number): Promise<PostTexts> => parsePostTexts(utf8.decode(await gunzipBytes(await load(textFile(doc, manifest.perFolder)))));
    return resultsOf({ terms, exact, passages, docs, map, texts });
  };
  return { manifest, search };
}

interface Query {
  readonly terms: readonly Term[];
  readonly exact: readonly boolean[];
  /** Per term: the passages holding all its keys, ascending. */
  readonly passages: readonly Uint32Array[];
  /** Posts where every term has such a passage, ascending. */
  readonly docs: Uint32Array;
  readonly map: Layout;
  /** Fetches a post's text file. */
  readonly texts: (doc: number) => Promise<PostTexts>;
}

function resultsOf(q: Query): SearchResults {
  const order = q.docs.slice().reverse(); // newest first: posts are numbered oldest first
  const allExact = q.exact.every(Boolean);
  // Passages downloaded, for the budget of a page: a post's file holds all of its passages,
  // fetched once per query.
  let fetched = 0;
  const opened = new Map<number, Promise<PostTexts>>();
  const passage = async (p: number): Promise<{ record: PassageRecord; folded: string }> => {
    const doc = q.map.docOf[p]!;
    let texts = opened.get(doc);
    if (!texts) {
      opened.set(doc, (texts = q.texts(doc)));
      fetched += q.map.first[doc + 1]! - q.map.first[doc]!;
    }
    const record = passageOf(await texts, p - q.map.first[doc]!);
    return { record, folded: foldText(record.text) };
  };
  const candidatesIn = (t: number, doc: number): Uint32Array => within(q.passages[t]!, q.map.first[doc]!, q.map.first[doc + 1]!);
  const hitOf = (doc: number, r: PassageRecord): SearchHit => ({
    id: doc, href: r.href, date: r.date, source: r.source, title: r.title, snippet: makeSnippet(r.text, q.terms, r.bodyStart),
  });
  /** The post as a result, or undefined when a term that needs checking is in none of its candidate passages. */
  const check = async (doc: number): Promise<SearchHit | undefined> => {
    let shown: PassageRecord | undefined;
    for (let t = 0; t < q.terms.length; t++) {
      if (q.exact[t]) continue;
      let found = false;
      for (const p of candidatesIn(t, doc)) {
        const { record, folded } = await passage(p);
        if (findTerm(folded, q.terms[t]!) < 0) continue;
        shown ??= record;
        found = true;
        break;
      }
      if (!found) return undefined;
    }
    return hitOf(doc, shown ?? (await passage(candidatesIn(0, doc)[0]!)).record);
  };

  const verified: SearchHit[] = [];
  let checked = 0;
  const page = async (index: number, size: number): Promise<{ hits: SearchHit[]; more: boolean }> => {
    const want = (index + 1) * size;
    if (allExact) {
      const hits = await Promise.all(Array.from(order.subarray(index * size, want), check));
      return { hits: hits.filter((h): h is SearchHit => h !== undefined), more: want < order.length };
    }
    const budget = fetched + MAX_CHECKS_PER_PAGE;
    while (verified.length < want && checked < order.length && fetched < budget) {
      const batch = Array.from(order.subarray(checked, checked + size));
      checked += batch.length;
      for (const hit of await Promise.all(batch.map(check))) if (hit) verified.push(hit);
    }
    return { hits: verified.slice(index * size, want), more: verified.length > want || checked < order.length };
  };
  // One page at a time: checks go on in order, so results stay newest first.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    terms: q.terms,
    candidates: order.length,
    count: () => (allExact ? { found: order.length, unchecked: 0 } : { found: verified.length, unchecked: order.length - checked }),
    page(index, size) {
      const next = queue.then(() => page(index, size), () => page(index, size));
      queue = next;
      return next;
    },
  };
}

/** Bit p of the starts file marks passage p as the first of a post. */
function decodeStarts(bits: Uint8Array, m: SearchManifest): Layout {
  const docOf = new Uint32Array(m.passages);
  const first = new Uint32Array(m.docs + 1);
  let doc = -1;
  for (let p = 0; p < m.passages; p++) {
    if ((bits[p >> 3]! >> (p & 7)) & 1) first[++doc] = p;
    docOf[p] = doc;
  }
  if (doc !== m.docs - 1) throw new Error('search index: starts file does not match the manifest');
  first[m.docs] = m.passages;
  return { docOf, first };
}

/** The posts of ascending passages, ascending and without repeats. */
function docsOf(passages: Uint32Array, docOf: Uint32Array): Uint32Array {
  const out: number[] = [];
  for (const p of passages) {
    const d = docOf[p]!;
    if (out[out.length - 1] !== d) out.push(d);
  }
  return Uint32Array.from(out);
}

function concatLists(lists: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    out.set(l, at);
    at += l.length;
  }
  return out;
}

/** The values of an ascending list in [from, to). */
function within(list: Uint32Array, from: number, to: number): Uint32Array {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < list.length && list[end]! < to) end++;
  return list.subarray(lo, end);
}
