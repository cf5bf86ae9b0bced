import type { Document } from '../vendor/domhandler.js';
import type { FeedFormat } from '../model/index.js';
import { excerpt, feedError } from './feed-error.js';
import { FeedElement } from './feed-node.js';

export interface FeedRoot {
  readonly format: Exclude<FeedFormat, 'json'>;
  readonly el: FeedElement;
}

/** Format of a top-level element, if it is a feed root. */
function formatOf(el: FeedElement): FeedRoot['format'] | undefined {
  const key = el.key;
  if (key === 'rss' || key === 'channel') return 'rss';
  if (key === 'feed') return 'atom';
  if (key === 'rdf:rdf' || key === 'rdf' || key.endsWith(':rdf')) return 'rdf';
  return undefined;
}

/**
 * Finds the feed's root among the document's top-level elements (junk elements before it
 * are skipped); anything else is reported as what it is: an HTML page, another XML
 * vocabulary, or no markup at all.
 */
export function findFeedRoot(document: Document, text: string, feedUrl: string): FeedRoot {
  let first: FeedElement | undefined;
  for (const node of document.children) {
    if (!(node instanceof FeedElement)) continue;
    const format = formatOf(node);
    if (format !== undefined) return { format, el: node };
    first ??= node;
    if (node.key === 'html') throw feedError(feedUrl, 'not-a-feed', 'not a feed (got an HTML page)');
  }
  if (first !== undefined) {
    throw feedError(feedUrl, 'not-a-feed', `not a feed (got XML with root <${first.name}>)`);
  }
  throw feedError(feedUrl, 'malformed', `not a feed (no XML element, got ${excerpt(text)})`);
}
