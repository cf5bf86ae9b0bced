/*
 * Search runtime: reading shards and posting lists (see fold.ts for the rules of these modules).
 *
 * A shard file: varint key count; per key (sorted): varint UTF-8 length, the key, varint
 * (posting bytes * 2 + kind); then the posting lists in the same order. A posting list holds
 * ascending document numbers, either as varints (the first, then the gaps; kind 0) or as a
 * bitmap (bit n of byte n >> 3, low bit first; kind 1) — whichever is smaller, so no list is
 * larger than one bit per document of the archive.
 */

export interface ShardEntry {
  readonly bitmap: boolean;
  readonly bytes: Uint8Array;
}

/** Reads LEB128 varints (up to 2^53) from a byte array. */
export class VarintReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.pos++];
      if (b === undefined) throw new Error('search index: truncated varint');
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }
}

const keyDecoder = new TextDecoder();

/** The keys of a shard file and where each posting list lies. */
export function readShard(data: Uint8Array): Map<string, ShardEntry> {
  const r = new VarintReader(data);
  const count = r.next();
  const heads: Array<{ key: string; length: number; bitmap: boolean }> = [];
  for (let i = 0; i < count; i++) {
    const keyLength = r.next();
    const key = keyDecoder.decode(data.subarray(r.pos, r.pos + keyLength));
    r.pos += keyLength;
    const v = r.next();
    heads.push({ key, length: Math.floor(v / 2), bitmap: v % 2 === 1 });
  }
  const entries = new Map<string, ShardEntry>();
  let at = r.pos;
  for (const h of heads) {
    entries.set(h.key, { bitmap: h.bitmap, bytes: data.subarray(at, at + h.length) });
    at += h.length;
  }
  if (at !== data.length) throw new Error('search index: shard length mismatch');
  return entries;
}

/** The document numbers of a posting list, ascending. */
export function decodePostings(e: ShardEntry): Uint32Array {
  if (e.bitmap) {
    const ids: number[] = [];
    for (let i = 0; i < e.bytes.length; i++) {
      let b = e.bytes[i]!;
      for (let bit = 0; b !== 0; bit++, b >>= 1) if (b & 1) ids.push(i * 8 + bit);
    }
    return Uint32Array.from(ids);
  }
  const r = new VarintReader(e.bytes);
  const ids: number[] = [];
  let id = 0;
  for (let first = true; r.pos < e.bytes.length; first = false) {
    id = first ? r.next() : id + r.next();
    ids.push(id);
  }
  return Uint32Array.from(ids);
}

/** The numbers present in every list (each ascending), ascending. */
export function intersectPostings(lists: readonly Uint32Array[]): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let acc = sorted[0]!;
  for (const list of sorted.slice(1)) {
    const out: number[] = [];
    let j = 0;
    for (let i = 0; i < acc.length; i++) {
      const v = acc[i]!;
      while (j < list.length && list[j]! < v) j++;
      if (j === list.length) break;
      if (list[j] === v) out.push(v);
    }
    acc = Uint32Array.from(out);
  }
  return acc;
}
