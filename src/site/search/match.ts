/*
 * Search runtime: verifying a candidate against its text, and the snippet of a result (see
 * fold.ts for the rules of these modules).
 */
import { charClass, foldText, WORD } from './fold.js';
import type { Term } from './keys.js';

/** Where a term occurs in a folded text, from `from`; -1 if nowhere. A word term must start a word. */
export function findTerm(folded: string, term: Term, from = 0): number {
  let at = folded.indexOf(term.text, from);
  if (term.ideographic) return at;
  while (at > 0 && charClass(folded.codePointAt(at - 1)!) === WORD) at = folded.indexOf(term.text, at + 1);
  return at;
}

export interface SnippetPart {
  readonly text: string;
  readonly mark: boolean;
}

/**
 * About `width` characters of `text` around the first match of a term at or after `from`
 * (the content, not the title), matches marked; the start of the text when none matches there.
 */
export function makeSnippet(text: string, terms: readonly Term[], from: number, width = 100): SnippetPart[] {
  const offsets: number[] = [];
  const folded = foldText(text, offsets);
  const original = (i: number): number => (i < offsets.length ? offsets[i]! : text.length);
  const hits: Array<[number, number]> = [];
  for (const t of terms) {
    for (let at = findTerm(folded, t); at >= 0; at = findTerm(folded, t, at + t.text.length)) {
      const start = original(at);
      if (start < from) continue;
      hits.push([start, Math.max(original(at + t.text.length), start + 1)]);
      if (hits.length > 64) break;
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  const first = hits[0]?.[0] ?? from;
  let start = Math.max(from, first - Math.floor(width / 5));
  // Start at a line or sentence boundary close before the match when there is one.
  const boundary = Math.max(text.lastIndexOf('\n', first), ...'。！？；'.split('').map((p) => text.lastIndexOf(p, first - 1)));
  if (boundary >= start) start = boundary + 1;
  const end = Math.min(text.length, start + width);
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [s, e] of hits) {
    if (s < at || s >= end) continue;
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, Math.min(e, end)), mark: true });
    at = Math.min(e, end);
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  return parts.map((p) => ({ text: p.text.replace(/\s+/g, ' '), mark: p.mark }));
}
