/** What happened to one feed in a run: one line of the report. */
export type FeedStatus = 'new' | 'unchanged' | 'failed' | 'skipped' | 'dead';

export interface FeedOutcome {
  readonly site: string;
  readonly url: string;
  readonly status: FeedStatus;
  /** Items in the feed (0 when not fetched or not modified). */
  readonly items: number;
  /** Posts written in this run. */
  readonly newPosts: number;
  /** Items skipped because they could not be archived (with reasons in `warnings`). */
  readonly rejected: number;
  readonly ms: number;
  /** Stable machine code of the failure (`timeout`, `http`, `not-a-feed`, …). */
  readonly code?: string;
  /** One line: why it failed or was skipped. */
  readonly message?: string;
  /** Set when the feed moved for good (301/308); the operator should update subs.json. */
  readonly movedTo?: string;
  readonly warnings: readonly string[];
  /** Relative paths of the posts written. */
  readonly written: readonly string[];
}

export interface RunReport {
  readonly startedAt: string;
  readonly ms: number;
  readonly archive: string;
  readonly feeds: readonly FeedOutcome[];
  readonly totals: { readonly feeds: number; readonly new: number; readonly unchanged: number; readonly failed: number; readonly skipped: number; readonly posts: number };
}

export function summarize(feeds: readonly FeedOutcome[]): RunReport['totals'] {
  const count = (s: FeedOutcome['status']): number => feeds.filter((f) => f.status === s).length;
  return {
    feeds: feeds.length,
    new: count('new'),
    unchanged: count('unchanged'),
    failed: count('failed') + count('dead'),
    skipped: count('skipped'),
    posts: feeds.reduce((n, f) => n + f.newPosts, 0),
  };
}
