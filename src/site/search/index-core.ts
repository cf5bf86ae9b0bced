import { foldText } from './fold.js';
import { forEachKey } from './keys.js';
import { PostingBatch } from './posting-batch.js';
import { addShard, claimedShards, noShards, shardGroupCount, type ShardHelper, type ShardTotals, type ShardWork } from './shard-work.js';
import { SHARDS_FOLDER } from './searcher.js';
import { SpillRuns } from './spill-runs.js';

export interface IndexCoreOptions {
  /** Spill postings to disk after this many (passage, key) pairs: bounds the memory. */
  readonly batchPostings: number;
  /** The number of shards is the power of two that brings the average shard near this size. */
  readonly targetShardBytes: number;
  /** Word prefixes indexed up to this many characters. */
  readonly prefixMax: number;
  /**
   * A helper makes shards only of a segment with at least this many spilled bytes: handing
   * over writes every partition's runs to a file first (256 appends: 80 ms in a profiled
   * hourly build at 100k posts), and one thread makes a small segment's shards in less (the
   * 10k bench archive's 34 MB of runs took ~0.7 s, so 4 MB ~80 ms).
   */
  readonly helperMinBytes: number;
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

  constructor(private readonly dir: string, private readonly o: IndexCoreOptions) {
    this.runs = new SpillRuns(dir);
  }

  /** Indexes passage `p` (numbers ascending across calls). */
  add(p: number, text: string): void {
    forEachKey(foldText(text), this.o.prefixMax, (key) => this.batch.addCode(key, p), (key) => this.batch.addText(key, p));
    if (this.batch.size >= this.o.batchPostings) this.spill();
  }

  /**
   * Writes the shards into the segment's folder (see SearchManifest.segments); with a `helper`,
   * another thread makes some of them meanwhile.
   */
  async finish(segment: string, write: ShardWrite, helper?: ShardHelper): Promise<ShardStats> {
    this.spill();
    let shards = 1;
    while (shards * this.o.targetShardBytes < this.runs.bytes) shards *= 2;
    const work: ShardWork = { dir: this.dir, partitions: this.runs.partitions, shards, segment, next: new Int32Array(new SharedArrayBuffer(4)) };
    let theirs: Promise<ShardTotals> | undefined;
    if (helper && this.runs.bytes >= this.o.helperMinBytes && shardGroupCount(work) > 1) {
      this.runs.flush();
      theirs = helper(work);
      theirs.catch(() => undefined); // (awaited below, also when this thread fails first)
    }
    const totals = noShards();
    try {
      for (const shard of claimedShards(this.runs, work)) {
        await write(SHARDS_FOLDER + shard.name, shard.data);
        addShard(totals, shard);
      }
    } finally {
      // The spill runs are removed once this returns: not while the helper reads them.
      await theirs?.catch(() => undefined);
    }
    const other = theirs ? await theirs : noShards();
    return {
      shards, keys: totals.keys + other.keys, postings: this.postings, shardBytes: totals.shardBytes + other.shardBytes,
      largestShard: Math.max(totals.largestShard, other.largestShard),
    };
  }

  private spill(): void {
    this.postings += this.batch.size;
    this.runs.spill(this.batch);
    this.batch.clear();
  }
}
