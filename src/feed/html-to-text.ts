import { decodeHTMLStrict } from '../vendor/entities.js';

/** Plain text of an HTML fragment (for titles given as HTML): tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return html.trim();
  const noTags = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[A-Za-z!?][^>]*>/g, '');
  // Collapse HTML whitespace only: a no-break space is meant to stay.
  return decodeHTMLStrict(noTags).replace(/[ \t\n\r\f]+/g, ' ').trim();
}

const LOOKS_LIKE_HTML = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>|&(?:#\d+|#[xX][\da-fA-F]+|[A-Za-z][A-Za-z\d]*);/;

/**
 * An RSS title as plain text. RSS does not say whether a title is text or HTML, and feeds do
 * both (`&lt;b&gt;`-escaped markup, double-escaped `&amp;amp;`): a title that still holds a
 * tag or an entity reference after XML decoding is read as HTML, anything else is kept as is
 * (so `1 < 2` and a title with line breaks stay untouched).
 */
export function rssTitleText(title: string): string {
  return LOOKS_LIKE_HTML.test(title) ? htmlToText(title) : title;
}
