import { attr } from '../dom-text.js';
import { FeedElement } from '../feed-node.js';
import type { RawAtomEntry, RawAtomFeed } from './raw.js';

/** Reads the raw Atom shape from a `<feed>` root. */
export function readAtom(root: FeedElement): RawAtomFeed {
  const colon = root.name.indexOf(':');
  const ns = root.attribs[colon < 0 ? 'xmlns' : `xmlns:${root.name.slice(0, colon)}`] ?? '';
  const version = ns === 'http://purl.org/atom/ns#' || root.attribs['version'] === '0.3' ? '0.3' : '1.0';
  const feed: RawAtomFeed = { version, el: root, lang: attr(root, 'xml:lang') ?? attr(root, 'lang'), links: [], authors: [], entries: [] };
  for (const child of root.children) {
    if (!(child instanceof FeedElement)) continue;
    switch (child.key) {
      case 'entry': feed.entries.push(readEntry(child)); break;
      case 'title': feed.title = child; break;
      case 'link': feed.links.push(child); break;
      case 'author': feed.authors.push(child); break;
    }
  }
  return feed;
}

function readEntry(el: FeedElement): RawAtomEntry {
  const entry: RawAtomEntry = { el, links: [], authors: [], categories: [] };
  for (const child of el.children) {
    if (!(child instanceof FeedElement)) continue;
    switch (child.key) {
      case 'title': entry.title = child; break;
      case 'link': entry.links.push(child); break;
      case 'feedburner:origlink': entry.origLink = child; break;
      case 'id': entry.id = child; break;
      case 'published': entry.published = child; break;
      case 'updated': entry.updated = child; break;
      case 'issued': entry.issued = child; break;
      case 'modified': entry.modified = child; break;
      case 'created': entry.created = child; break;
      case 'dc:date': entry.dcDate = child; break;
      case 'author': entry.authors.push(child); break;
      case 'dc:creator': entry.dcCreator = child; break;
      case 'content': entry.content = child; break;
      case 'summary': entry.summary = child; break;
      case 'media:group': entry.mediaGroup = child; break;
      case 'category': case 'dc:subject': entry.categories.push(child); break;
    }
  }
  return entry;
}
