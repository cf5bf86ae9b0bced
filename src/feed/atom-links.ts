import { attr, trimmedText } from './dom-text.js';
import type { FeedElement } from './feed-node.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * The entry's web page among Atom-style `<link>` elements: rel="alternate" or no rel,
 * preferring an HTML type (YouTube and podcasts also list media). A bare `<link>` with
 * text instead of href (RSS habits inside Atom) counts as a link too.
 */
export function pickAlternateLink(links: readonly FeedElement[]): { el: FeedElement; href: string } | undefined {
  let fallback: { el: FeedElement; href: string } | undefined;
  for (const el of links) {
    const rel = (attr(el, 'rel') ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate' && rel !== '') continue;
    const href = (attr(el, 'href') ?? trimmedText(el)).trim();
    if (href === '') continue;
    const type = attr(el, 'type')?.trim().toLowerCase();
    if (type === undefined || HTML_TYPES.has(type)) return { el, href };
    fallback ??= { el, href };
  }
  return fallback;
}
