import { attr, textOf } from '../dom-text.js';
import { FeedElement } from '../feed-node.js';
import type { RawRssFeed, RawRssItem } from './raw.js';

/**
 * Reads the raw RSS shape from the root element: `<rss><channel><item>` (also items placed
 * directly under `<rss>`), RDF with items beside the channel, and a bare `<channel>` root
 * (Microsoft CDF and truncated feeds).
 */
export function readRss(root: FeedElement, format: 'rss' | 'rdf'): RawRssFeed {
  let channel: FeedElement | undefined = root.key === 'channel' ? root : undefined;
  const items: RawRssItem[] = [];
  for (const child of root.children) {
    if (!(child instanceof FeedElement)) continue;
    if (child.key === 'channel') channel ??= child;
    else if (child.key === 'item') items.push(readItem(child));
  }
  const feed: RawRssFeed = { format, channel, rootLang: attr(root, 'xml:lang') ?? attr(root, 'lang'), atomLinks: [], items };
  if (channel === undefined) return feed;
  for (const child of channel.children) {
    if (!(child instanceof FeedElement)) continue;
    switch (child.key) {
      case 'item':
        // A bare <channel> root's items were read above.
        if (channel !== root) items.push(readItem(child));
        break;
      case 'title':
        feed.title = child;
        break;
      case 'dc:title':
        feed.title ??= child;
        break;
      case 'link':
        if (child.attribs['href'] !== undefined) feed.atomLinks.push(child);
        else if (textOf(child).trim() !== '') feed.link = child;
        break;
      case 'language':
      case 'dc:language':
        feed.language = child;
        break;
    }
  }
  return feed;
}

function readItem(el: FeedElement): RawRssItem {
  const item: RawRssItem = { el, atomLinks: [], categories: [] };
  for (const child of el.children) {
    if (!(child instanceof FeedElement)) continue;
    switch (child.key) {
      case 'title': item.title = child; break;
      case 'dc:title': item.dcTitle = child; break;
      case 'media:title': item.mediaTitle = child; break;
      case 'link':
        // `<atom:link href>` reads as `link` too (Atom is core); RSS links carry text.
        if (child.attribs['href'] !== undefined) item.atomLinks.push(child);
        else if (textOf(child).trim() !== '') item.link = child;
        break;
      case 'feedburner:origlink': item.origLink = child; break;
      case 'guid': item.guid = child; break;
      case 'pubdate': item.pubDate = child; break;
      case 'dc:date': item.dcDate = child; break;
      case 'dcterms:issued': item.issued = child; break;
      case 'dcterms:created': item.created = child; break;
      case 'dcterms:modified': item.modified = child; break;
      case 'published': item.published = child; break;
      case 'updated': item.updated = child; break;
      case 'author': item.author = child; break;
      case 'dc:creator': case 'dc:author': item.dcCreator = child; break;
      case 'itunes:author': item.itunesAuthor = child; break;
      case 'content:encoded': item.contentEncoded = child; break;
      case 'content': item.atomContent = child; break;
      case 'xhtml:body': case 'body': item.xhtmlBody = child; break;
      case 'fullitem': item.fullitem = child; break;
      case 'description': item.description = child; item.firstSummary ??= child; break;
      case 'dc:description': item.dcDescription = child; item.firstSummary ??= child; break;
      case 'summary': item.summary = child; item.firstSummary ??= child; break;
      case 'itunes:summary': item.itunesSummary = child; item.firstSummary ??= child; break;
      case 'media:group': item.mediaGroup = child; break;
      case 'media:description': item.mediaDescription = child; break;
      case 'abstract': item.abstract = child; break;
      case 'category': case 'dc:subject': item.categories.push(child); break;
    }
  }
  return item;
}
