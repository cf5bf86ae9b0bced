/** One article as read from a feed, before cleaning. Strings are decoded text, never raw XML. */
export interface FeedItem {
  /** Title as plain text (entities decoded, tags stripped); may be empty. */
  readonly title: string;
  /** Absolute article URL, resolved against xml:base / feed URL; may be empty. */
  readonly link: string;
  /** The feed's own id for the item (RSS guid, Atom id, JSON Feed id); may be empty. */
  readonly guid: string;
  /** Raw date string as found in the feed (parsed later, with the feed's time zone). */
  readonly date: string;
  /** Item author (author > dc:creator), plain text; empty when the feed gives none. */
  readonly author: string;
  /** Body: HTML when `contentType` is 'html', plain text when 'text'. Unsanitized. */
  readonly content: string;
  readonly contentType: 'html' | 'text';
  /** Base URL for resolving relative URLs inside `content`. */
  readonly baseUrl: string;
  readonly categories: readonly string[];
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string;
  readonly link: string;
  readonly items: readonly FeedItem[];
}
