const EMPTY = -1;
/** Partitions of a batch (a power of two): a partition's grouping table then fits a core's cache. */
const PARTITION_BITS = 6;
const PARTITIONS = 1 << PARTITION_BITS;

/** A key of a batch (its code, or its text when it has no code) and its posting list, `docs[from..to)`. */
export type ListVisitor = (code: number, text: string | undefined, docs: Int32Array, from: number, to: number) => void;

/**
 * The postings of a batch of documents, in flat typed arrays: a JS array per key costs ~150
 * bytes, and most keys of a batch occur once, so arrays would need gigabytes at 100k posts.
 *
 * Documents come in ascending order. A key counts once per document: a small table, stamped
 * with the document, drops its repeats (it stays in the cache, being one passage's keys). Each
 * (key, document) pair is then appended to one of PARTITIONS arrays by the key's hash, and
 * forEachList groups each partition on its own: a table of every key of the batch at once
 * (millions) missed the cache on nearly every lookup and cost twice the time.
 * Keys are numbers (see forEachKey); a text key gets a number below EMPTY.
 */
export class PostingBatch {
  private seenKeys = new Float64Array(1 << 13);
  private seenDocs = new Int32Array(1 << 13).fill(EMPTY);
  private seenFor = EMPTY;
  private seenCount = 0;
  private readonly keys = Array.from({ length: PARTITIONS }, () => new Float64Array(1024));
  private readonly docs = Array.from({ length: PARTITIONS }, () => new Int32Array(1024));
  private readonly lengths = new Int32Array(PARTITIONS);
  private readonly textCodes = new Map<string, number>();
  private textOf: string[] = [];
  private pairs = 0;

  /** Postings held. */
  get size(): number {
    return this.pairs;
  }

  addCode(key: number, doc: number): void {
    const h = hashCode(key);
    if (doc !== this.seenFor) {
      this.seenFor = doc;
      this.seenCount = 0;
    }
    const keys = this.seenKeys;
    const docs = this.seenDocs;
    const mask = keys.length - 1;
    let i = h & mask;
    while (docs[i] === doc) {
      if (keys[i] === key) return;
      i = (i + 1) & mask;
    }
    docs[i] = doc;
    keys[i] = key;
    if (++this.seenCount * 2 > keys.length) this.growSeen(doc);
    this.append(h >>> (32 - PARTITION_BITS), key, doc);
  }

  addText(key: string, doc: number): void {
    let code = this.textCodes.get(key);
    if (code === undefined) {
      code = EMPTY - 1 - this.textOf.length;
      this.textCodes.set(key, code);
      this.textOf.push(key);
    }
    this.addCode(code, doc);
  }

  /**
   * Calls back with each key (numeric, or text) and its documents, ascending: `docs[from..to)`
   * (one array per partition, valid during the calls). Grouped by a counting sort of the pairs.
   */
  forEachList(visit: ListVisitor): void {
    for (let p = 0; p < PARTITIONS; p++) {
      const n = this.lengths[p]!;
      if (n === 0) continue;
      const keys = this.keys[p]!;
      const { slotOf, slotKey, slots } = groupKeys(keys, n);
      const start = new Int32Array(slots + 1);
      for (let j = 0; j < n; j++) start[slotOf[j]! + 1]!++;
      for (let s = 0; s < slots; s++) start[s + 1]! += start[s]!;
      const at = start.slice(0, slots);
      const docs = this.docs[p]!;
      const grouped = new Int32Array(n);
      for (let j = 0; j < n; j++) grouped[at[slotOf[j]!]!++] = docs[j]!;
      for (let s = 0; s < slots; s++) {
        const code = slotKey[s]!;
        const text = code < EMPTY ? this.textOf[EMPTY - 1 - code] : undefined;
        visit(text === undefined ? code : EMPTY, text, grouped, start[s]!, start[s + 1]!);
      }
    }
  }

  clear(): void {
    this.lengths.fill(0);
    this.pairs = 0;
    this.textCodes.clear();
    this.textOf = [];
    this.seenDocs.fill(EMPTY);
    this.seenFor = EMPTY;
  }

  private append(p: number, key: number, doc: number): void {
    const n = this.lengths[p]!;
    if (n === this.keys[p]!.length) {
      this.keys[p] = grow(this.keys[p]!, new Float64Array(n * 2));
      this.docs[p] = grow(this.docs[p]!, new Int32Array(n * 2));
    }
    this.keys[p]![n] = key;
    this.docs[p]![n] = doc;
    this.lengths[p] = n + 1;
    this.pairs++;
  }

  /** A document with more keys than the table holds at half load: a table twice the size, with its keys. */
  private growSeen(doc: number): void {
    const keys = this.seenKeys;
    const docs = this.seenDocs;
    this.seenKeys = new Float64Array(keys.length * 2);
    this.seenDocs = new Int32Array(keys.length * 2).fill(EMPTY);
    const mask = this.seenKeys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (docs[j] !== doc) continue;
      let i = hashCode(keys[j]!) & mask;
      while (this.seenDocs[i] === doc) i = (i + 1) & mask;
      this.seenDocs[i] = doc;
      this.seenKeys[i] = keys[j]!;
    }
  }
}

/** Numbers the distinct keys of `keys[0..n)` in order of first occurrence: `slotOf[j]` is key j's number. */
function groupKeys(keys: Float64Array, n: number): { slotOf: Int32Array; slotKey: Float64Array; slots: number } {
  let size = 1024;
  while (size < 2 * n) size *= 2; // at most half full, whatever share of the keys repeat
  const table = new Float64Array(size).fill(EMPTY);
  const tableSlot = new Int32Array(size);
  const slotOf = new Int32Array(n);
  const slotKey = new Float64Array(n);
  const mask = size - 1;
  let slots = 0;
  for (let j = 0; j < n; j++) {
    const key = keys[j]!;
    let i = hashCode(key) & mask;
    for (;;) {
      const k = table[i]!;
      if (k === key) {
        slotOf[j] = tableSlot[i]!;
        break;
      }
      if (k === EMPTY) {
        table[i] = key;
        tableSlot[i] = slots;
        slotKey[slots] = key;
        slotOf[j] = slots++;
        break;
      }
      i = (i + 1) & mask;
    }
  }
  return { slotOf, slotKey, slots };
}

/** Mixes both halves of a key below 2^53 (and of a text key's negative number). */
function hashCode(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul((key / 0x100000000) | 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
