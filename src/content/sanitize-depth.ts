import { decodeHTML } from '../vendor/entities.js';

/**
 * htmlparser2 keeps its stack of open elements with Array#unshift, so parsing costs O(depth²):
 * 100,000 nested <div>s take seconds, 400,000 (2 MB of them) minutes. No real article nests
 * more than a few hundred levels, so HTML deeper than this is treated as hostile.
 */
export const MAX_DEPTH = 10_000;

/** Elements a parser closes by itself when a sibling opens (unclosed <p>/<li> are common and harmless). */
const SELF_ENDING = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'option', 'optgroup', 'rt', 'rp',
]);
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/**
 * True when the HTML may nest deeper than `limit`. One linear pass over start/end tags: each
 * name's count of unclosed start tags (end tags only close what was opened), self-ending
 * elements counted once. Their sum bounds the parser's stack, give or take the self-ending ones.
 */
export function mayNestDeeperThan(html: string, limit = MAX_DEPTH): boolean {
  if (html.length < limit * 3) return false; // "<a>" is the shortest start tag
  const open = new Map<string, number>();
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][^\s/>]*)/g)) {
    const name = (m[2] ?? '').toLowerCase();
    if (VOID.has(name)) continue;
    const n = open.get(name) ?? 0;
    if (m[1] === '/') {
      if (n > 0 && !SELF_ENDING.has(name)) {
        open.set(name, n - 1);
        depth--;
      }
    } else if (!SELF_ENDING.has(name) || n === 0) {
      open.set(name, n + 1);
      depth++;
      if (depth > limit) return true;
    }
  }
  return false;
}

/** The text of HTML too hostile to parse: anything tag-like removed (linear: no '<' inside), entities decoded. */
export function flattenToText(html: string): string {
  return decodeHTML(html.replace(/<[^<>]*>/g, ' ')).replace(/[ \t]+/g, ' ').trim();
}
