// Canonical form of an HTML fragment, so two serializations of the same markup compare
// equal: attributes sorted, xmlns declarations dropped, `<x/>` = `<x></x>`, entities
// decoded, whitespace runs collapsed, comments dropped.
import { parseDocument } from 'htmlparser2';

export function normalizeHtml(html) {
  const doc = parseDocument(html, { decodeEntities: true, recognizeSelfClosing: true, lowerCaseAttributeNames: true });
  return serialize(doc.children).replace(/\s+/g, ' ').trim();
}

function serialize(nodes) {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = node.name.replace(/^[\w-]+:/, '').toLowerCase();
      const attrs = Object.entries(node.attribs)
        .filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
        .join('');
      out += `<${name}${attrs}>${serialize(node.children)}</${name}>`;
    } else if (node.type === 'cdata') out += serialize(node.children);
  }
  return out;
}

/** Plain text of an HTML fragment (for comparing feedparser's HTML titles with ours). */
export function htmlText(html) {
  const doc = parseDocument(html, { decodeEntities: true });
  const text = (nodes) => nodes.map((n) => (n.type === 'text' ? n.data : n.children ? text(n.children) : '')).join('');
  return text(doc.children).replace(/\s+/g, ' ').trim();
}
