import { cleanItem } from '../content/clean-item.js';
import { parseFeed } from '../feed/parse-feed.js';
import type { Post } from '../model/index.js';

export interface CleanInput {
  readonly text: string;
  readonly feedUrl: string;
  readonly site: string;
  readonly timeZone: string;
  readonly fetchedAt: number;
}

export interface CleanOutput {
  /** Items in the feed. */
  readonly items: number;
  readonly posts: readonly Post[];
  /** Items that could not be turned into posts, with why. */
  readonly rejected: ReadonlyArray<{ readonly title: string; readonly message: string }>;
}

/**
 * The CPU-heavy middle of a refresh: parse the feed, clean every item. Pure (no I/O), so it
 * can run on a worker thread. A feed that cannot be parsed throws; a bad item is rejected.
 */
export function parseAndClean(input: CleanInput): CleanOutput {
  const feed = parseFeed(input.text, input.feedUrl);
  const posts: Post[] = [];
  const rejected: Array<{ title: string; message: string }> = [];
  for (const item of feed.items) {
    try {
      posts.push(cleanItem(item, { site: input.site, feedUrl: input.feedUrl, fetchedAt: input.fetchedAt, timeZone: input.timeZone }));
    } catch (err) {
      rejected.push({ title: item.title.slice(0, 60), message: (err instanceof Error ? err.message : String(err)).split('\n')[0]! });
    }
  }
  return { items: feed.items.length, posts, rejected };
}
