/** A growable byte buffer with LEB128 varints: the writing side of postings.ts (build only). */
export class ByteSink {
  private buf = new Uint8Array(1024);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(value: number): void {
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  bytes(data: Uint8Array): void {
    this.room(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  /** The bytes written so far (a view: copy it before writing more). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

/** Document numbers (ascending) as varint gaps or as a bitmap, whichever is smaller (see postings.ts). */
export function encodePostings(ids: readonly number[]): { bytes: Uint8Array; bitmap: boolean } {
  const sink = new ByteSink();
  let prev = 0;
  for (let i = 0; i < ids.length; i++) {
    sink.varint(i === 0 ? ids[0]! : ids[i]! - prev);
    prev = ids[i]!;
  }
  const bitmapLength = ids.length ? (ids[ids.length - 1]! >> 3) + 1 : 0;
  if (sink.length <= bitmapLength) return { bytes: sink.view().slice(), bitmap: false };
  const bits = new Uint8Array(bitmapLength);
  for (const id of ids) bits[id >> 3]! |= 1 << (id & 7);
  return { bytes: bits, bitmap: true };
}

const keyEncoder = new TextEncoder();

/** A shard file from its entries, sorted by key (see postings.ts). */
export function encodeShard(entries: ReadonlyArray<readonly [string, { readonly bytes: Uint8Array; readonly bitmap: boolean }]>): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const sink = new ByteSink();
  sink.varint(sorted.length);
  for (const [key, p] of sorted) {
    const k = keyEncoder.encode(key);
    sink.varint(k.length);
    sink.bytes(k);
    sink.varint(p.bytes.length * 2 + (p.bitmap ? 1 : 0));
  }
  for (const [, p] of sorted) sink.bytes(p.bytes);
  return sink.view().slice();
}
