import { decodeHTML } from 'entities';

/** Plain text of an HTML fragment (for titles given as HTML): tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return html.trim();
  const noTags = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[A-Za-z!?][^>]*>/g, '');
  return decodeHTML(noTags).replace(/\s+/g, ' ').trim();
}
