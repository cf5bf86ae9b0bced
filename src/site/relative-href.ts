/**
 * The relative link from one output file to another (both relative to the output folder,
 * '/'-separated), e.g. `2014-04-18/标题/index.html` → `page2/index.html` gives
 * `../../page2/index.html`. Links name `index.html` explicitly so they work from file://.
 */
export function relativeHref(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const parts = [...Array<string>(from.length - common).fill('..'), ...to.slice(common)];
  return parts.map(encodeSegment).join('/');
}

/**
 * Percent-encodes what would change the meaning of a path segment (`%`, `?`, `#`, `:` so that
 * no segment reads as a scheme, spaces, quotes, controls); letters of any script stay readable.
 */
export function encodeSegment(segment: string): string {
  if (segment === '..') return segment;
  return segment.replace(/[^\p{L}\p{M}\p{N}\-._~!$&'()*+,;=@]/gu, safeEncode);
}

/** encodeURIComponent throws on a lone surrogate; such a character becomes U+FFFD. */
function safeEncode(c: string): string {
  try {
    return encodeURIComponent(c);
  } catch {
    return encodeURIComponent('\ufffd');
  }
}
