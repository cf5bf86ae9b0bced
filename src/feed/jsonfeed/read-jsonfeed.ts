import { feedError } from '../feed-error.js';
import type { RawJsonFeed } from './raw.js';

/** Parses JSON text and checks it is a JSON Feed (a version URL or an items array). */
export function readJsonFeed(text: string, feedUrl: string): RawJsonFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw feedError(feedUrl, 'malformed', `malformed JSON (${why})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw feedError(feedUrl, 'not-a-feed', 'not a feed (got JSON that is not an object)');
  }
  const feed = data as RawJsonFeed;
  const version = typeof feed.version === 'string' ? feed.version : '';
  if (!version.includes('jsonfeed.org/version/') && !Array.isArray(feed.items)) {
    throw feedError(feedUrl, 'not-a-feed', 'not a feed (got JSON without a JSON Feed version or items)');
  }
  return feed;
}
