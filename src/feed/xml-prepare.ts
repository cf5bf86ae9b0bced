import { CP1252 } from './cp1252.js';

/**
 * The one place that repairs feed text before XML parsing. Real feeds arrive with PHP
 * warnings before `<?xml`, a BOM, characters XML forbids, and entities declared in a
 * DOCTYPE. HTML entities XML lacks (`&nbsp;`, `&mdash;`) and bare `&` need no rewrite
 * here: the tokenizer keeps text as written and the fields read are decoded with HTML's
 * entity table (dom-text.ts decodeEntities), which leaves a bare `&` literal. Rewriting
 * them in the whole text cost about a seventh of the parse time. CDATA is never changed.
 */
export function prepareXml(text: string): string {
  let xml = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  xml = stripLeadingJunk(xml);
  const declared = new Map<string, string>();
  xml = stripDoctype(xml, declared);
  xml = stripIllegalChars(xml);
  return declared.size === 0 ? xml : expandDeclared(xml, declared);
}

const ROOT_START = /<(?:\?xml[\s?]|rss[\s>]|feed[\s>]|[\w.-]+:RDF[\s>]|RDF[\s>]|channel[\s>])/i;

/** Drops whatever precedes `<?xml` or the root element (server warnings, stray bytes). */
function stripLeadingJunk(xml: string): string {
  let i = 0;
  while (i < xml.length && xml.charCodeAt(i) <= 0x20) i++;
  if (xml.charCodeAt(i) === 0x3c /* < */) {
    const decl = xml.indexOf('<?xml', i);
    // `<?xml` later than the start means junk precedes it, unless it sits inside content.
    if (decl <= i || decl > 4096) return i === 0 ? xml : xml.slice(i);
    const before = xml.slice(i, decl);
    return ROOT_START.test(before) || before.includes('<![CDATA[') ? xml.slice(i) : xml.slice(decl);
  }
  const m = ROOT_START.exec(xml.length > 65536 ? xml.slice(0, 65536) : xml);
  return m ? xml.slice(m.index) : xml;
}

const DOCTYPE = /<!DOCTYPE\s[^[>]*(\[[\s\S]*?\]\s*)?>/i;
const ENTITY_DECL = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;

/**
 * Removes the DOCTYPE (htmlparser2 would show its internal subset as text) and keeps the
 * simple internal entity declarations so `&name;` can be expanded. Parameter and external
 * entities are ignored: expanding them is how XML bombs and file reads happen.
 */
function stripDoctype(xml: string, declared: Map<string, string>): string {
  const start = xml.slice(0, 1024).search(/<!DOCTYPE\s/i);
  if (start < 0) return xml;
  const m = DOCTYPE.exec(xml.slice(start, start + 65536));
  if (!m) return xml;
  for (const e of (m[1] ?? '').matchAll(ENTITY_DECL)) {
    const value = e[2] ?? e[3] ?? '';
    if (e[1] !== undefined && value.length <= 4096) declared.set(e[1], value);
  }
  return xml.slice(0, start) + xml.slice(start + m[0].length);
}

// C0 controls other than tab/CR/LF, C1 controls, U+FFFE/FFFF.
const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x80-\x9F\uFFFE\uFFFF]/g;
// The same plus any surrogate: one scan decides whether the text needs any work at all.
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x80-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Drops characters XML forbids, including surrogates that are not part of a pair. C1
 * controls become their windows-1252 meaning: they come from cp1252 text mislabelled as
 * Latin-1 (`don\u0092t` is `don’t`), never from intent. Most feeds need nothing, and one
 * scan says so.
 */
function stripIllegalChars(xml: string): string {
  if (!hasIllegalChars(xml)) return xml;
  ILLEGAL.lastIndex = 0;
  if (ILLEGAL.test(xml)) {
    xml = xml.replace(ILLEGAL, (ch) => {
      const code = ch.charCodeAt(0);
      const mapped = code >= 0x80 && code <= 0x9f ? (CP1252[code - 0x80] ?? 0) : 0;
      return mapped === 0 ? '' : String.fromCharCode(mapped);
    });
  }
  // String#isWellFormed (Node 20) is a native scan; the lib target (ES2022) does not type it yet.
  const wellFormed = (xml as unknown as { isWellFormed(): boolean }).isWellFormed();
  return wellFormed ? xml : xml.replace(LONE_SURROGATE, '');
}

/** One pass: stops at the first illegal character, steps over surrogate pairs (emoji). */
function hasIllegalChars(xml: string): boolean {
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(xml); m !== null; m = SUSPECT.exec(xml)) {
    const code = xml.charCodeAt(m.index);
    const next = xml.charCodeAt(m.index + 1);
    if (code < 0xd800 || code > 0xdbff || next < 0xdc00 || next > 0xdfff) return true;
    SUSPECT.lastIndex = m.index + 2;
  }
  return false;
}

/** Expands DOCTYPE-declared entities outside CDATA sections (one level, no recursion). */
function expandDeclared(xml: string, declared: ReadonlyMap<string, string>): string {
  const expand = (segment: string): string =>
    segment.replace(/&([A-Za-z_][\w.-]*);/g, (m, name: string) => declared.get(name) ?? m);
  let out = '';
  let pos = 0;
  for (;;) {
    const cdata = xml.indexOf('<![CDATA[', pos);
    if (cdata < 0) return out + expand(xml.slice(pos));
    const end = xml.indexOf(']]>', cdata + 9);
    out += expand(xml.slice(pos, cdata)) + xml.slice(cdata, end < 0 ? xml.length : end + 3);
    if (end < 0) return out;
    pos = end + 3;
  }
}
