import { codeKeyText } from './keys.js';

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

  /** A string of byte values (latin1: one character per byte, as SpillRuns keeps keys). */
  latin1(bytes: string): void {
    this.room(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.buf[this.length++] = bytes.charCodeAt(i);
  }

  /**
   * A key as a one-byte length and its UTF-8 bytes: a text key, or a numeric one (see
   * forEachKey). Keys are short (a few characters); longer is a bug.
   */
  key(code: number, text: string | undefined): void {
    if (text === undefined && code >= 0x100000000) return this.key(0, codeKeyText(code));
    this.room(1 + 3 * (text?.length ?? 3));
    const at = this.length++;
    if (text !== undefined) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
          this.utf8(0x10000 + (c - 0xd800) * 0x400 + (next - 0xdc00));
          i++;
        } else {
          this.utf8(c);
        }
      }
    } else {
      if (code >= 0x10000) this.utf8(Math.floor(code / 0x10000));
      this.utf8(code % 0x10000);
    }
    const length = this.length - at - 1;
    if (length > 0x7f) throw new Error(`search index: key of ${length} bytes`);
    this.buf[at] = length;
  }

  private utf8(cp: number): void {
    const b = this.buf;
    if (cp < 0x80) b[this.length++] = cp;
    else if (cp < 0x800) {
      b[this.length++] = 0xc0 | (cp >> 6);
      b[this.length++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      b[this.length++] = 0xe0 | (cp >> 12);
      b[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
      b[this.length++] = 0x80 | (cp & 0x3f);
    } else {
      b[this.length++] = 0xf0 | (cp >> 18);
      b[this.length++] = 0x80 | ((cp >> 12) & 0x3f);
      b[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
      b[this.length++] = 0x80 | (cp & 0x3f);
    }
  }

  /** The bytes written so far (a view: copy it before writing more). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }
}

export interface EncodedPostings {
  readonly bytes: Uint8Array;
  readonly bitmap: boolean;
}

const scratch = new ByteSink();

/** Document numbers (ascending) as varint gaps or as a bitmap, whichever is smaller (see postings.ts). */
export function encodePostings(ids: readonly number[]): EncodedPostings {
  scratch.reset();
  let prev = 0;
  for (let i = 0; i < ids.length; i++) {
    scratch.varint(i === 0 ? ids[0]! : ids[i]! - prev);
    prev = ids[i]!;
  }
  const bitmapLength = ids.length ? (ids[ids.length - 1]! >> 3) + 1 : 0;
  if (scratch.length <= bitmapLength) return { bytes: scratch.view().slice(), bitmap: false };
  const bits = new Uint8Array(bitmapLength);
  for (const id of ids) bits[id >> 3]! |= 1 << (id & 7);
  return { bytes: bits, bitmap: true };
}

/**
 * A shard file (see postings.ts) from its entries: each key as a latin1 string of its UTF-8
 * bytes, so sorting the strings sorts the bytes and the file comes out the same every build.
 */
export function encodeShard(entries: ReadonlyArray<readonly [string, EncodedPostings]>): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const sink = new ByteSink();
  sink.varint(sorted.length);
  for (const [key, p] of sorted) {
    sink.varint(key.length);
    sink.latin1(key);
    sink.varint(p.bytes.length * 2 + (p.bitmap ? 1 : 0));
  }
  for (const [, p] of sorted) sink.bytes(p.bytes);
  return sink.view().slice();
}
