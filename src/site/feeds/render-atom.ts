import { VERSION } from '../../version.js';
import { channelLink, rfc3339, type FeedChannel, type FeedEntry } from './feed-entry.js';
import { cdata, xmlEscape } from './xml-text.js';

/** Atom 1.0 (RFC 4287). Titles are `type="text"`; content is `type="html"` in CDATA. */
export function renderAtom(ch: FeedChannel, fallbackAuthor: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh">',
    `<id>${xmlEscape(ch.id)}</id>`,
    `<title type="text">${xmlEscape(ch.title)}</title>`,
  ];
  if (ch.description) out.push(`<subtitle type="text">${xmlEscape(ch.description)}</subtitle>`);
  out.push(
    `<updated>${rfc3339(ch.updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(channelLink(ch, 'feed.xml'))}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(channelLink(ch, 'index.html'))}"/>`,
    `<generator version="${xmlEscape(VERSION)}">samizdat</generator>`,
  );
  for (const e of ch.entries) out.push(entry(e, fallbackAuthor));
  out.push('</feed>', '');
  return out.join('\n');
}

function entry(e: FeedEntry, fallbackAuthor: string): string {
  const date = rfc3339(e.date);
  // Atom requires an author per entry (or per feed).
  const author = e.author || fallbackAuthor;
  return [
    '<entry>',
    `<id>${xmlEscape(e.id)}</id>`,
    `<title type="text">${xmlEscape(e.title)}</title>`,
    ...(e.link ? [`<link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`] : []),
    ...(e.original ? [`<link rel="related" type="text/html" href="${xmlEscape(e.original)}"/>`] : []),
    `<published>${date}</published>`,
    `<updated>${date}</updated>`,
    `<author><name>${xmlEscape(author)}</name></author>`,
    ...e.categories.map((c) => `<category term="${xmlEscape(c)}"/>`),
    `<content type="html">${cdata(e.html)}</content>`,
    '</entry>',
  ].join('\n');
}
