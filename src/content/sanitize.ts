import sanitize from '../vendor/sanitize-html.js';
import { cleanElement } from './sanitize-attributes.js';
import {
  ALLOWED_TAGS,
  ALLOWED_VOID_TAGS,
  DROPPED_WITH_CONTENT,
  ELEMENT_ATTRIBUTES,
  GLOBAL_ATTRIBUTES,
  LINK_SCHEMES,
  isBooleanAttribute,
} from './sanitize-policy.js';
import { PARSER_OPTIONS, prescan, type TagEnd } from './sanitize-scan.js';
import { flattenToText, mayNestDeeperThan } from './sanitize-depth.js';
import { plainTextToHtml } from './text.js';

// `allowedEmptyAttributes` exists in sanitize-html 2.x but not in its type definitions.
type Options = sanitize.IOptions & { allowedEmptyAttributes: string[] };

/**
 * sanitize-html writes an empty attribute as `name=""` only if `allowedEmptyAttributes.includes(name)`,
 * else as a bare name. A list cannot name every data-* attribute, so answer the question instead.
 */
class NonBooleanNames extends Array<string> {
  override includes(name: string): boolean {
    return !isBooleanAttribute(name);
  }
}

/** The fixed part of the sanitize-html configuration (a second line of defence behind cleanElement). */
const BASE_OPTIONS: Options = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: {
    ...Object.fromEntries(Object.entries(ELEMENT_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
    '*': [...GLOBAL_ATTRIBUTES, 'data-*'],
  },
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [...DROPPED_WITH_CONTENT],
  selfClosing: [...ALLOWED_VOID_TAGS],
  // Keep `title=""` as written; boolean attributes (controls, open) stay bare.
  nonBooleanAttributes: [],
  allowedEmptyAttributes: new NonBooleanNames(),
  parseStyleAttributes: false,
  // Raw text and attribute values: clean input is written back byte for byte. Attribute values are
  // decoded and checked in cleanElement; text keeps its entities, and '<', '>' and bare '&' are escaped.
  parser: { ...PARSER_OPTIONS },
};

/**
 * Cleans an article's HTML with an allowlist (the last transform of the pipeline): removes
 * everything executable or presentational, replaces video players by links to the video page,
 * drops tracking pixels and tracking parameters, resolves relative URLs against `baseUrl`.
 * Clean input comes back unchanged, byte for byte; the output is always balanced.
 * `tagEnds: 'html'` (pages, which need no byte-for-byte round trip) ends every void tag as
 * `<br>` whatever the source wrote, sparing the passes that keep the source's spelling.
 */
export function sanitizeHtml(html: string, baseUrl: string, tagEnds: 'source' | 'html' = 'source'): string {
  if (html === '') return '';
  // Pathological nesting would take minutes to parse: keep its text only.
  if (mayNestDeeperThan(html)) return sanitizeHtml(plainTextToHtml(flattenToText(html)), baseUrl, tagEnds);
  // Only a player, an iframe or (to keep the source's spelling) an XHTML-style `/>` needs the extra pass.
  const scan = (tagEnds === 'source' ? /<(?:iframe|embed)|\/>/i : /<(?:iframe|embed)/i).test(html) ? prescan(html, baseUrl) : undefined;
  let event = -1;
  let aligned = true;
  const voidEnds: TagEnd[] = [];
  // Elements to remove whole, known by the attribs object sanitize-html keeps on its frame.
  // (Renaming them to a disallowed tag trips a sanitize-html bug that writes a stray end tag.)
  const dropped = new WeakSet<object>();
  const out = sanitize(scan?.html ?? html, {
    ...BASE_OPTIONS,
    onOpenTag(name) {
      event++;
      if (scan !== undefined && scan.names[event] !== name) aligned = false;
    },
    transformTags: {
      '*': (tag, attribs) => {
        const cleaned = cleanElement(tag, attribs, baseUrl);
        if (cleaned.drop) dropped.add(cleaned.attribs);
        else if (ALLOWED_VOID_TAGS.has(tag)) voidEnds.push(scan?.ends[event] ?? '>');
        return { tagName: tag, attribs: cleaned.attribs };
      },
    },
    exclusiveFilter: (frame) => dropped.has(frame.attribs),
  });
  // (Text and attribute values never hold a raw '>': each ' />' ends a void tag.)
  return tagEnds === 'source' ? restoreTagEnds(out, aligned ? voidEnds : []) : out.replaceAll(' />', '>');
}

/**
 * sanitize-html ends every void element with ' />'. Put back the source's own spelling, matched
 * by order (text and attribute values never hold a raw '>', so each ' />' ends a void tag). If
 * the counts disagree, write the plain HTML form `>` everywhere.
 */
function restoreTagEnds(out: string, ends: readonly TagEnd[]): string {
  let count = 0;
  for (let at = out.indexOf(' />'); at >= 0; at = out.indexOf(' />', at + 3)) count++;
  if (count === 0) return out;
  if (count !== ends.length) return out.replaceAll(' />', '>');
  let i = 0;
  return out.replace(/ \/>/g, () => ends[i++] ?? '>');
}
