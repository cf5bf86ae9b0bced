import { isText } from '../../vendor/domhandler.js';
import { hasElementChildren, serializeChildren, textOf } from '../dom-text.js';
import { FeedElement } from '../feed-node.js';

export interface TextValue {
  readonly value: string;
  readonly type: 'html' | 'text';
}

/**
 * Decodes an Atom text construct (title, summary, content).
 * 1.0: type text (default) | html | xhtml (the wrapping div is not content) | a MIME type:
 *   XML types are inline markup, text/* is text, anything else is base64.
 * 0.3: type is a MIME type (default text/plain), mode xml (default) | escaped | base64.
 */
export function readTextConstruct(el: FeedElement, version: '0.3' | '1.0'): TextValue {
  const type = (el.attribs['type'] ?? '').trim().toLowerCase();
  const mode = version === '0.3' ? (el.attribs['mode'] ?? '').trim().toLowerCase() : '';
  if (mode === 'base64') return { value: base64(textOf(el)), type: isHtmlType(type) ? 'html' : 'text' };
  if (mode === 'escaped') return { value: textOf(el).trim(), type: isHtmlType(type) ? 'html' : 'text' };
  if (type === '' || type === 'text' || type === 'text/plain') {
    // 0.3 defaults to inline XML, and 1.0 feeds put naked markup in text constructs too.
    if (hasElementChildren(el)) return { value: serializeChildren(el).trim(), type: 'html' };
    return { value: textOf(el).trim(), type: 'text' };
  }
  if (type === 'html' || type === 'text/html') return { value: textOf(el).trim(), type: 'html' };
  if (type === 'xhtml') return { value: xhtmlOf(el), type: 'html' };
  if (type.endsWith('+xml') || type.endsWith('/xml')) {
    return { value: (hasElementChildren(el) ? serializeChildren(el) : textOf(el)).trim(), type: 'html' };
  }
  if (type.startsWith('text/')) return { value: textOf(el).trim(), type: 'text' };
  return { value: base64(textOf(el)), type: 'html' };
}

function isHtmlType(type: string): boolean {
  return type.includes('html');
}

/** Children of the single wrapping xhtml:div (Atom 1.0 §3.1.1.3), or all children. */
function xhtmlOf(el: FeedElement): string {
  let wrapper: FeedElement | undefined;
  for (const child of el.children) {
    if (child instanceof FeedElement) {
      if (wrapper !== undefined || child.key !== 'xhtml:div') return serializeChildren(el).trim();
      wrapper = child;
    } else if (isText(child) && child.data.trim() !== '') {
      return serializeChildren(el).trim();
    }
  }
  return serializeChildren(wrapper ?? el).trim();
}

function base64(text: string): string {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8').trim();
}
