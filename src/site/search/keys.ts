/*
 * Search runtime: index keys of a document and of a query (see fold.ts for the rules of these
 * modules). The invariant everything rests on: every key a query term asks for is a key of
 * every document that contains the term, so intersecting posting lists never loses a match.
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
const STEP = Number(process.env.STEP ?? 2);
/** Longer terms are cut (in code points): a term costs a shard fetch per few characters. */
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
 * The keys a term looks up. A run of ideographs longer than two needs only bigrams that cover
 * every character (positions 0, 2, 4… and the last pair): the candidates are verified against
 * the text anyway, and each bigram left out saves a shard download.
 */
export function termKeys(term: Term, prefixMax: number, gramMax: number): TermKeys {
  const cps = Array.from(term.text);
  if (!term.ideographic) {
    return cps.length <= prefixMax ? { keys: [term.text], exact: true } : { keys: [cps.slice(0, prefixMax).join('')], exact: false };
  }
  const n = Math.min(cps.length, gramMax);
  const keys = new Set<string>();
  for (let i = 0; i + n <= cps.length; i += STEP) keys.add(cps.slice(i, i + n).join(''));
  keys.add(cps.slice(cps.length - n).join(''));
  return { keys: [...keys], exact: cps.length <= gramMax };
}

/**
 * Calls back with every key of a folded text, repeats included. Keys of two BMP ideographs or
 * one go to `code` as a number (c1 * 0x10000 + c2, or c1: the indexer's hot path makes no
 * strings); all others go to `text`. `codeKeyText` turns a number back into its key.
 */
export function forEachKey(folded: string, prefixMax: number, gramMax: number, code: (key: number) => void, text: (key: string) => void): void {
  let prev = -1; // the previous code point when it was an ideograph
  let prev2 = -1; // and the one before, when it was one too
  let wordStart = -1;
  let wordChars = 0;
  for (let i = 0; i <= folded.length; ) {
    const cp = i < folded.length ? folded.codePointAt(i)! : 0x20;
    const size = cp > 0xffff ? 2 : 1;
    const c = cp >= 0x4e00 && cp <= 0x9fff ? IDEOGRAPH : charClass(cp);
    if (c === WORD) {
      if (wordStart < 0) {
        wordStart = i;
        wordChars = 0;
      }
      if (++wordChars <= prefixMax) text(folded.slice(wordStart, i + size));
    } else {
      wordStart = -1;
    }
    if (c === IDEOGRAPH) {
      const bmp = size === 1 && prev <= 0xffff && prev2 <= 0xffff;
      if (size === 1) code(cp);
      else text(String.fromCodePoint(cp));
      if (prev >= 0) {
        if (bmp) code(prev * 0x10000 + cp);
        else text(String.fromCodePoint(prev, cp));
        if (prev2 >= 0 && gramMax >= 3) {
          if (bmp) code(prev2 * 0x100000000 + prev * 0x10000 + cp);
          else text(String.fromCodePoint(prev2, prev, cp));
        }
      }
      prev2 = prev;
      prev = cp;
    } else {
      prev = prev2 = -1;
    }
    i += size;
  }
}

export function codeKeyText(key: number): string {
  if (key < 0x10000) return String.fromCharCode(key);
  if (key < 0x100000000) return String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);
  return String.fromCharCode(Math.floor(key / 0x100000000), Math.floor(key / 0x10000) % 0x10000, key % 0x10000);
}

/** The shard (of a power-of-two count) a key lives in: FNV-1a over UTF-16 units, then a murmur3 finaliser. */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & (shards - 1);
}
