import { createHash } from 'node:crypto';
import { displayText } from '../display-text.js';
import type { SitePost } from '../site-model.js';
import { absoluteUrl, relativeUrl, webUrl } from './absolute-url.js';
import { xmlSafe } from './xml-text.js';

/** One item as every feed format writes it; all text is plain and XML-safe. */
export interface FeedEntry {
  /** Stable across builds, base URL and permalink changes: see `entryId`. */
  readonly id: string;
  readonly title: string;
  /**
   * The post's page on the site when the base URL is known, else the original article; a post
   * without a web link gets its page relative to the feed file (resolved against the feed's URL).
   */
  readonly link: string;
  /** The original article when `link` is the site's page ('' otherwise). */
  readonly original: string;
  /** Epoch ms, whole seconds (RSS dates have no finer unit; all formats agree). */
  readonly date: number;
  /** The post's author, else its source ('' only when both are missing). */
  readonly author: string;
  readonly source: string;
  readonly categories: readonly string[];
  /** The presented content (sanitized HTML), XML-safe. */
  readonly html: string;
}

/** A feed: the site's or one source's newest posts. */
export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the folder holding the feed files and the list page (ends in '/'), or '' when the site's URL is unknown. */
  readonly folderUrl: string;
  readonly id: string;
  /** Newest entry's date (0 for an empty feed): a build with no new post writes the same bytes. */
  readonly updated: number;
  readonly entries: readonly FeedEntry[];
}

/**
 * A file of the feed's folder: absolute when the site's URL is known (the list page as its
 * folder URL, `…/sources/大纪元/`), else relative to the feed file itself (`index.html`).
 */
export function channelLink(ch: FeedChannel, file: string): string {
  if (!ch.folderUrl) return file;
  return file === 'index.html' ? ch.folderUrl : ch.folderUrl + file;
}

/** The entry's link where a format needs a full URL (RSS, JSON Feed): '' for a link relative to the feed. */
export function fullLink(e: FeedEntry): string {
  return /^https?:\/\//.test(e.link) ? e.link : '';
}

/** Plain one-line text: entities of legacy titles decoded, XML-unsafe characters dropped, whitespace folded. */
export function plainText(text: string): string {
  return xmlSafe(displayText(text)).replace(/[\t\n\r\f ]+/g, ' ').trim();
}

/** `base` is from `siteBase` ('' when unknown); `folder` holds the feed file ('' for the root, `sources/x/`). */
export function feedEntry(p: SitePost, html: string, base: string, folder: string): FeedEntry {
  const post = p.post;
  const original = webUrl(post.link);
  const link = base ? absoluteUrl(base, p.url) : original || relativeUrl(folder, p.url);
  const source = plainText(post.site);
  const categories = [...new Set([...(post.categories ?? []).map(plainText), source])].filter((c) => c !== '');
  return {
    id: entryId(p),
    title: plainText(post.title),
    link,
    original: original !== link ? original : '',
    date: wholeSeconds(post.date),
    author: plainText(post.author) || source,
    source,
    categories,
    // XML readers turn CR LF into LF; JSON readers would not: all formats carry LF.
    html: xmlSafe(html).replace(/\r\n?/g, '\n'),
  };
}

/**
 * The item's id: the original article's URL, which is the archive's own identity for a post —
 * unlike the site's page URL it survives a new `url`/`baseurl`/`permalink` and is the same in
 * the site's and the source's feed, so readers never see a post twice. A post without a web
 * link gets a name-based `urn:uuid:` of its feed GUID (or title and date).
 */
export function entryId(p: SitePost): string {
  const { link, guid, title, date } = p.post;
  return webUrl(link) || webUrl(guid ?? '') || uuidUrn(`post\n${guid || link || `${title}\n${date}`}`);
}

/** A name-based (version 5 layout, SHA-1) UUID URN: stable for the same name. */
export function uuidUrn(name: string): string {
  const h = createHash('sha1').update(`samizdat\n${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Year 0000 to 9999: what RFC 3339 can write. */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59);
const FIRST_MS = -62167219200000;

/** Whole seconds; a date no feed format can write becomes the epoch. */
function wholeSeconds(ms: number): number {
  return Number.isFinite(ms) && ms >= FIRST_MS && ms <= LAST_MS ? Math.floor(ms / 1000) * 1000 : 0;
}

/** RFC 3339 in UTC, whole seconds (Atom, JSON Feed, sitemaps). */
export function rfc3339(ms: number): string {
  return new Date(wholeSeconds(ms)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 822 as RSS 2.0 wants it (`Fri, 18 Apr 2014 02:00:00 GMT`). */
export function rfc822(ms: number): string {
  return new Date(wholeSeconds(ms)).toUTCString();
}
