import { sanitizeHtml } from '../content/sanitize.js';

/**
 * A post's content for the page: sanitized again with the ingest allowlist (legacy archives
 * hold raw feed HTML), then presentation attributes added: links open no window reference and
 * send no referrer; images load lazily and send no referrer.
 * The regular expressions are safe on sanitizer output only: there every tag is well formed and
 * ends in '>' (void tags too, in the 'html' form), every attribute value is double-quoted, and no
 * text or value holds a raw '<' or '>'.
 */
export function presentContent(html: string, baseUrl: string): string {
  const clean = sanitizeHtml(html, baseUrl, 'html');
  return clean
    .replace(/<a\b([^>]*)>/g, (_m, attrs: string) => `<a${dropAttributes(attrs, ['rel', 'target'])} rel="noopener noreferrer">`)
    .replace(/<img\b([^>]*)>/g, (_m, attrs: string) => `<img${dropAttributes(attrs, ['referrerpolicy', 'loading'])} referrerpolicy="no-referrer" loading="lazy">`);
}

function dropAttributes(attrs: string, names: readonly string[]): string {
  const re = new RegExp(`\\s(?:${names.join('|')})(?:="[^"]*")?(?=\\s|$)`, 'gi');
  return attrs.replace(re, '');
}
