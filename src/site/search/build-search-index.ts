import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ByteSink } from './encode-shard.js';
import { IndexCore } from './index-core.js';
import type { ShardHelper } from './shard-work.js';
import { formatPostTexts } from './passage-record.js';
import { MANIFEST_FILE, STARTS_FILE, textFile, type SearchManifest, type SearchSegment } from './searcher.js';
import { splitPassages } from './split-passages.js';

/** A post as the indexer receives it. */
export interface SearchDoc {
  /** Its number in the index (see SearchManifest.docs). */
  readonly id: number;
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
  /** True when post `doc`'s text file (of `parts` passages), as the last build wrote it, is still right: it is not written again. */
  readonly keepTexts?: (doc: number, parts: number) => boolean;
  /**
   * Gzips and writes text files (paths relative to the search folder), a batch at a time: the
   * site's build hands them to a helper thread. By default they are gzipped here and go to `write`.
   */
  readonly writeTexts?: TextsWrite;
  /** Makes some of the shards on another thread (see ShardWork): the site's build hands them to its helper thread. */
  readonly shardHelper?: ShardHelper;
  /** The helper gets no part of a segment with fewer spilled bytes than this (see IndexCoreOptions). */
  readonly helperMinBytes?: number;
}

/** Writes a batch of text files: [path relative to the search folder, text to gzip]. */
export type TextsWrite = (batch: ReadonlyArray<readonly [rel: string, text: string]>) => void | Promise<void>;

export interface SegmentStats {
  /** A hash of what the segment indexes: its files never change under one id. */
  readonly id: string;
  readonly shards: number;
  /** Passages of each post, in the order given. */
  readonly parts: readonly number[];
  readonly passages: number;
  readonly keys: number;
  readonly postings: number;
  readonly shardBytes: number;
  readonly largestShard: number;
}

/** A post removed from the site inside a segment indexed again: its number keeps one empty passage. */
export interface GoneDoc {
  readonly id: number;
  readonly gone: true;
}

/** Writes a file relative to the search folder: a post's text file, or a file of a segment. */
export type SearchWrite = (rel: string, data: Uint8Array | string) => Promise<void>;

/**
 * Compression of the text files: level 1. On the 10k bench archive's 60 MB of texts it took
 * 0.93 s against level 6's 1.48 s, for files 4% larger (CJK text compresses about 2:1 at any level).
 */
const TEXT_GZIP = { level: 1 } as const;

/** The contents of text files, gzipped (a task of the build's helper thread: see ASIDE_TASKS). */
export function gzipTexts(input: { readonly texts: readonly string[] }): Uint8Array[] {
  return input.texts.map((text) => gzipSync(text, TEXT_GZIP));
}

/** Text files handed over together: fewer messages to the helper thread. */
const TEXT_BATCH = 64;

/** Part of every segment's id: bump when the shard format changes. */
const SEGMENT_FORMAT = 'segment-2';

export const SEARCH_DEFAULTS = { batchPostings: 4_000_000, targetShardBytes: 48 * 1024, prefixMax: 8, perFolder: 1000, helperMinBytes: 4 * 1024 * 1024 } as const;

/**
 * Indexes one segment of the search index: posts given in index order, their passages numbered
 * from `firstPassage` on. Writes each post's text in gzipped passages (unless kept) and the
 * segment's posting lists in shards (IndexCore: memory stays bounded), in a folder named by a
 * hash of everything indexed. The manifest and the passage→post map are the caller's: they
 * cover every segment.
 */
export async function indexSegment(
  firstPassage: number, docs: AsyncIterable<SearchDoc | GoneDoc>, write: SearchWrite, options: SearchIndexOptions = {},
): Promise<SegmentStats> {
  const o = { ...SEARCH_DEFAULTS, ...options };
  const dir = await mkdtemp(join(o.tmpDir ?? tmpdir(), 'samizdat-search-'));
  const core = new IndexCore(dir, o);
  const hash = createHash('sha1').update(JSON.stringify([SEGMENT_FORMAT, firstPassage, o.prefixMax, o.targetShardBytes]));
  const writeTexts: TextsWrite = o.writeTexts ?? (async (batch) => {
    const gz = gzipTexts({ texts: batch.map(([, text]) => text) });
    for (const [i, [rel]] of batch.entries()) await write(rel, gz[i]!);
  });
  try {
    const parts: number[] = [];
    const batch: Array<[string, string]> = [];
    let passage = firstPassage;
    for await (const d of docs) {
      if ('gone' in d) {
        hash.update('\u0000gone');
        parts.push(1);
        passage++;
        continue;
      }
      const split = splitPassages(d.title, d.body);
      parts.push(split.length);
      for (const part of split) core.add(passage++, part.text);
      const texts = formatPostTexts({ href: d.href, date: d.date, source: d.source, title: d.title, doc: d.id, bodyStart: split[0]!.bodyStart, passages: split.map((part) => part.text) });
      hash.update('\u0000').update(texts);
      if (o.keepTexts?.(d.id, split.length)) continue;
      batch.push([textFile(d.id, o.perFolder), texts]);
      if (batch.length === TEXT_BATCH) await writeTexts(batch.splice(0));
    }
    if (batch.length) await writeTexts(batch);
    const segment = hash.digest('base64url').slice(0, 12);
    const s = await core.finish(segment, write, o.shardHelper);
    return { id: segment, shards: s.shards, parts, passages: passage - firstPassage, keys: s.keys, postings: s.postings, shardBytes: s.shardBytes, largestShard: s.largestShard };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The files that tie the segments together: the manifest (search/index.json) and the
 * passage→post map (search/starts.bin), from the passages of each post in index order.
 */
export function indexFiles(parts: readonly number[], segments: readonly SearchSegment[], removed: readonly number[]): { manifest: string; starts: Uint8Array } {
  const starts = startsBitmap(parts);
  const build = createHash('sha1').update(JSON.stringify(segments)).update(removed.join(',')).update(starts).digest('hex').slice(0, 16);
  const manifest: SearchManifest = {
    version: 4, docs: parts.length, passages: parts.reduce((n, p) => n + p, 0), segments, removed,
    prefixMax: SEARCH_DEFAULTS.prefixMax, perFolder: SEARCH_DEFAULTS.perFolder, build,
  };
  return { manifest: `${JSON.stringify(manifest)}\n`, starts };
}

/**
 * A whole index in one segment, posts numbered in the order given (the benchmark and tests;
 * the site's generator keeps segments between builds).
 */
export async function buildSearchIndex(
  docs: AsyncIterable<Omit<SearchDoc, 'id'>>, write: SearchWrite, options: SearchIndexOptions = {},
): Promise<SegmentStats & { readonly docs: number }> {
  let id = 0;
  const numbered = (async function* () {
    for await (const d of docs) yield { ...d, id: id++ };
  })();
  const stats = await indexSegment(0, numbered, write, options);
  const files = indexFiles(stats.parts, [{ id: stats.id, shards: stats.shards, passages: stats.passages }], []);
  await write(STARTS_FILE, files.starts);
  await write(MANIFEST_FILE, files.manifest);
  return { ...stats, docs: stats.parts.length };
}

/** Bit p is set when passage p is the first of a post (gzipped). */
function startsBitmap(parts: readonly number[]): Uint8Array {
  const bits = new ByteSink();
  let p = 0;
  for (const n of parts) {
    while (bits.length <= p >> 3) bits.varint(0);
    bits.view()[p >> 3]! |= 1 << (p & 7);
    p += n;
  }
  return gzipSync(bits.view());
}
