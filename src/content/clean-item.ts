import type { FeedItem, Post } from '../model/index.js';
import { parseFeedDate } from './dates.js';
import { sanitizeHtml } from './sanitize.js';
import { plainTextToHtml, stripControlChars, titleFromContent, toOneLine } from './text.js';
import { absolutizeUrl, normalizeUrl } from './urls.js';

export interface CleanContext {
  /** Source name from subs.json. */
  readonly site: string;
  readonly feedUrl: string;
  /** When the feed was fetched: the date of undated or future-dated items. */
  readonly fetchedAt: number;
  /** Zone for dates that carry none. */
  readonly timeZone: string;
}

// Caps keep one absurd item (a 1 MiB title, a 50 MB body) from bloating the archive or the
// site; real articles are far below them.
const MAX_TITLE = 300;
const MAX_AUTHOR = 200;
const MAX_GUID = 2000;
const MAX_CONTENT = 2_000_000;

/**
 * A feed item → the post to archive. Text fields lose control characters and are capped;
 * dates fall back to the fetch time; the body becomes sanitized one-line HTML.
 * The sanitizer runs last on the HTML (only whitespace is joined after it).
 */
export function cleanItem(item: FeedItem, ctx: CleanContext): Post {
  const link = normalizeUrl(absolutizeUrl(item.link, ctx.feedUrl));
  // Cut first: stripControlChars then removes a surrogate half the cut may leave.
  const raw = stripControlChars(item.content.slice(0, MAX_CONTENT));
  const html = item.contentType === 'text' ? plainTextToHtml(raw) : raw;
  const content = toOneLine(sanitizeHtml(html, item.baseUrl || link || ctx.feedUrl));

  const title = cap(oneLineText(item.title), MAX_TITLE) || titleFromContent(content) || link || 'untitled';
  const guid = cap(stripControlChars(item.guid).trim(), MAX_GUID);
  const parsed = parseFeedDate(item.date, { timeZone: ctx.timeZone });
  const date = parsed === undefined || parsed > ctx.fetchedAt ? ctx.fetchedAt : parsed;

  return {
    title,
    date,
    author: cap(oneLineText(item.author), MAX_AUTHOR) || ctx.site,
    link,
    site: ctx.site,
    content,
    ...(guid && guid !== link && normalizeUrl(guid) !== link ? { guid } : {}),
  };
}

function oneLineText(s: string): string {
  return stripControlChars(s).replace(/\s+/g, ' ').trim();
}

/** Cut to `max` code points, never inside a surrogate pair. */
function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  return Array.from(s).slice(0, max).join('');
}
