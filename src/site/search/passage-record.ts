/*
 * Search runtime: the text files (see fold.ts for the rules of these modules). A post's
 * searched text — its title, a line break, its content as plain text — is cut into passages of
 * about 2,000 characters (split-passages.ts); each passage is one gzipped file holding what a
 * result shows and the text a candidate is verified against: a JSON line [href, date, source,
 * title, doc, bodyStart], then the passage's text.
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

export function formatPassage(r: PassageRecord): string {
  return `${JSON.stringify([r.href, r.date, r.source, r.title, r.doc, r.bodyStart])}\n${r.text}`;
}

export function parsePassage(data: string): PassageRecord {
  const nl = data.indexOf('\n');
  const head: unknown = JSON.parse(nl < 0 ? data : data.slice(0, nl));
  if (!Array.isArray(head) || head.length !== 6) throw new Error('search index: bad passage file');
  const [href, date, source, title, doc, bodyStart] = head as [string, string, string, string, number, number];
  return { href, date, source, title, doc, bodyStart, text: nl < 0 ? '' : data.slice(nl + 1) };
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
