import type { FeedItem, ParsedFeed } from '../../model/index.js';
import { pickAlternateLink } from '../atom-links.js';
import { htmlOf } from '../content-of.js';
import { readTextConstruct } from '../atom/text-construct.js';
import { categoriesOf } from '../categories.js';
import { attr, decodeEntities, serializeChildren, textOf, trimmedText } from '../dom-text.js';
import { rssTitleText } from '../html-to-text.js';
import { languageTag } from '../language-tag.js';
import { personEmail, personName } from '../person-name.js';
import { isWebUrl, resolveUrl } from '../resolve-url.js';
import { baseAt } from '../xml-base.js';
import type { FeedElement } from '../feed-node.js';
import type { RawRssFeed, RawRssItem } from './raw.js';

interface Context {
  readonly feedUrl: string;
  readonly hasXmlBase: boolean;
}

/** All RSS quirks and fallbacks: raw RSS/RDF shape → ParsedFeed. */
export function adaptRss(raw: RawRssFeed, feedUrl: string, hasXmlBase: boolean): ParsedFeed {
  const ctx: Context = { feedUrl, hasXmlBase };
  const linkEl = raw.link ?? pickAlternateLink(raw.atomLinks)?.el;
  const link = linkEl ? linkOf(linkEl, ctx) : '';
  return {
    format: raw.format,
    title: rssTitleText(trimmedText(raw.title)),
    link,
    language: languageTag(textOf(raw.language)) ?? languageTag(raw.rootLang),
    items: raw.items.map((item) => adaptItem(item, ctx)),
  };
}

function adaptItem(raw: RawRssItem, ctx: Context): FeedItem {
  const link = itemLink(raw, ctx);
  const body = itemContent(raw);
  const summary = itemSummary(raw, body);
  const author = trimmedText(raw.author ?? raw.dcCreator ?? raw.itunesAuthor);
  let baseUrl = link || ctx.feedUrl;
  if (body && ctx.hasXmlBase) {
    const base = baseAt(body.el, ctx.feedUrl, true);
    if (base.fromXmlBase) baseUrl = base.url;
  }
  return {
    title: rssTitleText(trimmedText(raw.title ?? raw.dcTitle ?? raw.mediaTitle ?? mediaChild(raw.mediaGroup, 'media:title'))),
    link,
    guid: trimmedText(raw.guid) || rdfAbout(raw.el),
    date: itemDate(raw),
    author: personName(author),
    authorEmail: personEmail(author),
    content: body?.content ?? '',
    contentType: body?.type ?? 'html',
    summary: summary?.content,
    summaryType: summary?.type,
    baseUrl,
    categories: categoriesOf(raw.categories),
  };
}

/**
 * feedburner:origLink (the article, not the tracking redirect) > link > a guid that is a
 * permalink > Atom alternate link > CDF's HREF attribute.
 */
function itemLink(raw: RawRssItem, ctx: Context): string {
  const el = raw.origLink ?? raw.link;
  if (el !== undefined) return linkOf(el, ctx);
  if (raw.guid !== undefined && attr(raw.guid, 'ispermalink')?.trim().toLowerCase() !== 'false') {
    const guid = trimmedText(raw.guid);
    if (isWebUrl(guid)) return guid;
  }
  const alt = pickAlternateLink(raw.atomLinks);
  if (alt !== undefined) return resolveUrl(alt.href, baseAt(alt.el, ctx.feedUrl, ctx.hasXmlBase).url);
  const href = attr(raw.el, 'href');
  return href ? resolveUrl(href, baseAt(raw.el, ctx.feedUrl, ctx.hasXmlBase).url) : '';
}

function linkOf(el: FeedElement, ctx: Context): string {
  const href = attr(el, 'href') ?? trimmedText(el);
  return resolveUrl(href, baseAt(el, ctx.feedUrl, ctx.hasXmlBase).url);
}

/** pubDate > dc:date > dcterms issued/created/modified > Atom dates > CDF LASTMOD. */
function itemDate(raw: RawRssItem): string {
  const el = raw.pubDate ?? raw.dcDate ?? raw.issued ?? raw.created ?? raw.modified ?? raw.published ?? raw.updated;
  return el !== undefined ? trimmedText(el) : (attr(raw.el, 'lastmod')?.trim() ?? '');
}

interface Body {
  readonly el: FeedElement;
  readonly content: string;
  readonly type: 'html' | 'text';
}

/**
 * content:encoded > Atom content > XHTML body > fullitem > description > dc:description > summary (HTML;
 * when several of these three are present, the first one written is the summary, not the body) >
 * itunes:summary > media:description (YouTube-style, text unless type="html") > CDF abstract.
 */
function itemContent(raw: RawRssItem): Body | undefined {
  if (raw.contentEncoded === undefined && raw.atomContent !== undefined) {
    const atom = readTextConstruct(raw.atomContent, '1.0');
    if (atom.value !== '') return { el: raw.atomContent, content: atom.value, type: atom.type };
  }
  // With two of description / dc:description / summary, the first is the summary and a later
  // one the body (feedparser's reading): the first written goes last.
  const described = [raw.description, raw.dcDescription, raw.summary].filter((el) => el !== undefined);
  if (described.length > 1 && raw.firstSummary !== undefined && described.includes(raw.firstSummary)) {
    described.splice(described.indexOf(raw.firstSummary), 1);
    described.push(raw.firstSummary);
  }
  for (const el of [raw.contentEncoded, raw.xhtmlBody, raw.fullitem, ...described]) {
    if (el === undefined) continue;
    const content = el === raw.xhtmlBody ? serializeChildren(el).trim() : htmlOf(el);
    if (content !== '') return { el, content, type: 'html' };
  }
  const media = raw.mediaDescription ?? mediaChild(raw.mediaGroup, 'media:description');
  for (const el of [raw.itunesSummary, media, raw.abstract]) {
    if (el === undefined) continue;
    const html = attr(el, 'type')?.trim().toLowerCase() === 'html';
    const content = html ? htmlOf(el) : trimmedText(el);
    if (content !== '') return { el, content, type: html ? 'html' : 'text' };
  }
  return undefined;
}

/** The first summary-like element, when it is not the body and says something else. */
function itemSummary(raw: RawRssItem, body: Body | undefined): Body | undefined {
  const el = raw.firstSummary;
  if (el === undefined || el === body?.el) return undefined;
  const html = el !== raw.itunesSummary || attr(el, 'type')?.trim().toLowerCase() === 'html';
  const content = html ? htmlOf(el) : trimmedText(el);
  if (content === '' || content === body?.content) return undefined;
  return { el, content, type: html ? 'html' : 'text' };
}

function mediaChild(group: FeedElement | undefined, key: string): FeedElement | undefined {
  if (group === undefined) return undefined;
  for (const child of group.children) if ('key' in child && child.key === key) return child as FeedElement;
  return undefined;
}

function rdfAbout(el: FeedElement): string {
  for (const key in el.attribs) {
    if (key === 'rdf:about' || key.endsWith(':about')) return decodeEntities(el.attribs[key] ?? '').trim();
  }
  return '';
}
