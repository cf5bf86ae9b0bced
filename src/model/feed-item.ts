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
  /** The author's email address when the feed gives one (Atom `<email>`, RSS `me@x.org (Name)`). */
  readonly authorEmail?: string;
  /** Body: HTML when `contentType` is 'html', plain text when 'text'. Unsanitized. */
  readonly content: string;
  readonly contentType: 'html' | 'text';
  /**
   * The item's summary when the feed gives one apart from the body (an RSS description beside
   * content:encoded, an Atom summary beside content); absent when the summary is the body.
   * Of several summary-like elements (description, summary, itunes:summary) the first is the
   * summary, as in feedparser. HTML when `summaryType` is 'html', else plain text. Unsanitized.
   */
  readonly summary?: string;
  readonly summaryType?: 'html' | 'text';
  /** Base URL for resolving relative URLs inside `content`. */
  readonly baseUrl: string;
  readonly categories: readonly string[];
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string;
  readonly link: string;
  /**
   * The feed's language as declared (a BCP 47 tag, `_` read as `-`): RSS `<language>` or
   * `<dc:language>`, else `xml:lang` on the root element, else the HTTP Content-Language.
   */
  readonly language?: string;
  readonly items: readonly FeedItem[];
}
