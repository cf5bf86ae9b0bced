/*
 * Search runtime: index keys of a document and of a query (see fold.ts for the rules of these
 * modules). The invariant everything rests on: every key a query term asks for is a key of
 * every passage that contains the term, so intersecting posting lists never loses a match.
 *
 * Keys: each ideograph (unigram) and each pair of adjacent ideographs (bigram) within a run of
 * ideographs; each prefix, up to `prefixMax` characters, of each word.
 */
import { charClass, foldText, IDEOGRAPH, SEPARATOR, WORD } from './fold.js';

/** A query term: a run of ideographs (matched anywhere) or a word (matched at the start of words). */
export interface Term {
  readonly text: string;
  readonly ideographic: boolean;
}

/** What a term needs from the index. `exact`: the docs holding all keys are exactly the matches. */
export interface TermKeys {
  readonly keys: readonly string[];
  readonly exact: boolean;
}

export const MAX_TERMS = 8;
export const MAX_TERM_KEYS = 6;
/** Longer terms are cut (in code points): passages overlap by enough for a term this long. */
export const MAX_TERM_LENGTH = 32;

/** The terms of a query: its folded runs of ideographs and of word characters, at most MAX_TERMS, no repeats. */
export function queryTerms(query: string): Term[] {
  const folded = foldText(query);
  const terms: Term[] = [];
  const seen = new Set<string>();
  let run: string[] = [];
  let runClass = SEPARATOR;
  const flush = (): void => {
    const text = run.slice(0, MAX_TERM_LENGTH).join('');
    if (run.length && !seen.has(text) && terms.length < MAX_TERMS) {
      seen.add(text);
      terms.push({ text, ideographic: runClass === IDEOGRAPH });
    }
    run = [];
  };
  for (const ch of folded) {
    const c = charClass(ch.codePointAt(0)!);
    if (c !== runClass) flush();
    runClass = c;
    if (c !== SEPARATOR) run.push(ch);
  }
  flush();
  return terms;
}

/**
 * The keys a term looks up: its bigrams (its character for a one-character run; its first
 * `prefixMax` characters for a word). A long run looks up at most MAX_TERM_KEYS bigrams spread
 * over it: candidates are verified against the text anyway, and each key costs a shard.
 */
export function termKeys(term: Term, prefixMax: number): TermKeys {
  const cps = Array.from(term.text);
  if (!term.ideographic) {
    return cps.length <= prefixMax ? { keys: [term.text], exact: true } : { keys: [cps.slice(0, prefixMax).join('')], exact: false };
  }
  if (cps.length === 1) return { keys: [term.text], exact: true };
  const pairs = cps.length - 1;
  const take = Math.min(pairs, MAX_TERM_KEYS);
  const keys = new Set<string>();
  for (let i = 0; i < take; i++) {
    const at = take === 1 ? 0 : Math.round((i * (pairs - 1)) / (take - 1));
    keys.add(cps[at]! + cps[at + 1]!);
  }
  return { keys: [...keys], exact: cps.length === 2 };
}

/**
 * Calls back with every key of a folded text, repeats included. Most keys go to `code` as a
 * number (the indexer's hot path then makes no strings): a BMP ideograph's code, a bigram's
 * c1 * 0x10000 + c2, an ASCII word prefix's WORD_CODE + its letters in bijective base 37; the
 * others go to `text`. `codeKeyText` turns a number back into its key.
 */
export function forEachKey(folded: string, prefixMax: number, code: (key: number) => void, text: (key: string) => void): void {
  let prev = -1; // the previous code point when it was an ideograph
  let wordStart = -1;
  let wordChars = 0;
  let packed = 0; // the word so far in base 37, or -1 once it holds a character that is not [0-9a-z]
  for (let i = 0; i <= folded.length; ) {
    const cp = i < folded.length ? folded.codePointAt(i)! : 0x20;
    const size = cp > 0xffff ? 2 : 1;
    const c = cp >= 0x4e00 && cp <= 0x9fff ? IDEOGRAPH : charClass(cp);
    if (c === WORD) {
      if (wordStart < 0) {
        wordStart = i;
        wordChars = 0;
        packed = 0;
      }
      if (++wordChars <= prefixMax) {
        const digit = packed < 0 || wordChars > 10 ? 0 : base37(cp);
        if (digit) code(WORD_CODE + (packed = packed * 37 + digit));
        else {
          packed = -1;
          text(folded.slice(wordStart, i + size));
        }
      }
    } else {
      wordStart = -1;
    }
    if (c === IDEOGRAPH) {
      if (size === 1) code(cp);
      else text(String.fromCodePoint(cp));
      if (prev >= 0) {
        if (size === 1 && prev <= 0xffff) code(prev * 0x10000 + cp);
        else text(String.fromCodePoint(prev, cp));
      }
      prev = cp;
    } else {
      prev = -1;
    }
    i += size;
  }
}

export function codeKeyText(key: number): string {
  if (key < 0x10000) return String.fromCharCode(key);
  if (key < WORD_CODE) return String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);
  let word = '';
  for (let n = key - WORD_CODE; n > 0; n = Math.floor(n / 37)) word = BASE37[n % 37]! + word;
  return word;
}

/** Numeric keys of ASCII word prefixes start here, above every ideograph key (prefixes of up to 10 characters fit below 2^53). */
const WORD_CODE = 2 ** 44;
const BASE37 = ' 0123456789abcdefghijklmnopqrstuvwxyz';

function base37(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x2f;
  if (cp >= 0x61 && cp <= 0x7a) return cp - 0x56;
  return 0;
}

/** The shard (of a power-of-two count) a key lives in: FNV-1a over UTF-16 units, then a murmur3 finaliser. */
export function shardOf(key: string, shards: number): number {
  let h = FNV_START;
  for (let i = 0; i < key.length; i++) h = fnvUnit(h, key.charCodeAt(i));
  return shardFromHash(h, shards);
}

/** shardOf(codeKeyText(code), shards), without making the string for an ideograph key (the indexer's hot path). */
export function shardOfCode(code: number, shards: number): number {
  if (code >= WORD_CODE) return shardOf(codeKeyText(code), shards);
  const h = code >= 0x10000 ? fnvUnit(FNV_START, Math.floor(code / 0x10000)) : FNV_START;
  return shardFromHash(fnvUnit(h, code % 0x10000), shards);
}

/**
 * shardOf of a key given as its UTF-8 bytes (one character per byte, as the spill runs keep
 * keys), without decoding it to a string: the indexer's last pass meets every key this way.
 */
export function shardOfUtf8(bytes: string, shards: number): number {
  let h = FNV_START;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes.charCodeAt(i);
    const size = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let cp = size === 1 ? b : b & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) cp = (cp << 6) | (bytes.charCodeAt(i + k) & 0x3f);
    i += size;
    if (cp < 0x10000) h = fnvUnit(h, cp);
    else h = fnvUnit(fnvUnit(h, 0xd800 + ((cp - 0x10000) >> 10)), 0xdc00 + ((cp - 0x10000) & 0x3ff));
  }
  return shardFromHash(h, shards);
}

const FNV_START = 0x811c9dc5;

function fnvUnit(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

function shardFromHash(hash: number, shards: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & (shards - 1);
}
