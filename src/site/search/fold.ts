/*
 * Search runtime (shared by the indexer and the browser; bundled into assets/search.js):
 * no Node APIs, imports only from sibling runtime modules, names unique across them.
 *
 * Text is folded one code point at a time — NFKC, then lower case — so the indexer, the query
 * and the snippet see the same characters, and every position of the folded text maps back to
 * the original. A folded character is ideographic (Han, kana, Hangul: indexed by bigrams, as
 * these scripts do not separate words), part of a word (other letters, digits, marks: indexed
 * as word prefixes) or a separator (everything else, folded to a space).
 */

export const SEPARATOR = 0;
export const WORD = 1;
export const IDEOGRAPH = 2;

const IDEOGRAPHIC_SCRIPT = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]$/u;
const WORD_LIKE = /^[\p{L}\p{N}\p{M}]$/u;
const classCache = new Map<number, number>();
const foldCache = new Map<number, string>();

/** The class of one (folded) code point. */
export function charClass(cp: number): number {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? WORD : SEPARATOR;
  if (cp >= 0x4e00 && cp <= 0x9fff) return IDEOGRAPH;
  let c = classCache.get(cp);
  if (c === undefined) {
    const s = String.fromCodePoint(cp);
    c = !WORD_LIKE.test(s) ? SEPARATOR : IDEOGRAPHIC_SCRIPT.test(s) ? IDEOGRAPH : WORD;
    classCache.set(cp, c);
  }
  return c;
}

/** One code point folded: NFKC, lower case, separators as a space (may be several characters). */
export function foldChar(cp: number): string {
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    return charClass(cp) === WORD ? String.fromCharCode(cp) : ' ';
  }
  // CJK Unified Ideographs have no compatibility decomposition and no case.
  if (cp >= 0x4e00 && cp <= 0x9fff) return String.fromCharCode(cp);
  let f = foldCache.get(cp);
  if (f === undefined) {
    f = '';
    for (const ch of String.fromCodePoint(cp).normalize('NFKC').toLowerCase()) {
      f += charClass(ch.codePointAt(0)!) === SEPARATOR ? ' ' : ch;
    }
    foldCache.set(cp, f);
  }
  return f;
}

/**
 * Folds a text. With `offsets`, pushes for each UTF-16 unit of the result the index of the
 * original character it came from (snippets map matches back this way).
 */
export function foldText(text: string, offsets?: number[]): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    // Runs of characters that fold to themselves are copied in one slice (most of a text).
    const same = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x20;
    if (!same) {
      if (runStart < i) out += text.slice(runStart, i);
      const f = foldChar(cp);
      if (offsets) {
        for (let k = runStart; k < i; k++) offsets.push(k);
        for (let k = 0; k < f.length; k++) offsets.push(i);
      }
      out += f;
      runStart = i + size;
    }
    i += size;
  }
  if (runStart < text.length) {
    out += text.slice(runStart);
    if (offsets) for (let k = runStart; k < text.length; k++) offsets.push(k);
  }
  return out;
}
