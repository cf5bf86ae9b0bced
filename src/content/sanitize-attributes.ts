import { decodeHTMLAttribute } from '../vendor/entities.js';
import { isTrackerImage } from './tracking.js';
import { absolutizeUrl, stripTrackingParams } from './urls.js';
import {
  INLINE_IMAGE,
  LINK_SCHEMES,
  MEDIA_SCHEMES,
  URL_ATTRIBUTES,
  isAllowedAttribute,
  isClobberingName,
} from './sanitize-policy.js';

export interface CleanedElement {
  attribs: Record<string, string>;
  /** The whole element must go (a tracking pixel). */
  drop: boolean;
}

/**
 * Checks one element's attributes. The parser hands us RAW attribute text (entities not decoded,
 * so clean input can be written back byte for byte); every decision is made on the value a
 * browser would see (decoded with the HTML attribute rules), and the value written out is either
 * the raw text (when sanitize-html's escaping keeps its meaning) or a fresh encoding of the
 * checked value. Drops disallowed attributes and dangerous URLs; flags tracking pixels.
 */
export function cleanElement(tag: string, raw: Readonly<Record<string, string>>, baseUrl: string): CleanedElement {
  const attribs: Record<string, string> = {};
  for (const [name, rawValue] of Object.entries(raw)) {
    if (!isAllowedAttribute(tag, name)) continue;
    const value = decodeHTMLAttribute(rawValue);
    let cleaned: string | undefined = value;
    if (URL_ATTRIBUTES.has(name)) cleaned = cleanUrl(value, urlKind(tag, name), baseUrl);
    else if (name === 'srcset') cleaned = cleanSrcset(value, baseUrl);
    else if (name === 'id' || name === 'name') cleaned = isClobberingName(value) ? undefined : value;
    if (cleaned === undefined) continue;
    attribs[name] = cleaned === value ? keepRaw(rawValue, value) : encodeAttribute(cleaned);
  }
  return { attribs, drop: tag === 'img' && isPixel(attribs) };
}

type UrlKind = 'link' | 'media' | 'image';

function urlKind(tag: string, name: string): UrlKind {
  if (name === 'href') return 'link';
  return tag === 'img' && name === 'src' ? 'image' : 'media';
}

/**
 * The URL to keep, or undefined to drop the attribute. Absolute URLs are kept as written (minus
 * tracking parameters) when their scheme is allowed; relative ones are resolved against the base.
 */
function cleanUrl(value: string, kind: UrlKind, baseUrl: string): string | undefined {
  // What the URL parser sees: leading C0 controls/space stripped, tabs and newlines removed anywhere.
  const probe = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (probe === '') return kind === 'link' ? value : undefined;
  if (probe.startsWith('#')) return kind === 'link' ? value : undefined; // in-page anchor (footnotes)
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(probe)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme === 'data') return kind === 'image' && INLINE_IMAGE.test(probe) ? value : undefined;
    if (!(kind === 'link' ? LINK_SCHEMES : MEDIA_SCHEMES).has(scheme)) return undefined;
    return scheme === 'http' || scheme === 'https' ? stripTrackingParams(value) : value;
  }
  const abs = absolutizeUrl(value, baseUrl);
  if (!/^https?:/.test(abs)) return undefined; // unresolvable, or a base that is not http(s)
  return stripTrackingParams(abs);
}

/** Cleans each candidate of a srcset; undefined when none survives. */
function cleanSrcset(value: string, baseUrl: string): string | undefined {
  const candidates = parseSrcset(value);
  let changed = false;
  const kept: string[] = [];
  for (const { url, descriptor } of candidates) {
    const cleaned = cleanUrl(url, 'media', baseUrl);
    if (cleaned !== url) changed = true;
    if (cleaned !== undefined && cleaned !== '') kept.push(descriptor ? `${cleaned} ${descriptor}` : cleaned);
  }
  if (kept.length === 0) return undefined;
  return changed ? kept.join(', ') : value;
}

/** srcset candidates per the HTML spec's outline: URL = run of non-space; descriptors up to ','. */
function parseSrcset(value: string): { url: string; descriptor: string }[] {
  const out: { url: string; descriptor: string }[] = [];
  const re = /[\s,]*([^\s,][^\s]*)([^,]*)/gy;
  for (let m = re.exec(value); m !== null && m[0] !== ''; m = re.exec(value)) {
    let url = m[1] ?? '';
    let descriptor = (m[2] ?? '').trim();
    if (/,+$/.test(url)) {
      // "a.jpg," ends its candidate: the comma is not part of the URL.
      url = url.replace(/,+$/, '');
      re.lastIndex -= (m[2] ?? '').length;
      descriptor = '';
    }
    out.push({ url, descriptor });
  }
  return out;
}

/** Tracking pixels: a 1×1 (or smaller) declared size, or an image from a known counter host. */
function isPixel(attribs: Record<string, string>): boolean {
  const w = Number.parseFloat(decodeHTMLAttribute(attribs['width'] ?? ''));
  const h = Number.parseFloat(decodeHTMLAttribute(attribs['height'] ?? ''));
  if (w <= 1 && h <= 1) return true;
  const src = decodeHTMLAttribute(attribs['src'] ?? '');
  return src !== '' && isTrackerImage(src);
}

/**
 * sanitize-html (with entity decoding off) writes a value with bare '&' (not starting an
 * entity-like run), '<', '>' and '"' escaped. Keep the raw text when that escaping still decodes to
 * the value we checked; otherwise write the checked value freshly encoded.
 */
function keepRaw(raw: string, value: string): string {
  const written = raw
    .replace(/&(?![a-zA-Z0-9#]{1,20};)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return decodeHTMLAttribute(written) === value ? raw : encodeAttribute(value);
}

/** Encoding that sanitize-html's escaping leaves as is and that decodes back to `value`. */
function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
