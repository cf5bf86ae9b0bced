import { isTrackingParam } from './tracking.js';

/**
 * Resolves `url` against `base` (WHATWG rules, as a browser would). Returns '' when the result
 * cannot be built: empty input, an invalid URL, or a relative URL with no usable base.
 */
export function absolutizeUrl(url: string, base: string): string {
  const trimmed = url.trim();
  if (trimmed === '') return '';
  try {
    return new URL(trimmed, base.trim() || undefined).href;
  } catch {
    // An invalid base must not lose an absolute URL.
    try {
      return new URL(trimmed).href;
    } catch {
      return '';
    }
  }
}

/**
 * The normal form of an article link: the dedup key and the `from:` line. Scheme and host are
 * lower-cased and default ports dropped (the WHATWG serializer does both), the fragment and known
 * tracking parameters are dropped; the path, the other parameters and their order are kept as the
 * parser serializes them, so an already-normal URL comes back byte-identical.
 * Returns '' for anything that is not an absolute http(s) URL.
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return '';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '';
  if (parsed.hostname === '') return '';
  let href = parsed.href;
  // The first '#' of a serialized URL always starts the fragment. Keep "#!" (AJAX crawling) routes:
  // there the fragment is what tells two articles apart.
  const hashAt = href.indexOf('#');
  if (hashAt >= 0 && href[hashAt + 1] !== '!') href = href.slice(0, hashAt);
  return stripTrackingParams(href);
}

/**
 * Drops known tracking parameters (utm_*, fbclid, gclid, mc_cid, …) from a URL's query and
 * leaves every other byte alone. Returns the input itself when there is nothing to strip.
 */
export function stripTrackingParams(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const hashAt = url.indexOf('#');
  if (hashAt >= 0 && hashAt < queryAt) return url;
  const end = hashAt < 0 ? url.length : hashAt;
  const query = url.slice(queryAt + 1, end);
  const kept = withoutTrackingParams(query);
  if (kept === query) return url;
  return url.slice(0, queryAt) + (kept === '' ? '' : `?${kept}`) + url.slice(end);
}

/** The query string (no '?') without tracking parameters; the same string when none is present. */
function withoutTrackingParams(query: string): string {
  if (query === '') return query;
  const parts = query.split('&');
  const kept = parts.filter((part) => !isTrackingParam(part.split('=', 1)[0] ?? ''));
  return kept.length === parts.length ? query : kept.join('&');
}
