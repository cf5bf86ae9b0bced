import { encodePostings, encodeShard, type EncodedPostings } from './encode-shard.js';
import { foldText } from './fold.js';
import { forEachKey, shardOfUtf8 } from './keys.js';
import { PostingBatch } from './posting-batch.js';
import { shardFile } from './searcher.js';
import { SpillRuns } from './spill-runs.js';

export interface IndexCoreOptions {
  /** Spill postings to disk after this many (passage, key) pairs: bounds the memory. */
  readonly batchPostings: number;
  /** The number of shards is the power of two that brings the average shard near this size. */
  readonly targetShardBytes: number;
  /** Word prefixes indexed up to this many characters. */
  readonly prefixMax: number;
}

export interface ShardStats {
  readonly shards: number;
  readonly keys: number;
  readonly postings: number;
  readonly shardBytes: number;
  readonly largestShard: number;
}

/** Writes a file relative to the search folder. */
export type ShardWrite = (rel: string, data: Uint8Array) => Promise<void>;

/**
 * The posting side of the indexer: passages in (numbered in order), shard files out. Memory
 * stays bounded: postings go to spill files (in `dir`) per batch and come back a partition at
 * a time.
 */
export class IndexCore {
  private readonly runs: SpillRuns;
  private readonly batch = new PostingBatch();
  private postings = 0;

  constructor(dir: string, private readonly o: IndexCoreOptions) {
    this.runs = new SpillRuns(dir);
  }

  /** Indexes passage `p` (numbers ascending across calls). */
  add(p: number, text: string): void {
    forEachKey(foldText(text), this.o.prefixMax, (key) => this.batch.addCode(key, p), (key) => this.batch.addText(key, p));
    if (this.batch.size >= this.o.batchPostings) this.spill();
  }

  /** Writes the shards into the segment's folder (see SearchManifest.segments). */
  async finish(segment: string, write: ShardWrite): Promise<ShardStats> {
    this.spill();
    let shards = 1;
    while (shards * this.o.targetShardBytes < this.runs.bytes) shards *= 2;
    let keys = 0;
    let shardBytes = 0;
    let largestShard = 0;
    for (const group of shardGroups(shards, this.runs.partitions)) {
      const buckets = new Map<number, Array<[string, EncodedPostings]>>(group.shards.map((s) => [s, []]));
      // A group of one shard holds all its partitions' keys: no key needs its shard worked out
      // (a small segment's shards are all such).
      const only = group.shards.length === 1 ? buckets.get(group.shards[0]!)! : undefined;
      for (const p of group.partitions) {
        for (const [key, ids] of this.runs.read(p)) {
          (only ?? buckets.get(shardOfUtf8(key, shards))!).push([key, encodePostings(ids)]);
          keys++;
        }
      }
      for (const [s, entries] of buckets) {
        const data = encodeShard(entries);
        shardBytes += data.length;
        largestShard = Math.max(largestShard, data.length);
        await write(shardFile(segment, s), data);
      }
    }
    return { shards, keys, postings: this.postings, shardBytes, largestShard };
  }

  private spill(): void {
    this.postings += this.batch.size;
    this.runs.spill(this.batch);
    this.batch.clear();
  }
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
