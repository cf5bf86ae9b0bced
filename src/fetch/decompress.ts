import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from './fetch-error.js';

export type ContentCoding = 'gzip' | 'deflate' | 'br';

const ALIASES: Record<string, ContentCoding | 'identity'> = {
  gzip: 'gzip',
  'x-gzip': 'gzip',
  deflate: 'deflate',
  br: 'br',
  identity: 'identity',
  '': 'identity',
};

/**
 * Content-Encoding → the codings to undo, in the order to undo them (the header lists them
 * in the order they were applied). Unknown codings are an error: passing them through would
 * hand compressed bytes to the charset decoder.
 */
export function contentCodings(header: string | undefined, feedUrl: string): ContentCoding[] {
  if (header === undefined) return [];
  const codings: ContentCoding[] = [];
  for (const token of header.split(',')) {
    const coding = ALIASES[token.trim().toLowerCase()];
    if (coding === undefined) throw new FetchError('decode', feedUrl, `unsupported Content-Encoding ${JSON.stringify(header)}`);
    if (coding !== 'identity') codings.push(coding);
  }
  return codings.reverse();
}

/**
 * A streaming decompressor. Truncated gzip/deflate streams (servers that close before the
 * trailer) yield what they hold instead of failing, as browsers and curl do; a broken or
 * reset transfer is still reported by the socket. `firstBytes` picks zlib-wrapped vs raw
 * deflate: "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw DEFLATE.
 */
export function createDecompressor(coding: ContentCoding, firstBytes?: Uint8Array): Transform {
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
      return zlib.createGunzip(lenient);
    case 'deflate':
      return firstBytes === undefined || hasZlibHeader(firstBytes) ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient);
    case 'br':
      return zlib.createBrotliDecompress();
  }
}

/** RFC 1950 header: compression method 8 (deflate), and CMF·256 + FLG divisible by 31. */
function hasZlibHeader(bytes: Uint8Array): boolean {
  const [cmf, flg] = bytes;
  if (cmf === undefined || flg === undefined) return true;
  return (cmf & 0x0f) === 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 === 0;
}
