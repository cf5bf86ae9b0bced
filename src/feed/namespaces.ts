/**
 * Namespace URIs → the canonical prefix adapters match on. Feeds use odd prefixes
 * (`<c:encoded>`, `<dublin:creator>`), so elements are keyed by namespace URI, never by
 * the prefix written in the document. Keys look like `title`, `content:encoded`,
 * `dc:creator`: local names are lower-cased because real feeds vary the case
 * (`pubdate`, `PUBDATE` in CDF).
 */

/** Namespaces whose elements are the format's own: keyed by bare local name. */
const CORE_NAMESPACES = new Set([
  '',
  'http://purl.org/rss/1.0/',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://channel.netscape.com/rdf/simple/0.9/',
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
  'http://purl.org/net/rss1.1#',
  // Atom is core too, so `<atom:link>` inside RSS reads like an Atom link.
  'http://www.w3.org/2005/atom',
  'http://purl.org/atom/ns#',
]);

const KNOWN_NAMESPACES = new Map<string, string>([
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://www.w3.org/2000/svg', 'svg'],
  ['http://www.w3.org/1998/math/mathml', 'mathml'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://www.youtube.com/xml/schemas/2015', 'yt'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
  ['http://www.w3.org/xml/1998/namespace', 'xml'],
]);

/** Prefixes trusted even when the feed forgot to declare them (a common breakage). */
const WELL_KNOWN_PREFIXES = new Set([
  'content', 'dc', 'dcterms', 'media', 'rdf', 'xhtml', 'itunes', 'yt', 'feedburner', 'xml',
]);

export const CORE = '';
export const XHTML = 'xhtml';

/** In-scope prefix → namespace URI; '' is the default namespace. Chained by prototype. */
export type NsScope = Record<string, string>;

export const ROOT_SCOPE: NsScope = Object.assign(Object.create(null) as NsScope, {
  xml: 'http://www.w3.org/XML/1998/namespace',
});

/** Canonical prefix for a namespace URI ('' for core, undefined when unknown). */
export function canonicalPrefix(uri: string): string | undefined {
  const lower = uri.toLowerCase();
  if (CORE_NAMESPACES.has(lower)) return CORE;
  return KNOWN_NAMESPACES.get(lower);
}

/**
 * Key and canonical namespace of a qualified element name in a scope.
 * Unknown default namespaces count as core (feedparser's tests use made-up Atom URIs);
 * unknown prefixed namespaces get a `~` key no adapter matches.
 */
export function elementKey(qname: string, scope: NsScope): { key: string; ns: string } {
  const colon = qname.indexOf(':');
  const local = (colon < 0 ? qname : qname.slice(colon + 1)).toLowerCase();
  if (colon < 0) {
    const uri = scope[''];
    const ns = uri === undefined ? CORE : (canonicalPrefix(uri) ?? CORE);
    return { key: ns === CORE ? local : `${ns}:${local}`, ns };
  }
  const prefix = qname.slice(0, colon);
  const uri = scope[prefix];
  let ns: string | undefined;
  if (uri !== undefined) ns = canonicalPrefix(uri);
  else {
    const lower = prefix.toLowerCase();
    if (lower === 'atom') ns = CORE;
    else if (WELL_KNOWN_PREFIXES.has(lower)) ns = lower;
  }
  if (ns === undefined) return { key: `~${prefix}:${local}`, ns: `~${uri ?? prefix}` };
  return { key: ns === CORE ? local : `${ns}:${local}`, ns };
}
