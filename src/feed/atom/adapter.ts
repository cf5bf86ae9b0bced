import type { FeedItem, ParsedFeed } from '../../model/index.js';
import { pickAlternateLink } from '../atom-links.js';
import { categoriesOf } from '../categories.js';
import { childElements, trimmedText } from '../dom-text.js';
import { htmlToText } from '../html-to-text.js';
import { personName } from '../person-name.js';
import { isWebUrl, resolveUrl } from '../resolve-url.js';
import { baseAt } from '../xml-base.js';
import type { FeedElement } from '../feed-node.js';
import type { RawAtomEntry, RawAtomFeed } from './raw.js';
import { readTextConstruct } from './text-construct.js';
import type { TextValue } from './text-construct.js';

interface Context {
  readonly feedUrl: string;
  readonly hasXmlBase: boolean;
  readonly version: '0.3' | '1.0';
  /** Feed-level authors apply to entries that name none (RFC 4287 §4.2.1). */
  readonly feedAuthor: string;
}

/** All Atom quirks and fallbacks: raw Atom shape → ParsedFeed. */
export function adaptAtom(raw: RawAtomFeed, feedUrl: string, hasXmlBase: boolean): ParsedFeed {
  const ctx: Context = { feedUrl, hasXmlBase, version: raw.version, feedAuthor: authorsOf(raw.authors) };
  return {
    format: 'atom',
    title: titleOf(raw.title, ctx),
    link: linkOf(raw.links, ctx),
    items: raw.entries.map((entry) => adaptEntry(entry, ctx)),
  };
}

function adaptEntry(raw: RawAtomEntry, ctx: Context): FeedItem {
  const id = trimmedText(raw.id);
  let link = raw.origLink ? resolveUrl(trimmedText(raw.origLink), ctx.feedUrl) : linkOf(raw.links, ctx);
  // Entries with no alternate link often use the permalink as id (Blogger, WordPress).
  if (link === '' && isWebUrl(id)) link = id;
  const body = contentOf(raw, ctx);
  let baseUrl = link || ctx.feedUrl;
  if (body && ctx.hasXmlBase) {
    const base = baseAt(body.el, ctx.feedUrl, true);
    if (base.fromXmlBase) baseUrl = base.url;
  }
  const date = raw.published ?? raw.updated ?? raw.issued ?? raw.modified ?? raw.created ?? raw.dcDate;
  return {
    title: titleOf(raw.title, ctx),
    link,
    guid: id,
    date: trimmedText(date),
    author: authorsOf(raw.authors) || personName(trimmedText(raw.dcCreator)) || ctx.feedAuthor,
    content: body?.value ?? '',
    contentType: body?.type ?? 'html',
    baseUrl,
    categories: categoriesOf(raw.categories),
  };
}

function titleOf(el: FeedElement | undefined, ctx: Context): string {
  if (el === undefined) return '';
  const text = readTextConstruct(el, ctx.version);
  return text.type === 'html' ? htmlToText(text.value) : text.value;
}

function linkOf(links: readonly FeedElement[], ctx: Context): string {
  const alt = pickAlternateLink(links);
  return alt ? resolveUrl(alt.href, baseAt(alt.el, ctx.feedUrl, ctx.hasXmlBase).url) : '';
}

/** content > summary > media:group/media:description (YouTube: plain text). */
function contentOf(raw: RawAtomEntry, ctx: Context): (TextValue & { el: FeedElement }) | undefined {
  for (const el of [raw.content, raw.summary]) {
    if (el === undefined) continue;
    const text = readTextConstruct(el, ctx.version);
    if (text.value !== '') return { ...text, el };
  }
  if (raw.mediaGroup !== undefined) {
    for (const el of childElements(raw.mediaGroup)) {
      if (el.key !== 'media:description') continue;
      const value = trimmedText(el);
      if (value !== '') return { value, type: el.attribs['type'] === 'html' ? 'html' : 'text', el };
    }
  }
  return undefined;
}

/** Names of the author elements, joined; `<author>Name</author>` without `<name>` is accepted. */
function authorsOf(authors: readonly FeedElement[]): string {
  const names: string[] = [];
  for (const author of authors) {
    const children = childElements(author);
    const nameEl = children.find((c) => c.key === 'name');
    const name = nameEl ? trimmedText(nameEl) : children.length === 0 ? personName(trimmedText(author)) : '';
    if (name !== '') names.push(name);
  }
  return names.join(', ');
}
