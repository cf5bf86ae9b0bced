import type { IncomingMessage } from 'node:http';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FetchError } from './fetch-error.js';
import { contentCodings, createDecompressor } from './decompress.js';
import { toFetchError } from './network-error.js';

export interface ReadBodyOptions {
  /** Cap on the bytes received AND on the bytes after decompression. */
  readonly maxBytes: number;
  readonly feedUrl: string;
}

/**
 * Read a response body, decompressed, into memory. The cap is enforced while streaming, on
 * both sides of the decompressor, so a gzip bomb is stopped as soon as its output passes the
 * cap (backpressure keeps zlib from inflating ahead of us) and the socket is destroyed.
 */
export async function readBody(res: IncomingMessage, options: ReadBodyOptions): Promise<Buffer> {
  const { maxBytes, feedUrl } = options;
  const tooLarge = (what: string): FetchError =>
    new FetchError('too-large', feedUrl, `${what} is larger than the ${formatBytes(maxBytes)} limit`);

  const declared = Number(res.headers['content-length']);
  let codings;
  try {
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(`body (Content-Length ${declared})`);
    codings = contentCodings(res.headers['content-encoding'], feedUrl);
  } catch (err) {
    res.destroy();
    throw err;
  }

  let source: Readable = res;
  let firstBytes: Buffer | undefined;
  if (codings[0] === 'deflate') {
    // Zlib-wrapped or raw deflate can only be told from the first bytes: read them, then
    // put them back in front of the rest.
    const iterator = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const head = await iterator.next().catch((err: unknown) => {
      throw toFetchError(err, feedUrl, 'body');
    });
    if (head.done) return Buffer.alloc(0);
    firstBytes = head.value;
    source = Readable.from(prepend(head.value, iterator), { objectMode: false });
  }

  let received = 0;
  const countReceived = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes) done(tooLarge('body'));
      else done(null, chunk);
    },
  });
  const decompressors = codings.map((coding, i) => createDecompressor(coding, i === 0 ? firstBytes : undefined));

  const chunks: Buffer[] = [];
  let size = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(tooLarge('decompressed body'));
        return;
      }
      chunks.push(chunk);
      done();
    },
  });

  try {
    await pipeline([source, countReceived, ...decompressors, collect]);
  } catch (err) {
    res.destroy();
    throw toFetchError(err, feedUrl, 'body');
  }
  return Buffer.concat(chunks, size);
}

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // Stopped early (cap, error): closing the iterator destroys the response.
    await rest.return?.();
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
