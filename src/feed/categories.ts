import { attr, trimmedText } from './dom-text.js';
import type { FeedElement } from './feed-node.js';

/** Distinct, non-empty category names: Atom `term`, else the element text (RSS, dc:subject). */
export function categoriesOf(els: readonly FeedElement[]): string[] {
  if (els.length === 0) return [];
  const seen = new Set<string>();
  for (const el of els) {
    const value = (attr(el, 'term') ?? trimmedText(el)).trim();
    if (value !== '') seen.add(value);
  }
  return [...seen];
}
