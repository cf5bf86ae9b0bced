import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { canonicalCharset, isGenericDefault, isWideUnicode } from './charset-labels.js';
import { charsetFromContentType, charsetFromDocument, sniffBom, sniffWideUnicode, textXmlDefault } from './charset-declarations.js';
import { doubleByteShare, guessCharset } from './guess-charset.js';

export interface DecodedBody {
  readonly text: string;
  /** Name of the charset the bytes were decoded with (e.g. utf-8, gb18030, big5hkscs, windows-1252). */
  readonly charset: string;
}

/**
 * A guess this sure (share of the language's common characters) beats a generic declaration.
 * Real texts score 0.7–1 under the right table (Chinese, Japanese, Korean, Russian, Hebrew,
 * Thai); under a wrong one mostly 0.1–0.5, and where more (Hebrew read as Cyrillic: 0.75)
 * the right table scores higher still.
 */
const CONFIDENT_GUESS = 0.5;
/** Share of high bytes in double-byte pairs above which undeclared bytes are taken as GB18030. */
const DOUBLE_BYTE_SHARE = 0.8;

/**
 * Bytes → text. Never throws: an unknown label, a lying declaration or garbage still yields
 * text (with U+FFFD where nothing fits). Which signal wins, strongest first:
 *
 * 1. The per-feed `override`: the operator looked at the feed and knows.
 * 2. A BOM, then BOM-less UTF-16/UTF-32 seen from NUL bytes: facts about the bytes, not claims.
 * 3. Bytes that are pure ASCII decode the same in every remaining charset: the charset
 *    reported is the one that applies, RFC 3023's us-ascii for `text/xml` and `text/*+xml`
 *    served without a charset parameter, else the first declaration, else utf-8.
 *    Valid UTF-8 containing non-ASCII bytes is UTF-8, whatever the labels say. Legacy
 *    multi-byte text is practically never valid UTF-8 by accident, while UTF-8 served under a
 *    stale label (server default `iso-8859-1`, a copied prolog) is common (miniflux does the same).
 *    RFC 3023's us-ascii is not applied to non-ASCII bytes: real Chinese feeds are served as
 *    bare `text/xml` in UTF-8 or with a GB2312 prolog, and reading them as ASCII would only
 *    destroy text.
 * 4. A specific declaration: the HTTP charset, then the prolog / <meta>. The generic labels
 *    `utf-8` and `iso-8859-1`/`us-ascii`/`windows-1252` are weak: servers attach them to every
 *    response by default, so a specific prolog (`gb2312`) beats them, and `utf-8` is
 *    already disproved by step 3. (RFC 7303 would let HTTP win; real Chinese sites say otherwise.)
 * 5. Nothing specific: guess by common-character frequency (GB18030 and Big5 first, then
 *    EUC-JP, Shift_JIS, EUC-KR, KOI8-R, windows-1251, -1255, -874: guess-charset.ts); if that
 *    is unsure, a windows-1252 declaration stands; with no declaration at all, double-byte-shaped
 *    bytes are taken as GB18030 (undeclared legacy CJK in our feeds is mostly mainland
 *    Chinese) and everything else as windows-1252 (what browsers assume for Western pages).
 */
export function decodeBody(bytes: Uint8Array, contentType?: string, override?: string): DecodedBody {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const forced = canonicalCharset(override);
  if (forced !== undefined) return decodeAs(buffer, forced);
  const bom = sniffBom(buffer);
  if (bom !== undefined) return decodeAs(buffer.subarray(bom.length), bom.charset);
  const wide = sniffWideUnicode(buffer);
  if (wide !== undefined) return decodeAs(buffer, wide);
  return decodeAs(buffer, chooseCharset(buffer, contentType));
}

function chooseCharset(buffer: Buffer, contentType: string | undefined): string {
  // Without the NUL pattern a UTF-16/32 label is wrong (the bytes are ASCII-shaped): drop it.
  const declared = [charsetFromContentType(contentType), charsetFromDocument(buffer)]
    .map(canonicalCharset)
    .filter((charset): charset is string => charset !== undefined && !isWideUnicode(charset));
  if (isAscii(buffer)) return textXmlDefault(contentType) ?? declared[0] ?? 'utf-8';
  if (isUtf8(buffer)) return 'utf-8';
  const specific = declared.find((charset) => !isGenericDefault(charset));
  if (specific !== undefined) return specific;
  const guess = guessCharset(buffer);
  if (guess !== undefined && guess.score >= CONFIDENT_GUESS) return guess.charset;
  if (declared.includes('windows-1252')) return 'windows-1252';
  return doubleByteShare(buffer) >= DOUBLE_BYTE_SHARE ? 'gb18030' : 'windows-1252';
}

function decodeAs(buffer: Buffer, charset: string): DecodedBody {
  // iconv-lite strips a BOM that matches the charset (UTF-8, UTF-16/32) and replaces bytes
  // that do not fit with U+FFFD instead of throwing.
  return { text: iconv.decode(buffer, charset), charset };
}
