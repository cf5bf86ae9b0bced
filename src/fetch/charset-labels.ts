import iconv from 'iconv-lite';

/**
 * Map a charset label (HTTP header, XML prolog, <meta>, per-feed override) to the name we
 * decode with. Labels follow the WHATWG Encoding Standard where it differs from the IANA
 * registry, because that is what the pages were tested against in browsers:
 * - gb2312/gbk/cp936 → GB18030, a superset: decoding with the narrow table loses characters
 *   that real "gb2312" pages use anyway.
 * - big5 and friends → Big5-HKSCS, the superset Taiwan and Hong Kong sites actually emit.
 * - iso-8859-1/latin1/us-ascii → windows-1252: 0x80–0x9F are “ ” — € in practice, not C1
 *   control characters (which Node's TextDecoder('latin1') would give).
 * - shift_jis → cp932 (Windows-31J) and euc-kr → cp949, again the supersets in use.
 * Returns undefined for unknown or unsafe labels (callers fall back, never throw).
 */
export function canonicalCharset(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const key = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (key === '') return undefined;
  const known = ALIASES.get(key);
  if (known !== undefined) return known;
  if (REFUSED.has(key)) return undefined;
  const isoPart = /^iso[-_ ]?8859[-_ ]?(\d{1,2})$/.exec(key);
  if (isoPart) return supported(`iso-8859-${isoPart[1]}`);
  const windows = /^(?:windows|cp|x-cp)[-_]?(125\d)$/.exec(key);
  if (windows) return supported(`windows-${windows[1]}`);
  return supported(key);
}

/** Charsets whose ASCII range is not ASCII: the "valid UTF-8" shortcut must not apply. */
export function isWideUnicode(charset: string): boolean {
  return charset.startsWith('utf-16') || charset.startsWith('utf-32');
}

/** Labels servers send by default rather than by knowledge (see decode.ts). */
export function isGenericDefault(charset: string): boolean {
  return charset === 'utf-8' || charset === 'windows-1252';
}

function supported(name: string): string | undefined {
  return iconv.encodingExists(name) ? name : undefined;
}

const GROUPS: Record<string, readonly string[]> = {
  'utf-8': ['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'],
  gb18030: [
    'gb18030', 'gb2312', 'gbk', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'chinese', 'csgb2312',
    'csiso58gb231280', 'gb_2312', 'gb_2312-80', 'iso-ir-58', 'euc-cn', 'x-euc-cn', 'gb-2312',
  ],
  big5hkscs: ['big5', 'big5-hkscs', 'big5hkscs', 'x-x-big5', 'cn-big5', 'csbig5', 'cp950', 'x-big5'],
  'windows-1252': [
    'windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1',
    'iso_8859-1:1987', 'latin1', 'l1', 'cp819', 'ibm819', 'csisolatin1', 'iso-ir-100',
    'us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso646-us', 'us', 'cp367', 'ibm367', 'csascii',
  ],
  // A BOM-less "utf-16" is little-endian in practice (WHATWG); decode.ts sniffs the NULs first.
  'utf-16le': ['utf-16', 'utf16', 'utf-16le', 'utf16le', 'ucs-2', 'ucs2', 'unicode', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff'],
  'utf-16be': ['utf-16be', 'utf16be', 'unicodefffe'],
  // A BOM-less "utf-32" is big-endian (Unicode D99); decode.ts sniffs the NULs first.
  'utf-32be': ['utf-32', 'utf32', 'utf-32be', 'utf32be', 'ucs-4', 'ucs4', 'iso-10646-ucs-4'],
  'utf-32le': ['utf-32le', 'utf32le'],
  cp932: ['shift_jis', 'shift-jis', 'sjis', 'x-sjis', 'ms_kanji', 'csshiftjis', 'windows-31j', 'ms932', 'cp932'],
  'euc-jp': ['euc-jp', 'eucjp', 'x-euc-jp', 'cseucpkdfmtjapanese'],
  cp949: ['euc-kr', 'euckr', 'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'ksc_5601', 'csksc56011987', 'iso-ir-149', 'korean', 'windows-949', 'cp949', 'uhc'],
  'koi8-r': ['koi8-r', 'koi8r', 'koi8', 'koi', 'cskoi8r'],
  'koi8-u': ['koi8-u', 'koi8-ru'],
  'windows-874': ['windows-874', 'tis-620', 'iso-8859-11', 'dos-874'],
  'windows-1254': ['iso-8859-9', 'latin5', 'l5'],
  maccyrillic: ['x-mac-cyrillic', 'x-mac-ukrainian'],
  macintosh: ['macintosh', 'mac', 'x-mac-roman', 'csmacintosh'],
};

const ALIASES = new Map<string, string>(
  Object.entries(GROUPS).flatMap(([name, labels]) => labels.map((label) => [label, name] as const)),
);

// iconv-lite knows these, but they are not text charsets (or, for UTF-7, a known XSS vector).
const REFUSED = new Set(['base64', 'base64url', 'hex', 'binary', 'utf-7', 'utf7', 'unicode-1-1-utf-7', 'csunicode11utf7']);
