import { writeOutputFile } from '../staged-output.js';
import { encodePostings, encodeShard, type EncodedPostings } from './encode-shard.js';
import { shardOfUtf8 } from './keys.js';
import { shardName, SHARDS_FOLDER } from './searcher.js';
import { SpillRuns } from './spill-runs.js';

/**
 * The shards of a segment to be made from its spill runs (see SpillRuns), a group of partitions
 * at a time: each thread that works on them claims the next group from `next`, an index in
 * shared memory. Making the shards was a fifth of indexing 10k posts, on one thread while the
 * other threads had finished their pages.
 */
export interface ShardWork {
  /** The folder of the spill runs, every partition flushed to its file. */
  readonly dir: string;
  readonly partitions: number;
  readonly shards: number;
  readonly segment: string;
  /** The next group to claim (an Int32Array of one, on a SharedArrayBuffer). */
  readonly next: Int32Array;
}

export interface ShardTotals {
  keys: number;
  /** Shard files made. */
  files: number;
  shardBytes: number;
  largestShard: number;
}

/** Makes and writes, on another thread, the shards of the groups it claims (the caller claims the others). */
export type ShardHelper = (work: ShardWork) => Promise<ShardTotals>;

export const noShards = (): ShardTotals => ({ keys: 0, files: 0, shardBytes: 0, largestShard: 0 });

export function addShard(totals: ShardTotals, shard: MadeShard): void {
  totals.keys += shard.keys;
  totals.files++;
  totals.shardBytes += shard.data.length;
  totals.largestShard = Math.max(totals.largestShard, shard.data.length);
}

export interface MadeShard {
  /** The file, relative to the shards' folder (SHARDS_FOLDER). */
  readonly name: string;
  readonly data: Uint8Array;
  readonly keys: number;
}

/** The shards of each group this thread claims, in turn. */
export function* claimedShards(runs: SpillRuns, work: ShardWork): Generator<MadeShard> {
  const groups = shardGroups(work.shards, work.partitions);
  for (let g = Atomics.add(work.next, 0, 1); g < groups.length; g = Atomics.add(work.next, 0, 1)) {
    const group = groups[g]!;
    const buckets = new Map<number, Array<[string, EncodedPostings]>>(group.shards.map((s) => [s, []]));
    // A group of one shard holds all its partitions' keys: no key needs its shard worked out
    // (a small segment's shards are all such).
    const only = group.shards.length === 1 ? buckets.get(group.shards[0]!)! : undefined;
    for (const p of group.partitions) {
      for (const [key, ids] of runs.read(p)) (only ?? buckets.get(shardOfUtf8(key, work.shards))!).push([key, encodePostings(ids)]);
    }
    for (const [s, entries] of buckets) yield { name: shardName(work.segment, s), data: encodeShard(entries), keys: entries.length };
  }
}

/** How many groups claimedShards hands out: more than one, and another thread can help. */
export const shardGroupCount = (work: Pick<ShardWork, 'shards' | 'partitions'>): number => shardGroups(work.shards, work.partitions).length;

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

/**
 * The helper thread's side (a job, see ASIDE_JOBS): makes the shards of the groups it claims
 * and writes them under `folder` (the shards' folder, absolute). A file it cannot write is
 * named in the error (`path`).
 */
export function writeClaimedShards(input: ShardWork & { readonly folder: string }): ShardTotals {
  const totals = noShards();
  for (const shard of claimedShards(new SpillRuns(input.dir, input.partitions), input)) {
    const path = `${input.folder}/${shard.name}`;
    try {
      writeOutputFile(path, shard.data);
    } catch (err) {
      throw Object.assign(new Error((err as Error).message), { path });
    }
    addShard(totals, shard);
  }
  return totals;
}
