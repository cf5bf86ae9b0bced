import type { AnyNode } from '../vendor/domhandler.js';
import { isTag, isText } from '../vendor/domhandler.js';
import { decodeHTMLStrict } from '../vendor/entities.js';
import { FeedElement, RawText } from './feed-node.js';

/**
 * Decodes entity references as written in XML text or attributes, with HTML's table (feeds
 * use `&nbsp;` undeclared). Strict: only `;`-terminated references, so `?a=1&b=2` and
 * `AT&T` stay as written. HTML's rules read `&#146;` (0x80–0x9F) as windows-1252.
 */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  const decoded = decodeHTMLStrict(raw);
  // `&#1;` decodes to a control character XML forbids: drop it as xml-prepare drops literal ones.
  return raw.indexOf('&#') < 0 ? decoded : decoded.replace(CONTROL, '');
}

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/** Decoded text of an element and its descendants (CDATA included). */
export function textOf(el: FeedElement | undefined): string {
  if (el === undefined) return '';
  const children = el.children;
  if (children.length === 1) {
    const only = children[0];
    if (only !== undefined && isText(only)) return only instanceof RawText ? decodeEntities(only.data) : only.data;
  }
  let out = '';
  for (const child of children) {
    if (child instanceof RawText) out += decodeEntities(child.data);
    else if (isText(child)) out += child.data;
    else if (child instanceof FeedElement) out += textOf(child);
  }
  return out;
}

/** Trimmed text. */
export function trimmedText(el: FeedElement | undefined): string {
  return el === undefined ? '' : textOf(el).trim();
}

/** Whether an element has element children (inline markup rather than escaped text). */
export function hasElementChildren(el: FeedElement): boolean {
  for (const child of el.children) if (isTag(child)) return true;
  return false;
}

/** The element children of a node, typed. */
export function childElements(el: FeedElement): FeedElement[] {
  const out: FeedElement[] = [];
  for (const child of el.children) if (child instanceof FeedElement) out.push(child);
  return out;
}

/** Decoded attribute by name, case-insensitively for the odd feeds that write `HREF`. */
export function attr(el: FeedElement, name: string): string | undefined {
  let value = el.attribs[name];
  if (value === undefined) {
    for (const key in el.attribs) if (key.toLowerCase() === name) value = el.attribs[key];
  }
  return value === undefined ? undefined : decodeEntities(value);
}

// Namespaces whose elements are written without prefix in HTML output.
const HTML_NAMESPACES = new Set(['', 'xhtml', 'svg', 'mathml']);
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr',
]);

/**
 * Serializes inline XML (Atom xhtml content, naked markup in RSS) to HTML markup: known
 * namespace prefixes and xmlns declarations are dropped (HTML parsers know svg and math
 * without them), HTML void elements are written `<br />`, others get an end tag.
 */
export function serializeChildren(el: FeedElement): string {
  let out = '';
  for (const child of el.children) out += serializeNode(child);
  return out;
}

function serializeNode(node: AnyNode): string {
  // Raw text is already escaped markup; CDATA text is literal and needs escaping.
  if (node instanceof RawText) return node.data;
  if (isText(node)) return escapeText(node.data);
  if (!(node instanceof FeedElement)) return '';
  const colon = node.name.indexOf(':');
  const name = HTML_NAMESPACES.has(node.ns) && colon >= 0 ? node.name.slice(colon + 1) : node.name;
  let out = `<${name}`;
  for (const key in node.attribs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    out += ` ${key}="${(node.attribs[key] ?? '').replace(/"/g, '&quot;')}"`;
  }
  if (node.children.length === 0 && VOID.has(name.toLowerCase())) return `${out} />`;
  return `${out}>${serializeChildren(node)}</${name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
