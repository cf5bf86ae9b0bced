import type { FeedItem, ParsedFeed } from '../../model/index.js';
import { pickAlternateLink } from '../atom-links.js';
import { categoriesOf } from '../categories.js';
import { childElements, trimmedText } from '../dom-text.js';
import { htmlToText } from '../html-to-text.js';
import { languageTag } from '../language-tag.js';
import { personEmail, personName } from '../person-name.js';
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
  readonly feedAuthor: Person;
}

interface Person {
  readonly name: string;
  readonly email: string | undefined;
}

/** All Atom quirks and fallbacks: raw Atom shape → ParsedFeed. */
export function adaptAtom(raw: RawAtomFeed, feedUrl: string, hasXmlBase: boolean): ParsedFeed {
  const ctx: Context = { feedUrl, hasXmlBase, version: raw.version, feedAuthor: authorsOf(raw.authors) };
  return {
    format: 'atom',
    title: titleOf(raw.title, ctx),
    link: linkOf(raw.links, ctx),
    language: languageTag(raw.lang),
    items: raw.entries.map((entry) => adaptEntry(entry, ctx)),
  };
}

function adaptEntry(raw: RawAtomEntry, ctx: Context): FeedItem {
  const id = trimmedText(raw.id);
  let link = raw.origLink ? resolveUrl(trimmedText(raw.origLink), ctx.feedUrl) : linkOf(raw.links, ctx);
  // Entries with no alternate link often use the permalink as id (Blogger, WordPress).
  if (link === '' && isWebUrl(id)) link = id;
  const body = contentOf(raw, ctx);
  const summary = summaryOf(raw, body, ctx);
  const author = entryAuthor(raw, ctx);
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
    author: author.name,
    authorEmail: author.email,
    content: body?.value ?? '',
    contentType: body?.type ?? 'html',
    summary: summary?.value,
    summaryType: summary?.type,
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

/** The entry's summary when its body is the content and the summary says something else. */
function summaryOf(raw: RawAtomEntry, body: { el: FeedElement; value: string } | undefined, ctx: Context): TextValue | undefined {
  if (raw.summary === undefined || body === undefined || body.el === raw.summary) return undefined;
  const summary = readTextConstruct(raw.summary, ctx.version);
  return summary.value === '' || summary.value === body.value ? undefined : summary;
}

/** The entry's authors, else its dc:creator, else the feed's authors. */
function entryAuthor(raw: RawAtomEntry, ctx: Context): Person {
  const authors = authorsOf(raw.authors);
  if (authors.name !== '') return authors;
  const creator = trimmedText(raw.dcCreator);
  if (creator !== '') return { name: personName(creator), email: personEmail(creator) };
  return ctx.feedAuthor;
}

/**
 * Names of the author elements, joined, and the first author's email; `<author>Name</author>`
 * without `<name>` is accepted.
 */
function authorsOf(authors: readonly FeedElement[]): Person {
  const names: string[] = [];
  let email: string | undefined;
  for (const author of authors) {
    const children = childElements(author);
    const nameEl = children.find((c) => c.key === 'name');
    const text = children.length === 0 ? trimmedText(author) : '';
    const name = nameEl ? trimmedText(nameEl) : personName(text);
    if (name === '') continue;
    if (names.length === 0) {
      const emailEl = children.find((c) => c.key === 'email');
      email = emailEl ? trimmedText(emailEl) || undefined : personEmail(text);
    }
    names.push(name);
  }
  return { name: names.join(', '), email };
}
