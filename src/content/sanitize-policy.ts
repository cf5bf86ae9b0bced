/**
 * What the archive keeps of an article's HTML: content, not presentation and never behaviour.
 * Anything not listed here is dropped (allowlist). No class/style (presentation), no rel/target/
 * loading/referrerpolicy (the site builder adds those when it renders a page).
 */

/** Elements kept (with their allowed attributes). */
export const ALLOWED_TAGS: readonly string[] = [
  // text
  'p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup', 'small', 'mark',
  'q', 'blockquote', 'cite', 'code', 'pre', 'kbd', 'samp', 'var', 'dfn', 'abbr', 'bdi', 'bdo', 'span',
  'div', 'wbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'time',
  // sections (structure of articles pasted whole)
  'article', 'section', 'header', 'footer', 'aside', 'main', 'hgroup',
  // links and media
  'a', 'img', 'picture', 'source', 'figure', 'figcaption', 'video', 'audio',
  // tables, lists, disclosure, ruby
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary', 'ruby', 'rt', 'rp',
];

/** Allowed void elements: sanitize-html writes them as `<x />`; we restore the source's spelling. */
export const ALLOWED_VOID_TAGS: ReadonlySet<string> = new Set(['img', 'br', 'hr', 'wbr', 'source', 'col']);

/**
 * Dropped together with everything inside: executable or raw-text content, foreign (SVG/MathML)
 * content, form controls' text, and <iframe> (its "content" is raw text no browser shows).
 */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'xmp', 'title',
  'textarea', 'option', 'select', 'svg', 'math',
];

/** Attributes allowed on every element (`data-*` too, see isAllowedAttribute). */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['lang', 'dir', 'title', 'id'];

/** Attributes allowed on particular elements. */
export const ELEMENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'name'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height'],
  source: ['src', 'srcset', 'sizes', 'type', 'media'],
  video: ['src', 'poster', 'controls', 'width', 'height'],
  audio: ['src', 'controls'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  details: ['open'],
};

/** Attributes holding one URL; their decoded value is checked and resolved. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite', 'poster']);

/** Boolean attributes: an empty value is written as the bare name. */
const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = new Set(['controls', 'reversed', 'open']);

/** Valid `data-*` names (XML-safe: no ':' tricks, no characters that end a tag). */
const DATA_ATTRIBUTE = /^data-[a-z0-9_.-]+$/;

export function isAllowedAttribute(tag: string, name: string): boolean {
  return (
    GLOBAL_ATTRIBUTES.includes(name) ||
    DATA_ATTRIBUTE.test(name) ||
    (ELEMENT_ATTRIBUTES[tag]?.includes(name) ?? false)
  );
}

/** True for boolean attributes: written bare when empty; any other empty value is written `name=""`. */
export function isBooleanAttribute(name: string): boolean {
  return BOOLEAN_ATTRIBUTES.has(name);
}

/**
 * id/name values that would shadow DOM properties the site's own scripts rely on
 * (DOM clobbering: `<img name="getElementById">` replaces document.getElementById).
 */
const CLOBBERING_NAMES: ReadonlySet<string> = new Set([
  'document', 'window', 'location', 'top', 'self', 'parent', 'frames', 'opener', 'origin', 'cookie',
  'domain', 'body', 'head', 'forms', 'images', 'links', 'scripts', 'anchors', 'embeds', 'plugins', 'all',
  'attributes', 'children', 'elements', 'action', 'method', 'submit', 'reset', 'length', 'name',
  'nodename', 'nodetype', 'innerhtml', 'outerhtml', 'textcontent', 'ownerdocument', 'defaultview',
  'documentelement', 'implementation', 'currentscript', 'alert', 'eval', 'fetch', 'history', 'navigator',
  'localstorage', 'sessionstorage', 'settimeout', 'setinterval', 'constructor', 'prototype', '__proto__',
  'tostring', 'valueof', 'hasownproperty', 'getelementbyid', 'getelementsbyname', 'getelementsbytagname',
  'getelementsbyclassname', 'queryselector', 'queryselectorall', 'createelement', 'write', 'writeln',
  'open', 'close', 'hostname', 'href', 'search', 'hash', 'pathname', 'protocol', 'host', 'port',
]);

export function isClobberingName(value: string): boolean {
  return CLOBBERING_NAMES.has(value.trim().toLowerCase());
}

/** URL schemes allowed in links; media and citations are http(s) only. */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel', 'ftp']);
export const MEDIA_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);
/** Inline images that are only pixels: allowed in <img src> as data: URLs. */
export const INLINE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;
