// Bytes → text for the benchmark harnesses (not product code): BOM, then the HTTP charset,
// then the XML declaration, else UTF-8, falling back to windows-1252 when the bytes are not
// UTF-8. The pipeline's real decoder lives in src/fetch (decodeBody).
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

export function ungzip(bytes) {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

export function charsetParam(contentType) {
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

function sniff(b) {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { enc: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { enc: 'utf-32le', skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { enc: 'utf-32be', skip: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { enc: 'utf-16be', skip: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { enc: 'utf-16le', skip: 2 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0x3c) return { enc: 'utf-32be', skip: 0 };
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0 && b[3] === 0) return { enc: 'utf-32le', skip: 0 };
  if (b[0] === 0 && b[1] === 0x3c) return { enc: 'utf-16be', skip: 0 };
  if (b[0] === 0x3c && b[1] === 0) return { enc: 'utf-16le', skip: 0 };
  return undefined;
}

export function declaredEncoding(bytes) {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
}

function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Returns { text, encoding }. */
export function decodeBytes(raw, contentType) {
  const bytes = ungzip(raw);
  const bom = sniff(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.enc), encoding: bom.enc };
  let enc = charsetParam(contentType) ?? declaredEncoding(bytes) ?? 'utf-8';
  if (!iconv.encodingExists(enc)) enc = 'utf-8';
  if (/^utf-?8$/.test(enc) && !isUtf8(bytes)) enc = 'windows-1252';
  return { text: iconv.decode(Buffer.from(bytes), enc), encoding: enc };
}
