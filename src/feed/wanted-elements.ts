/**
 * What the readers look at inside each container. Everything else under a container
 * (enclosures, iTunes and Media RSS extras, comment counts…) is skipped while parsing:
 * no DOM is built for it. Content elements are not containers, so markup inside a
 * description or an Atom content is always kept. Keep in sync with rss/read-rss.ts,
 * atom/read-atom.ts and the adapters (the contract tests fail when a field goes missing).
 */
const ITEM_FIELDS = [
  'title', 'dc:title', 'media:title', 'link', 'feedburner:origlink', 'guid', 'id',
  'pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'dcterms:modified',
  'published', 'updated', 'issued', 'modified', 'created',
  'author', 'dc:creator', 'dc:author', 'itunes:author',
  'content:encoded', 'xhtml:body', 'body', 'fullitem', 'description', 'dc:description', 'summary',
  'content', 'itunes:summary', 'media:group', 'media:description', 'abstract',
  'category', 'dc:subject',
];

const WANTED: Record<string, ReadonlySet<string>> = {
  rss: new Set(['channel', 'item']),
  'rdf:rdf': new Set(['channel', 'item']),
  channel: new Set(['title', 'dc:title', 'link', 'language', 'dc:language', 'item']),
  feed: new Set(['title', 'link', 'author', 'entry']),
  item: new Set(ITEM_FIELDS),
  entry: new Set(ITEM_FIELDS),
  author: new Set(['name', 'email']),
  'media:group': new Set(['media:title', 'media:description']),
};

/** The child keys worth building under an element with `key`; undefined = all of them. */
export function wantedChildren(key: string): ReadonlySet<string> | undefined {
  return WANTED[key];
}
