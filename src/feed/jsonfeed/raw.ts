/**
 * JSON Feed 1.0/1.1 as found in the wild: every field may be missing or of the wrong
 * type, so the raw shape is `unknown` values the adapter checks one by one.
 */
export interface RawJsonAuthor {
  readonly name?: unknown;
}

export interface RawJsonItem {
  readonly id?: unknown;
  readonly url?: unknown;
  readonly external_url?: unknown;
  readonly title?: unknown;
  readonly content_html?: unknown;
  readonly content_text?: unknown;
  readonly summary?: unknown;
  readonly date_published?: unknown;
  readonly date_modified?: unknown;
  /** 1.0 */
  readonly author?: unknown;
  /** 1.1 */
  readonly authors?: unknown;
  readonly tags?: unknown;
}

export interface RawJsonFeed {
  readonly version?: unknown;
  readonly title?: unknown;
  readonly home_page_url?: unknown;
  readonly feed_url?: unknown;
  /** 1.1 */
  readonly language?: unknown;
  readonly author?: unknown;
  readonly authors?: unknown;
  readonly items?: unknown;
}
