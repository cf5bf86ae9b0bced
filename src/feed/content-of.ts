import { hasElementChildren, serializeChildren, textOf } from './dom-text.js';
import type { FeedElement } from './feed-node.js';

/** Body text of an HTML-bearing element: escaped or CDATA HTML as text, naked markup serialized. */
export function htmlOf(el: FeedElement): string {
  return (hasElementChildren(el) ? serializeChildren(el) : textOf(el)).trim();
}
