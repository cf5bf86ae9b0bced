/** One entry of subs.json after validation. */
export interface Subscription {
  /** Source name shown on the site and written to tags/categories (e.g. 大纪元). */
  readonly site: string;
  /** Feed URL as written in subs.json (absolute http/https). */
  readonly url: string;
  /** Hard total deadline for one fetch of this feed, in ms. */
  readonly timeoutMs?: number;
  /** Charset to use instead of the detected one (e.g. "gbk"). */
  readonly encoding?: string;
  /** IANA zone for dates that carry no zone (default Asia/Shanghai). */
  readonly timezone?: string;
  /** Extra request headers (e.g. a cookie). */
  readonly headers?: Readonly<Record<string, string>>;
}
