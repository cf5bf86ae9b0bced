/*
 * Search runtime: the text files (see fold.ts for the rules of these modules). A post's
 * searched text — its title, a line break, its content as plain text — is cut into passages of
 * about 2,000 characters (split-passages.ts), the unit the index points at. Each post has one
 * gzipped file holding what a result shows and the passages a candidate is verified against:
 * a JSON line [href, date, source, title, doc, bodyStart, [length of each passage]], then the
 * passages one after the other. (One file per passage made the index most of the site's files.)
 */

export interface PassageRecord {
  /** The post page, relative to the search page. */
  readonly href: string;
  /** As displayed, in the site's time zone. */
  readonly date: string;
  readonly source: string;
  readonly title: string;
  /** The post's number in the index (see SearchManifest.docs). */
  readonly doc: number;
  /** Where the content starts in `text`: after the title in a post's first passage, else 0. */
  readonly bodyStart: number;
  /** The searched text of this passage. */
  readonly text: string;
}

/** A post's text file: its passages, and what a result shows. */
export interface PostTexts extends Omit<PassageRecord, 'bodyStart' | 'text'> {
  /** Where the content starts in the first passage (after the title). */
  readonly bodyStart: number;
  readonly passages: readonly string[];
}

export function formatPostTexts(t: PostTexts): string {
  return `${JSON.stringify([t.href, t.date, t.source, t.title, t.doc, t.bodyStart, t.passages.map((p) => p.length)])}\n${t.passages.join('')}`;
}

export function parsePostTexts(data: string): PostTexts {
  const nl = data.indexOf('\n');
  const head: unknown = JSON.parse(nl < 0 ? data : data.slice(0, nl));
  if (!Array.isArray(head) || head.length !== 7 || !Array.isArray(head[6])) throw new Error('search index: bad text file');
  const [href, date, source, title, doc, bodyStart, lengths] = head as [string, string, string, string, number, number, number[]];
  const passages: string[] = [];
  let at = nl + 1;
  for (const n of lengths) {
    passages.push(data.slice(at, at + n));
    at += n;
  }
  return { href, date, source, title, doc, bodyStart, passages };
}

/** Passage `k` of a post, as a result shows it. */
export function passageOf(t: PostTexts, k: number): PassageRecord {
  return { href: t.href, date: t.date, source: t.source, title: t.title, doc: t.doc, bodyStart: k === 0 ? t.bodyStart : 0, text: t.passages[k] ?? '' };
}

/**
 * Gunzips a file. A server that labels `.bin` files `Content-Encoding: gzip` has the browser
 * inflate them already: then the bytes no longer start with the gzip magic number.
 */
export async function gunzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
