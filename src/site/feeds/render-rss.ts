import { VERSION } from '../../version.js';
import { channelLink, fullLink, rfc822, type FeedChannel, type FeedEntry } from './feed-entry.js';
import { cdata, xmlEscape } from './xml-text.js';

/**
 * RSS 2.0. RSS does not say whether a title is text or HTML and readers guess (a title that
 * holds a tag or an entity reference is taken for HTML by feedparser and by samizdat's own
 * parser), so a title that would be guessed as HTML is written HTML-escaped: every reader that
 * guesses then gets the title back exactly, and plain titles stay plain for those that don't.
 * Authors go in `dc:creator` (RSS `author` must be an e-mail address). Item links must be full
 * URLs: an item whose only link is relative to the feed has none here (Atom keeps it). The
 * channel's required `link` is relative (`index.html`) when the site's URL is unknown.
 */
export function renderRss(ch: FeedChannel): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${rssTitle(ch.title)}</title>`,
    `<link>${xmlEscape(channelLink(ch, 'index.html'))}</link>`,
    `<description>${xmlEscape(ch.description || ch.title)}</description>`,
    '<language>zh</language>',
    `<lastBuildDate>${rfc822(ch.updated)}</lastBuildDate>`,
    `<generator>samizdat ${xmlEscape(VERSION)}</generator>`,
  ];
  // RSS has no relative self link: it is written only where the site's URL is known.
  if (ch.folderUrl) out.push(`<atom:link rel="self" type="application/rss+xml" href="${xmlEscape(channelLink(ch, 'rss.xml'))}"/>`);
  for (const e of ch.entries) out.push(item(e));
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}

function item(e: FeedEntry): string {
  const link = fullLink(e);
  return [
    '<item>',
    `<title>${rssTitle(e.title)}</title>`,
    ...(link ? [`<link>${xmlEscape(link)}</link>`] : []),
    `<guid isPermaLink="${e.id === link ? 'true' : 'false'}">${xmlEscape(e.id)}</guid>`,
    `<pubDate>${rfc822(e.date)}</pubDate>`,
    ...(e.author ? [`<dc:creator>${xmlEscape(e.author)}</dc:creator>`] : []),
    ...e.categories.map((c) => `<category>${xmlEscape(c)}</category>`),
    `<description>${cdata(e.html)}</description>`,
    '</item>',
  ].join('\n');
}

/** Tag-like `<x`, `</`, `<!`, `<?` or an entity-like `&name;` / `&#…;`: what HTML-guessing readers look for. */
const GUESSED_AS_HTML = /<[A-Za-z/!?]|&#?\w+;/;
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function rssTitle(title: string): string {
  const text = GUESSED_AS_HTML.test(title) ? title.replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!) : title;
  return xmlEscape(text);
}
