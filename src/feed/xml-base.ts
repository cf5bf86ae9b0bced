import { decodeEntities } from './dom-text.js';
import type { FeedElement } from './feed-node.js';
import { resolveUrl } from './resolve-url.js';

/** The base URL in effect at an element, and whether an xml:base set it. */
export interface BaseInEffect {
  readonly url: string;
  readonly fromXmlBase: boolean;
}

/**
 * Resolves nested xml:base attributes (feed, entry, element — each relative to the one
 * above it) down to `el`, starting from the feed URL. `hasXmlBase` false skips the walk.
 */
export function baseAt(el: FeedElement | undefined, feedUrl: string, hasXmlBase: boolean): BaseInEffect {
  if (!hasXmlBase || el === undefined) return { url: feedUrl, fromXmlBase: false };
  const bases: string[] = [];
  for (let node: FeedElement['parent'] = el; node !== null; node = node.parent) {
    if ('attribs' in node) {
      const base = node.attribs['xml:base'];
      if (base !== undefined) bases.push(decodeEntities(base));
    }
  }
  let url = feedUrl;
  for (let i = bases.length - 1; i >= 0; i--) url = resolveUrl(bases[i] ?? '', url) || url;
  return { url, fromXmlBase: bases.length > 0 };
}
