import { decodeHTML } from '../vendor/entities.js';
import { VisibleText } from '../content/text.js';

/** Void elements of the sanitizer's output: an opening tag that is also its end. */
const VOID = new Set(['br', 'hr', 'img', 'wbr', 'source', 'col']);

/**
 * htmlToText of a page's content as presentContent made it, by a scan instead of a parser
 * (half the time): sanitizer output is well formed — every '<' opens a tag, every tag ends at the
 * first '>', text holds no raw '<' or '>', elements are closed in order. The search indexes this
 * text: what the page shows, taken from the HTML the page was made of.
 */
export function presentedText(html: string): string {
  const visible = new VisibleText();
  for (let at = 0; at < html.length; ) {
    const lt = html.indexOf('<', at);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > at && !visible.hidden) {
      const raw = html.slice(at, textEnd);
      visible.add(raw.includes('&') ? decodeHTML(raw) : raw);
    }
    if (lt < 0) break;
    const gt = html.indexOf('>', lt);
    const end = gt < 0 ? html.length : gt;
    const closing = html.charCodeAt(lt + 1) === 0x2f;
    let nameEnd = lt + (closing ? 2 : 1);
    while (nameEnd < end && !/[\s/]/.test(html[nameEnd]!)) nameEnd++;
    const name = html.slice(lt + (closing ? 2 : 1), nameEnd).toLowerCase();
    if (closing) visible.close(name);
    else {
      visible.open(name);
      if (VOID.has(name)) visible.close(name);
    }
    at = end + 1;
  }
  return visible.text();
}
