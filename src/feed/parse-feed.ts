import type { ParsedFeed } from '../model/index.js';
import { adaptAtom } from './atom/adapter.js';
import { readAtom } from './atom/read-atom.js';
import { findFeedRoot } from './detect-format.js';
import { feedError } from './feed-error.js';
import { adaptJsonFeed } from './jsonfeed/adapter.js';
import { readJsonFeed } from './jsonfeed/read-jsonfeed.js';
import { languageTag } from './language-tag.js';
import { adaptRss } from './rss/adapter.js';
import { readRss } from './rss/read-rss.js';
import { parseXmlDom } from './xml-dom.js';
import { prepareXml } from './xml-prepare.js';

export interface ParseFeedOptions {
  /** The HTTP Content-Language header: the feed's language when the feed declares none. */
  readonly contentLanguage?: string;
}

/**
 * Parses feed text (already decoded) into items. Detects JSON Feed by its first character,
 * else repairs and parses the XML and dispatches on the root element: RSS 0.9x/2.0, RSS 1.0
 * (RDF), Atom 0.3/1.0. Throws SamizdatError('feed', 'empty' | 'malformed' | 'not-a-feed').
 */
export function parseFeed(text: string, feedUrl: string, options?: ParseFeedOptions): ParsedFeed {
  const feed = parseText(text, feedUrl);
  if (feed.language !== undefined || options?.contentLanguage === undefined) return feed;
  return { ...feed, language: languageTag(options.contentLanguage) };
}

function parseText(text: string, feedUrl: string): ParsedFeed {
  const start = text.search(/[^\s\uFEFF]/);
  if (start < 0) throw feedError(feedUrl, 'empty', 'empty document');
  if (text[start] === '{') return adaptJsonFeed(readJsonFeed(text.slice(start), feedUrl), feedUrl);
  const dom = parseXmlDom(prepareXml(text));
  const root = findFeedRoot(dom.document, text.slice(start), feedUrl);
  if (root.format === 'atom') return adaptAtom(readAtom(root.el), feedUrl, dom.hasXmlBase);
  return adaptRss(readRss(root.el, root.format), feedUrl, dom.hasXmlBase);
}
