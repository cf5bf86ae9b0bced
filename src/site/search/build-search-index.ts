import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ByteSink } from './encode-shard.js';
import { IndexCore } from './index-core.js';
import { formatPassage } from './passage-record.js';
import { MANIFEST_FILE, STARTS_FILE, textFile, type SearchManifest } from './searcher.js';
import { splitPassages } from './split-passages.js';

/** A post as the indexer receives it. */
export interface SearchDoc {
  /** The post page, relative to the search page. */
  readonly href: string;
  /** As displayed, in the site's time zone. */
  readonly date: string;
  readonly source: string;
  readonly title: string;
  /** The content as plain text. */
  readonly body: string;
}

export interface SearchIndexOptions {
  /** Spill postings to disk after this many (passage, key) pairs: bounds the memory. */
  readonly batchPostings?: number;
  /** The number of shards is the power of two that brings the average shard near this size. */
  readonly targetShardBytes?: number;
  /** Word prefixes indexed up to this many characters; longer word terms are verified. */
  readonly prefixMax?: number;
  readonly perFolder?: number;
  /** Where the spill files go (a fresh folder inside it, removed at the end). */
  readonly tmpDir?: string;
  /** True when post `doc`'s `parts` text files, as the last build wrote them, are still right: they are not written again. */
  readonly keepTexts?: (doc: number, parts: number) => boolean;
}

export interface SearchIndexStats {
  readonly docs: number;
  readonly passages: number;
  readonly shards: number;
  readonly keys: number;
  readonly postings: number;
  readonly shardBytes: number;
  readonly largestShard: number;
  /** Bytes of the text files written (kept ones not counted). */
  readonly textBytes: number;
}

/** Writes a file relative to the search folder; `doc` is set for a post's text files. */
export type SearchWrite = (rel: string, data: Uint8Array | string, doc?: number) => Promise<void>;

export const SEARCH_DEFAULTS = { batchPostings: 4_000_000, targetShardBytes: 48 * 1024, prefixMax: 8, perFolder: 1000 } as const;

/**
 * Builds the static search index from posts given oldest first (they are numbered in that
 * order): each post's text in gzipped passages, the passage→post map, the posting lists in
 * shards (IndexCore: memory stays bounded), the manifest last.
 */
export async function buildSearchIndex(docs: AsyncIterable<SearchDoc>, write: SearchWrite, options: SearchIndexOptions = {}): Promise<SearchIndexStats> {
  const o = { ...SEARCH_DEFAULTS, ...options };
  const dir = await mkdtemp(join(o.tmpDir ?? tmpdir(), 'samizdat-search-'));
  const core = new IndexCore(dir, o);
  try {
    const starts = new ByteSink();
    let textBytes = 0;
    const writes = new Set<Promise<void>>();
    let doc = 0;
    let passage = 0;
    for await (const d of docs) {
      const n = doc++;
      const parts = splitPassages(d.title, d.body);
      const keep = o.keepTexts?.(n, parts.length) ?? false;
      for (const [k, part] of parts.entries()) {
        const p = passage++;
        if (k === 0) markStart(starts, p);
        core.add(p, part.text);
        if (keep) continue;
        const record = { href: d.href, date: d.date, source: d.source, title: d.title, doc: n, bodyStart: part.bodyStart, text: part.text };
        const w = (async () => {
          const gz = gzipSync(formatPassage(record));
          textBytes += gz.length;
          await write(textFile(n, k, o.perFolder), gz, n);
        })();
        writes.add(w);
        void w.then(() => writes.delete(w), () => undefined);
        if (writes.size >= 16) await Promise.race(writes);
      }
    }
    await Promise.all(writes);
    await write(STARTS_FILE, gzipSync(starts.view()));
    const s = await core.finish((rel, data) => write(rel, data));
    const build = createHash('sha1').update(s.digest).update(starts.view()).digest('hex').slice(0, 16);
    const manifest: SearchManifest = { version: 2, docs: doc, passages: passage, shards: s.shards, prefixMax: o.prefixMax, perFolder: o.perFolder, build };
    await write(MANIFEST_FILE, `${JSON.stringify(manifest)}\n`);
    return { docs: doc, passages: passage, shards: s.shards, keys: s.keys, postings: s.postings, shardBytes: s.shardBytes, largestShard: s.largestShard, textBytes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Sets bit p of the starts bitmap (see STARTS_FILE), growing it as passages come. */
function markStart(bits: ByteSink, p: number): void {
  while (bits.length <= p >> 3) bits.varint(0);
  bits.view()[p >> 3]! |= 1 << (p & 7);
}
