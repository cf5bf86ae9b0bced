/** One archived article: exactly what the post file holds. */
export interface Post {
  readonly title: string;
  /** Milliseconds since the epoch (UTC). */
  readonly date: number;
  readonly author: string;
  /** Absolute, normalised article URL (front matter `from:`). */
  readonly link: string;
  /** Source name (tags/categories). */
  readonly site: string;
  /** Sanitized HTML, one line. */
  readonly content: string;
  /** The feed's GUID when it differs from the link (kept so dedup survives a lost index). */
  readonly guid?: string;
  /** Front matter `comments:`. */
  readonly comments?: boolean;
  /** Extra categories before `site` (legacy `categories: [ news, S ]`). */
  readonly categories?: readonly string[];
}
