const EMPTY = -1;

/** A key of a batch (its code, or its text when it has no code) and its posting list, `docs[from..to)`. */
export type ListVisitor = (code: number, text: string | undefined, docs: Int32Array, from: number, to: number) => void;

/**
 * The postings of a batch of documents, in flat typed arrays: a JS array per key costs ~150
 * bytes, and most keys of a batch occur once, so arrays would need gigabytes at 100k posts.
 * Keys are numbered (slots) through an open-addressing table of numeric keys (see forEachKey)
 * or a Map of text keys; each posting is a (slot, document) pair, appended in document order.
 */
export class PostingBatch {
  private tableKeys = new Float64Array(1 << 16).fill(EMPTY);
  private tableSlots = new Int32Array(1 << 16);
  private readonly texts = new Map<string, number>();
  private slotCode = new Float64Array(1 << 15);
  private slotText: Array<string | undefined> = [];
  /** The last document that had the key: a document counts once per key. */
  private slotLast = new Int32Array(1 << 15);
  private slots = 0;
  private pairSlot = new Int32Array(1 << 16);
  private pairDoc = new Int32Array(1 << 16);
  private pairs = 0;

  /** Postings held. */
  get size(): number {
    return this.pairs;
  }

  addCode(key: number, doc: number): void {
    const mask = this.tableKeys.length - 1;
    let i = hashCode(key) & mask;
    for (;;) {
      const k = this.tableKeys[i]!;
      if (k === key) break;
      if (k === EMPTY) {
        this.tableKeys[i] = key;
        this.tableSlots[i] = this.newSlot(key, undefined);
        if (this.slots * 2 > this.tableKeys.length) {
          this.growTable();
          this.addCode(key, doc);
          return;
        }
        break;
      }
      i = (i + 1) & mask;
    }
    this.add(this.tableSlots[i]!, doc);
  }

  addText(key: string, doc: number): void {
    let slot = this.texts.get(key);
    if (slot === undefined) this.texts.set(key, (slot = this.newSlot(EMPTY, key)));
    this.add(slot, doc);
  }

  /**
   * Calls back with each key (numeric, or text) and its documents, ascending: `docs[from..to)`
   * (one array for all keys, valid during the calls). Grouped by a counting sort of the pairs.
   */
  forEachList(visit: ListVisitor): void {
    const start = new Int32Array(this.slots + 1);
    for (let p = 0; p < this.pairs; p++) start[this.pairSlot[p]! + 1]!++;
    for (let s = 0; s < this.slots; s++) start[s + 1]! += start[s]!;
    const at = start.slice(0, this.slots);
    const docs = new Int32Array(this.pairs);
    for (let p = 0; p < this.pairs; p++) docs[at[this.pairSlot[p]!]!++] = this.pairDoc[p]!;
    for (let s = 0; s < this.slots; s++) visit(this.slotCode[s]!, this.slotText[s], docs, start[s]!, start[s + 1]!);
  }

  clear(): void {
    this.tableKeys.fill(EMPTY);
    this.texts.clear();
    this.slotText = [];
    this.slots = 0;
    this.pairs = 0;
  }

  private add(slot: number, doc: number): void {
    if (this.slotLast[slot] === doc) return;
    this.slotLast[slot] = doc;
    if (this.pairs === this.pairSlot.length) {
      this.pairSlot = grow(this.pairSlot, new Int32Array(this.pairs * 2));
      this.pairDoc = grow(this.pairDoc, new Int32Array(this.pairs * 2));
    }
    this.pairSlot[this.pairs] = slot;
    this.pairDoc[this.pairs++] = doc;
  }

  private newSlot(code: number, text: string | undefined): number {
    if (this.slots === this.slotCode.length) {
      this.slotCode = grow(this.slotCode, new Float64Array(this.slots * 2));
      this.slotLast = grow(this.slotLast, new Int32Array(this.slots * 2));
    }
    this.slotCode[this.slots] = code;
    this.slotLast[this.slots] = EMPTY;
    if (text !== undefined) this.slotText[this.slots] = text;
    return this.slots++;
  }

  private growTable(): void {
    const keys = this.tableKeys;
    const slots = this.tableSlots;
    this.tableKeys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.tableSlots = new Int32Array(keys.length * 2);
    const mask = this.tableKeys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === EMPTY) continue;
      let i = hashCode(keys[j]!) & mask;
      while (this.tableKeys[i] !== EMPTY) i = (i + 1) & mask;
      this.tableKeys[i] = keys[j]!;
      this.tableSlots[i] = slots[j]!;
    }
  }
}

/** Mixes both halves of a key below 2^53. */
function hashCode(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul((key / 0x100000000) | 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
