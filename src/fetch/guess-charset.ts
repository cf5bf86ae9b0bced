import iconv from 'iconv-lite';
import { COMMON_CHINESE, COMMON_HANGUL, COMMON_JAPANESE_KANJI } from './charset-common-chars.js';

/**
 * Guess the charset of bytes that are not valid UTF-8 and carry no usable declaration.
 * samizdat follows Chinese-language news first, so GB18030 (mainland; a superset of
 * GB2312/GBK) and Big5-HKSCS (Taiwan, Hong Kong) come first, but the other legacy charsets
 * feeds still use are candidates too: EUC-JP, Shift_JIS, EUC-KR, KOI8-R, windows-1251,
 * windows-1255 (Hebrew), windows-874 (TIS-620 Thai).
 *
 * Each candidate decodes a sample and is scored by the share of its non-ASCII characters
 * that are among the most frequent characters of the candidate's language: decoded with the
 * right table, a text's few hundred common characters (or, for alphabets, its dozen common
 * letters) make up most of it; decoded with a wrong table it scatters over the whole
 * repertoire, or into U+FFFD, and scores low. The best score wins, but another language
 * must beat the best Chinese reading clearly (NOT_CHINESE_MARGIN).
 *
 * Alphabets add conditions, since a Latin-1 text read as Cyrillic, Hebrew or Thai also
 * yields letters: a letter only counts inside a word of its own script, and where the script
 * has rules on neighbours (Hebrew final forms, Thai vowel signs) only when it keeps them.
 */
export interface CharsetGuess {
  readonly charset: string;
  /** Share of decoded non-ASCII characters that are common in the language, 0..1. */
  readonly score: number;
}

/** At most this much is scored: enough text to decide, bounded cost on a 20 MB body. */
const SAMPLE_BYTES = 64 * 1024;
const MIN_HITS = 2;

/** Whether a decoded character (with its neighbours) is a frequent one of the language. */
type Common = (code: number, prev: number, next: number) => boolean;

interface Candidate {
  readonly charset: string;
  readonly common: Common;
}

const chinese: Common = (code) => COMMON_CHINESE.has(code);
const japanese: Common = (code) =>
  (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fc) || COMMON_JAPANESE_KANJI.has(code);
const korean: Common = (code) => COMMON_HANGUL.has(code);

/**
 * The letters making up most of running text. One counts only inside a word of its script
 * (a neighbour of the same script, no ASCII letter next to it: Latin-1 accents, read as
 * Cyrillic or Thai, sit between ASCII letters or alone between spaces); `fits` adds the
 * script's own rules on neighbours.
 */
function alphabet(letters: string, script: (code: number) => boolean, fits?: Common): Common {
  const set = new Set([...letters].map((c) => c.codePointAt(0)!));
  return (code, prev, next) =>
    set.has(code) &&
    !isAsciiLetter(prev) &&
    !isAsciiLetter(next) &&
    (script(prev) || script(next)) &&
    (fits === undefined || fits(code, prev, next));
}

const cyrillic = alphabet('оеаинтсрвлкмдпуяыьгзбч', (c) => c >= 0x0400 && c <= 0x04ff);
// Hebrew final forms end words; their plain forms do not.
const isHebrew = (c: number): boolean => c >= 0x05d0 && c <= 0x05ea;
const HEBREW_FINALS = new Set([0x05da, 0x05dd, 0x05df, 0x05e3, 0x05e5]);
const HEBREW_HAS_FINAL = new Set([0x05db, 0x05de, 0x05e0, 0x05e4, 0x05e6]);
const hebrew = alphabet('יוהמלארבתשנםעדכקח', isHebrew, (code, _prev, next) =>
  isHebrew(next) ? !HEBREW_FINALS.has(code) : !HEBREW_HAS_FINAL.has(code),
);
// Thai vowel signs and tone marks sit on a consonant; leading vowels come before one.
const isThaiConsonant = (c: number): boolean => c >= 0x0e01 && c <= 0x0e2e;
const isThaiMark = (c: number): boolean => c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
const thai = alphabet('านรอกเงม่ยลวดัทสตะีไิ้ค', (c) => c >= 0x0e01 && c <= 0x0e5b, (code, prev, next) => {
  if (isThaiMark(code)) return isThaiConsonant(prev) || isThaiMark(prev);
  if (code >= 0x0e40 && code <= 0x0e44) return isThaiConsonant(next);
  return true;
});

const CHINESE: readonly Candidate[] = [
  { charset: 'gb18030', common: chinese },
  { charset: 'big5hkscs', common: chinese },
];
const OTHERS: readonly Candidate[] = [
  { charset: 'euc-jp', common: japanese },
  { charset: 'cp932', common: japanese },
  { charset: 'cp949', common: korean },
  { charset: 'koi8-r', common: cyrillic },
  { charset: 'windows-1251', common: cyrillic },
  { charset: 'windows-1255', common: hebrew },
  { charset: 'windows-874', common: thai },
];
/**
 * How much better another language must fit to beat the best Chinese reading. Chinese is
 * what samizdat's feeds are in, and a short Chinese title full of transliterated names can
 * score as low as 0.5, while double-byte Chinese read as Thai or Cyrillic reaches 0.5–0.65.
 * Japanese, Korean, Thai, Russian and Hebrew texts beat their Chinese reading by 0.35 or more.
 */
const NOT_CHINESE_MARGIN = 0.25;
/** …and on enough evidence: a few bytes of double-byte Chinese read as Cyrillic look like a word. */
const NOT_CHINESE_MIN_HITS = 8;

export function guessCharset(bytes: Uint8Array): CharsetGuess | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const buffer = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  const chinese = best(buffer, CHINESE);
  const other = best(buffer, OTHERS);
  const winner = other.hits >= NOT_CHINESE_MIN_HITS && other.ratio >= chinese.ratio + NOT_CHINESE_MARGIN ? other : chinese;
  if (winner.hits < MIN_HITS) return undefined;
  return { charset: winner.charset, score: winner.ratio };
}

/** The best-scoring candidate; on a tie the first (the more common charset). */
function best(sample: Buffer, candidates: readonly Candidate[]): { charset: string; hits: number; ratio: number } {
  let top = { charset: '', hits: 0, ratio: -1 };
  for (const { charset, common } of candidates) {
    const s = score(iconv.decode(sample, charset), common);
    if (s.ratio > top.ratio) top = { charset, ...s };
  }
  return top;
}

/**
 * Shape of the non-ASCII bytes: share of them that come as pairs of high bytes, as double-byte
 * Chinese does (GB2312 uses 0xA1–0xFE for both bytes). Latin-1 text has lone high bytes
 * between ASCII letters and scores low.
 */
export function doubleByteShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte < 0x80) continue;
    const next = sample[i + 1] ?? 0;
    if (byte >= 0x81 && next >= 0xa1 && next <= 0xfe) {
      high += 2;
      paired += 2;
      i++;
    } else {
      high++;
    }
  }
  return high === 0 ? 0 : paired / high;
}

function score(text: string, common: Common): { hits: number; ratio: number } {
  let nonAscii = 0;
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii++;
    if (common(code, text.charCodeAt(i - 1), text.charCodeAt(i + 1))) hits++;
  }
  return { hits, ratio: nonAscii === 0 ? 0 : hits / nonAscii };
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
