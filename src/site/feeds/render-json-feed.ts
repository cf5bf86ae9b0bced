import type { FeedChannel, FeedEntry } from './feed-entry.js';
import { channelLink, fullLink, rfc3339 } from './feed-entry.js';

/**
 * JSON Feed 1.1. `home_page_url` and `feed_url` must be full URLs, so they are left out when
 * the site's URL is unknown; `url` is the item's page (or the original), `external_url` the
 * original article when `url` is the site's page. An item whose only link is relative to the
 * feed has no `url` (the schema wants full URLs).
 */
export function renderJsonFeed(ch: FeedChannel, fallbackAuthor: string): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: ch.title,
    ...(ch.folderUrl ? { home_page_url: channelLink(ch, 'index.html'), feed_url: channelLink(ch, 'feed.json') } : {}),
    ...(ch.description ? { description: ch.description } : {}),
    language: 'zh',
    authors: [{ name: fallbackAuthor }],
    items: ch.entries.map(item),
  };
  return `${JSON.stringify(feed, null, 1)}\n`;
}

function item(e: FeedEntry): Record<string, unknown> {
  const url = fullLink(e);
  return {
    id: e.id,
    ...(url ? { url } : {}),
    ...(e.original ? { external_url: e.original } : {}),
    title: e.title,
    content_html: e.html,
    date_published: rfc3339(e.date),
    ...(e.author ? { authors: [{ name: e.author }] } : {}),
    ...(e.categories.length ? { tags: e.categories } : {}),
  };
}
