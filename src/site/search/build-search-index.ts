import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { formatDocRecord, searchedText, type DocRecord } from './doc-record.js';
import { encodePostings, encodeShard } from './encode-shard.js';
import { foldText } from './fold.js';
import { codeKeyText, forEachKey, shardOf } from './keys.js';
import { docFile, MANIFEST_FILE, shardFile, type SearchManifest } from './searcher.js';
import { SpillRuns } from './spill-runs.js';

const gzipAsync = promisify(gzip);

export interface SearchIndexOptions {
  /** Spill postings to disk after this many (document, key) pairs: bounds the memory. */
  readonly batchPostings?: number;
  /** The number of shards is the power of two that brings the average shard near this size. */
  readonly targetShardBytes?: number;
  /** Word prefixes indexed up to this many characters; longer word terms are verified. */
  readonly prefixMax?: number;
  /** Runs of ideographs are indexed by n-grams up to this length (2 or 3). */
  readonly gramMax?: number;
  readonly docsPerFolder?: number;
  /** Where the spill files go (a fresh folder inside it, removed at the end). */
  readonly tmpDir?: string;
  /** True when document `id`'s file, as the last build wrote it, is still right: it is not written again. */
  readonly keepDoc?: (id: number) => boolean;
}

export interface SearchIndexStats {
  readonly docs: number;
  readonly shards: number;
  readonly keys: number;
  readonly postings: number;
  readonly shardBytes: number;
  readonly largestShard: number;
  /** Bytes of the document files written (kept ones not counted). */
  readonly docBytes: number;
}

/** Writes a file relative to the search folder; `docId` is set for a document's file. */
export type SearchWrite = (rel: string, data: Uint8Array | string, docId?: number) => Promise<void>;

export const SEARCH_DEFAULTS = { batchPostings: 4_000_000, targetShardBytes: 48 * 1024, prefixMax: 8, gramMax: Number(process.env.GRAM ?? 3), docsPerFolder: 1000 } as const;

/**
 * Builds the static search index from documents given oldest first (they are numbered in that
 * order): one gzipped record per document, the posting lists in shards, and the manifest last.
 * Memory stays bounded: postings go to spill files per batch and come back a partition at a time.
 */
export async function buildSearchIndex(docs: AsyncIterable<DocRecord>, write: SearchWrite, options: SearchIndexOptions = {}): Promise<SearchIndexStats> {
  const o = { ...SEARCH_DEFAULTS, ...options };
  const dir = await mkdtemp(join(o.tmpDir ?? tmpdir(), 'samizdat-search-'));
  try {
    const runs = new SpillRuns(dir);
    const codes = new Map<number, number[]>();
    const texts = new Map<string, number[]>();
    const docCodes = new Set<number>();
    const docTexts = new Set<string>();
    let pending = 0;
    let postings = 0;
    let docBytes = 0;
    const writes = new Set<Promise<void>>();
    const spill = (): void => {
      runs.spill(batchEntries(codes, texts));
      codes.clear();
      texts.clear();
      pending = 0;
    };

    let id = 0;
    for await (const record of docs) {
      const n = id++;
      docCodes.clear();
      docTexts.clear();
      forEachKey(foldText(searchedText(record)), o.prefixMax, o.gramMax, (k) => docCodes.add(k), (k) => docTexts.add(k));
      for (const k of docCodes) push(codes, k, n);
      for (const k of docTexts) push(texts, k, n);
      pending += docCodes.size + docTexts.size;
      postings += docCodes.size + docTexts.size;
      if (pending >= o.batchPostings) spill();
      if (o.keepDoc?.(n)) continue;
      // Compression runs on the thread pool while the next document is folded.
      const w = gzipAsync(formatDocRecord(record)).then(async (gz) => {
        docBytes += gz.length;
        await write(docFile(n, o.docsPerFolder), gz, n);
      });
      writes.add(w);
      void w.then(() => writes.delete(w), () => undefined);
      if (writes.size >= 16) await Promise.race(writes);
    }
    spill();
    await Promise.all(writes);

    let shards = 1;
    while (shards * o.targetShardBytes < runs.bytes) shards *= 2;
    const hash = createHash('sha1');
    let keys = 0;
    let shardBytes = 0;
    let largestShard = 0;
    for (const group of shardGroups(shards, runs.partitions)) {
      const buckets = new Map<number, Array<[string, ReturnType<typeof encodePostings>]>>(group.shards.map((s) => [s, []]));
      for (const p of group.partitions) {
        for (const [key, ids] of runs.read(p)) {
          buckets.get(shardOf(key, shards))!.push([key, encodePostings(ids)]);
          keys++;
        }
      }
      for (const [s, entries] of buckets) {
        const data = encodeShard(entries);
        hash.update(data);
        shardBytes += data.length;
        largestShard = Math.max(largestShard, data.length);
        await write(shardFile(s), data);
      }
    }
    const manifest: SearchManifest = {
      version: 1, docs: id, shards, prefixMax: o.prefixMax, gramMax: o.gramMax, docsPerFolder: o.docsPerFolder, build: hash.digest('hex').slice(0, 16),
    };
    await write(MANIFEST_FILE, `${JSON.stringify(manifest)}\n`);
    return { docs: id, shards, keys, postings, shardBytes, largestShard, docBytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function* batchEntries(codes: Map<number, number[]>, texts: Map<string, number[]>): Iterable<readonly [string, readonly number[]]> {
  for (const [k, ids] of codes) yield [codeKeyText(k), ids];
  yield* texts;
}

/**
 * Which spill partitions make which shards. Shard s holds the keys whose hash ≡ s (mod shards)
 * and partition p those ≡ p (mod partitions), both powers of two: with more shards than
 * partitions a partition splits into several shards, with fewer several partitions make one.
 */
function shardGroups(shards: number, partitions: number): Array<{ partitions: number[]; shards: number[] }> {
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  if (shards >= partitions) {
    return range(partitions).map((p) => ({ partitions: [p], shards: range(shards / partitions).map((k) => p + k * partitions) }));
  }
  return range(shards).map((s) => ({ partitions: range(partitions).filter((p) => p % shards === s), shards: [s] }));
}
