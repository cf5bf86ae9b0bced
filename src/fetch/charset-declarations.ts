/** Where a body says (or shows) which charset it is in. Pure byte inspection; no decoding. */

export type WideUnicode = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface Bom {
  readonly charset: 'utf-8' | WideUnicode;
  readonly length: number;
}

/** A byte order mark is the strongest signal there is (WHATWG: it beats the HTTP header). */
export function sniffBom(bytes: Uint8Array): Bom | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  // FF FE 00 00 is UTF-32LE, not UTF-16LE starting with U+0000 (which no text does).
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * BOM-less UTF-16 and UTF-32: the first character of a feed is ASCII (`<`, `{`, whitespace),
 * so the place of the NUL bytes in the first four gives the width and the byte order
 * (XML 1.0 Appendix F: `00 00 00 3C`, `3C 00 00 00`, `00 3C 00 3F`, `3C 00 3F 00`).
 * Text in any ASCII-compatible charset never starts with a NUL.
 */
export function sniffWideUnicode(bytes: Uint8Array): WideUnicode | undefined {
  if (bytes.length < 4) return undefined;
  const [a, b, c, d] = bytes;
  if (a === 0 && b === 0 && c === 0 && d !== 0) return 'utf-32be';
  if (a !== 0 && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
  return undefined;
}

/** `charset` parameter of a Content-Type header, unquoted; undefined when absent. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match?.[2];
}

/**
 * RFC 3023 §3.1: a `text/xml` (or `text/*+xml`) body served without a charset parameter is
 * us-ascii, whatever its prolog says (the HTTP layer owns text/* charsets). Undefined for
 * every other media type and when a charset parameter is present.
 */
export function textXmlDefault(contentType: string | undefined): 'us-ascii' | undefined {
  if (contentType === undefined || charsetFromContentType(contentType) !== undefined) return undefined;
  const mime = contentType.split(';', 1)[0]!.trim().toLowerCase();
  const isTextXml = mime === 'text/xml' || mime === 'text/xml-external-parsed-entity' || /^text\/[^/\s]+\+xml$/.test(mime);
  return isTextXml ? 'us-ascii' : undefined;
}

// Declarations sit at the very start (prolog) or in <head> (meta); no need to look further.
const PROLOG_WINDOW = 1024;
const META_WINDOW = 4096;

/**
 * The charset the document declares about itself: `<?xml … encoding="…"?>`, or for an HTML
 * page (no prolog, an <html> or <head> tag near the start) `<meta charset>` /
 * `<meta http-equiv="Content-Type" content="…; charset=…">`.
 */
export function charsetFromDocument(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, META_WINDOW);
  const prolog = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])\s*([^"'\s>]+)\s*\1/.exec(
    head.slice(0, PROLOG_WINDOW),
  );
  if (prolog) return prolog[2];
  if (/^\s*<\?xml\s/.test(head) || !/<(?:html|head)[\s>]/i.test(head.slice(0, PROLOG_WINDOW))) return undefined;
  const meta = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return meta?.[1];
}

/** Bytes as a string of the same length (each byte one char): regexes on ASCII structure. */
function latin1(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, limit)).toString('latin1');
}
