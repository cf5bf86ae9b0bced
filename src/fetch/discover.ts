import { Parser } from '../vendor/htmlparser2.js';

/** The types a page's `<link rel="alternate">` uses to announce a feed. */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json']);

export interface FeedLink {
  /** Absolute URL, resolved against the page (and its `<base href>`). */
  readonly url: string;
  readonly type: string;
  readonly title?: string;
}

/**
 * The feeds an HTML page links with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>`,
 * in document order, without duplicates. Relative hrefs are resolved against `<base href>` when the page
 * has one, else against `pageUrl` (the URL the page finally came from, after redirects).
 */
export function discoverFeedLinks(html: string, pageUrl: string): FeedLink[] {
  let base = pageUrl;
  const raw: Array<{ href: string; type: string; title?: string; base: string }> = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) base = resolve(attrs.href, pageUrl) ?? base;
        if (name !== 'link' || !attrs.href) return;
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attrs.type ?? '').toLowerCase().split(';')[0]!.trim();
        if (!rel.includes('alternate') || !FEED_TYPES.has(type)) return;
        raw.push({ href: attrs.href, type, base, ...(attrs.title?.trim() ? { title: attrs.title.trim() } : {}) });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);

  const seen = new Set<string>();
  const links: FeedLink[] = [];
  for (const r of raw) {
    const url = resolve(r.href, r.base);
    if (url === undefined || seen.has(url)) continue;
    seen.add(url);
    links.push({ url, type: r.type, ...(r.title ? { title: r.title } : {}) });
  }
  return links;
}

/** An absolute http(s) URL, or undefined (javascript:, data:, unparsable). */
function resolve(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
