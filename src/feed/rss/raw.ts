import type { FeedElement } from '../feed-node.js';

/**
 * The raw shape of an RSS 0.9x/2.0 or RSS 1.0 (RDF) item: the elements found, sorted by
 * what they are, before any fallback is chosen. When an element repeats, the last one is
 * kept (as feedparser does), except `link`, where empty ones are skipped.
 */
export interface RawRssItem {
  readonly el: FeedElement;
  title?: FeedElement;
  dcTitle?: FeedElement;
  mediaTitle?: FeedElement;
  link?: FeedElement;
  origLink?: FeedElement;
  atomLinks: FeedElement[];
  guid?: FeedElement;
  pubDate?: FeedElement;
  dcDate?: FeedElement;
  issued?: FeedElement;
  created?: FeedElement;
  modified?: FeedElement;
  published?: FeedElement;
  updated?: FeedElement;
  author?: FeedElement;
  dcCreator?: FeedElement;
  itunesAuthor?: FeedElement;
  contentEncoded?: FeedElement;
  /** `<atom:content>` inside RSS. */
  atomContent?: FeedElement;
  xhtmlBody?: FeedElement;
  fullitem?: FeedElement;
  description?: FeedElement;
  dcDescription?: FeedElement;
  summary?: FeedElement;
  itunesSummary?: FeedElement;
  /** The first of description, dc:description, summary, itunes:summary: feedparser's summary. */
  firstSummary?: FeedElement;
  mediaGroup?: FeedElement;
  mediaDescription?: FeedElement;
  abstract?: FeedElement;
  categories: FeedElement[];
}

export interface RawRssFeed {
  readonly format: 'rss' | 'rdf';
  readonly channel: FeedElement | undefined;
  title?: FeedElement;
  link?: FeedElement;
  /** `<language>` or `<dc:language>` of the channel (the last one). */
  language?: FeedElement;
  /** `xml:lang` on the root element. */
  readonly rootLang: string | undefined;
  atomLinks: FeedElement[];
  readonly items: RawRssItem[];
}
