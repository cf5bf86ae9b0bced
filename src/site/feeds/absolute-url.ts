/**
 * `settings.absoluteBase` checked and normalised: an http(s) URL without query, fragment or
 * trailing '/' (non-ASCII in it percent-encoded, an IDN host in punycode), or '' when it is
 * empty or not such a URL — then nothing absolute can be written for the site's own pages.
 */
export function siteBase(absoluteBase: string): string {
  if (absoluteBase.trim() === '') return '';
  let url: URL;
  try {
    url = new URL(absoluteBase.trim());
  } catch {
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/**
 * The absolute URL of a site path (`/2014-04-18/标题/`, `sources/大纪元/`, '' for the home)
 * under a base from `siteBase`: every segment percent-encoded as UTF-8, so the result is plain
 * ASCII as sitemaps and RSS require, and a server decodes it back to the file on disk.
 */
export function absoluteUrl(base: string, path: string): string {
  const segments = path.replace(/^\/+/, '').split('/');
  return `${base}/${segments.map(encodeSegment).join('/')}`;
}

/**
 * A site path (`/2014-04-18/标题/`) relative to a folder of the site (`sources/大纪元/`, '' for
 * the root), percent-encoded like `absoluteUrl`: `../../2014-04-18/%E6%A0%87%E9%A2%98/`.
 */
export function relativeUrl(folder: string, path: string): string {
  const up = folder.split('/').filter((s) => s !== '').length;
  const segments = path.replace(/^\/+/, '').split('/');
  return '../'.repeat(up) + segments.map(encodeSegment).join('/');
}

/** The directory URL of an output file: `a/b/index.html` → `a/b/`, `index.html` → '' (other files unchanged). */
export function pagePath(outPath: string): string {
  return outPath === 'index.html' ? '' : outPath.replace(/(^|\/)index\.html$/, '$1');
}

/** An absolute http(s) URL in ASCII form, or '' for anything else (`javascript:`, relative, malformed). */
export function webUrl(link: string): string {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return '';
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
}

function encodeSegment(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    // A lone surrogate: keep the rest of the segment readable.
    return encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd'));
  }
}
