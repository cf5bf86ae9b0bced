import type { FeedItem, ParsedFeed } from '../../model/index.js';
import { languageTag } from '../language-tag.js';
import { resolveUrl } from '../resolve-url.js';
import type { RawJsonFeed, RawJsonItem } from './raw.js';

/** All JSON Feed quirks and fallbacks: raw JSON Feed → ParsedFeed. */
export function adaptJsonFeed(raw: RawJsonFeed, feedUrl: string): ParsedFeed {
  const items = Array.isArray(raw.items) ? (raw.items as unknown[]) : [];
  // An item without author inherits the feed's (JSON Feed 1.1 §authors).
  const feedAuthor = authorsOf(raw.authors, raw.author);
  return {
    format: 'json',
    title: str(raw.title),
    link: resolveUrl(str(raw.home_page_url), feedUrl),
    language: languageTag(str(raw.language)),
    items: items
      .filter((item): item is RawJsonItem => typeof item === 'object' && item !== null)
      .map((item) => adaptItem(item, feedUrl, feedAuthor)),
  };
}

function adaptItem(raw: RawJsonItem, feedUrl: string, feedAuthor: string): FeedItem {
  const link = resolveUrl(str(raw.url) || str(raw.external_url), feedUrl);
  const html = str(raw.content_html);
  const text = html === '' ? str(raw.content_text) || str(raw.summary) : '';
  // JSON Feed's summary is plain text, kept when the body is something else.
  const summary = str(raw.summary);
  const apart = summary !== '' && summary !== (html || text);
  return {
    title: str(raw.title),
    link,
    guid: typeof raw.id === 'number' ? String(raw.id) : str(raw.id),
    date: str(raw.date_published) || str(raw.date_modified),
    author: authorsOf(raw.authors, raw.author) || feedAuthor,
    content: html || text,
    contentType: html !== '' ? 'html' : 'text',
    summary: apart ? summary : undefined,
    summaryType: apart ? 'text' : undefined,
    baseUrl: link || feedUrl,
    categories: Array.isArray(raw.tags) ? [...new Set(raw.tags.map(str).filter((t) => t !== ''))] : [],
  };
}

/** 1.1 `authors` array, else the 1.0 `author` object. */
function authorsOf(authors: unknown, author: unknown): string {
  const list = Array.isArray(authors) ? (authors as unknown[]) : author !== undefined ? [author] : [];
  const names: string[] = [];
  for (const a of list) {
    const name = typeof a === 'object' && a !== null ? str((a as { name?: unknown }).name) : '';
    if (name !== '') names.push(name);
  }
  return names.join(', ');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
