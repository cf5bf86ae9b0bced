/** What the index remembers about one feed between runs. */
export interface FeedState {
  readonly url: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly lastStatus?: string;
  readonly lastError?: string;
  readonly consecutiveFailures: number;
  /** Epoch ms before which the feed is not fetched again (back-off, Retry-After). */
  readonly nextFetchAt: number;
  /** New URL after a permanent redirect. */
  readonly movedTo?: string;
  /** Set when the server answered 410 Gone. */
  readonly dead: boolean;
  readonly lastNewItemAt?: number;
  readonly lastFetchAt?: number;
}
