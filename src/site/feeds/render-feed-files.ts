import type { FeedChannel } from './feed-entry.js';
import { renderAtom } from './render-atom.js';
import { renderJsonFeed } from './render-json-feed.js';
import { renderRss } from './render-rss.js';

/** The three files every feed folder gets. */
export const FEED_FILES = ['feed.xml', 'rss.xml', 'feed.json'] as const;
export type FeedFile = (typeof FEED_FILES)[number];

export interface FeedFilesInput {
  readonly channel: FeedChannel;
  readonly siteTitle: string;
  readonly files: readonly FeedFile[];
}

/** The text of each of `files` for one feed: Atom, RSS 2.0 or JSON Feed. */
export function renderFeedFiles({ channel, siteTitle, files }: FeedFilesInput): string[] {
  return files.map((f) => (f === 'feed.xml' ? renderAtom(channel, siteTitle) : f === 'rss.xml' ? renderRss(channel) : renderJsonFeed(channel, siteTitle)));
}
