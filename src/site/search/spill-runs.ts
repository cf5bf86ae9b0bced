import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ByteSink } from './encode-shard.js';
import { shardOf, shardOfCode } from './keys.js';
import type { PostingBatch } from './posting-batch.js';
import { VarintReader } from './postings.js';

/** Encoded postings held in memory before they go to the partition files. */
const HELD_BYTES = 32 * 1024 * 1024;

/**
 * Posting lists, encoded, while the index is built (an external sort: the postings of 100k posts
 * would not fit the build's memory budget as JS arrays). Each batch of documents goes to one of
 * `partitions` by the key's shard hash; since batches come in document order, a key's lists read
 * back from all batches concatenate into one ascending list. A partition holds exactly the keys
 * of the shards congruent to it, so shards are written one partition at a time. Partitions stay
 * in memory up to HELD_BYTES, then are appended to files in `dir`: a small segment (an hourly
 * build's few posts) makes no files.
 */
export class SpillRuns {
  /** Bytes spilled so far (about the size of the final index). */
  bytes = 0;
  private held = 0;
  private readonly sinks: ByteSink[];

  constructor(private readonly dir: string, readonly partitions = 256, private readonly heldBytes = HELD_BYTES) {
    this.sinks = Array.from({ length: partitions }, () => new ByteSink());
  }

  private file(p: number): string {
    return join(this.dir, `run-${p}.bin`);
  }

  /** Appends one batch: each key with its ascending document numbers, all above those of earlier batches. */
  spill(batch: PostingBatch): void {
    batch.forEachList((code, text, ids, from, to) => {
      const sink = this.sinks[text === undefined ? shardOfCode(code, this.partitions) : shardOf(text, this.partitions)]!;
      sink.key(code, text);
      sink.varint(to - from);
      let prev = 0;
      for (let i = from; i < to; i++) {
        sink.varint(ids[i]! - prev);
        prev = ids[i]!;
      }
    });
    const before = this.held;
    this.held = this.sinks.reduce((n, sink) => n + sink.length, 0);
    this.bytes += this.held - before;
    if (this.held > this.heldBytes) this.flush();
  }

  /** Appends what is held to the partition files: another thread can then read every partition (see read). */
  flush(): void {
    for (let p = 0; p < this.partitions; p++) {
      const sink = this.sinks[p]!;
      if (!sink.length) continue;
      appendFileSync(this.file(p), sink.view());
      sink.reset();
    }
    this.held = 0;
  }

  /**
   * Every key of a partition (its UTF-8 bytes as a latin1 string: no decoding) with its whole
   * list. Another SpillRuns on the same `dir` (another thread's) reads what this one flushed.
   */
  read(p: number): Map<string, number[]> {
    const lists = new Map<string, number[]>();
    const held = this.sinks[p]!.view();
    const data = existsSync(this.file(p)) ? Buffer.concat([readFileSync(this.file(p)), held]) : Buffer.from(held.buffer, held.byteOffset, held.length);
    const r = new VarintReader(data);
    while (r.pos < data.length) {
      const length = r.next();
      const key = data.toString('latin1', r.pos, r.pos + length);
      r.pos += length;
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      let id = 0;
      for (let n = r.next(); n > 0; n--) list.push((id += r.next()));
    }
    return lists;
  }
}
