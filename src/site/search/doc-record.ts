/*
 * Search runtime: the per-document file (see fold.ts for the rules of these modules). One
 * gzipped file per post holds what a result shows and the text its match is verified against:
 * a JSON line [href, date, source, title], then the plain text of the content. The searched
 * text is the title, a line break and the content (`searchedText`), on both sides.
 */

export interface DocRecord {
  /** The post page, relative to the search page. */
  readonly href: string;
  /** As displayed, in the site's time zone. */
  readonly date: string;
  readonly source: string;
  readonly title: string;
  readonly body: string;
}

export function formatDocRecord(r: DocRecord): string {
  return `${JSON.stringify([r.href, r.date, r.source, r.title])}\n${r.body}`;
}

export function parseDocRecord(text: string): DocRecord {
  const nl = text.indexOf('\n');
  const head: unknown = JSON.parse(nl < 0 ? text : text.slice(0, nl));
  if (!Array.isArray(head) || head.length !== 4 || !head.every((v) => typeof v === 'string')) throw new Error('search index: bad document record');
  const [href, date, source, title] = head as string[];
  return { href: href!, date: date!, source: source!, title: title!, body: nl < 0 ? '' : text.slice(nl + 1) };
}

export function searchedText(r: { readonly title: string; readonly body: string }): string {
  return `${r.title}\n${r.body}`;
}

/**
 * Gunzips a document file. A server that labels `.bin` files `Content-Encoding: gzip` has the
 * browser inflate them already: then the bytes no longer start with the gzip magic number.
 */
export async function gunzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
