import { Parser } from '../vendor/htmlparser2.js';
import { decodeHTMLAttribute } from '../vendor/entities.js';
import { videoWatchUrl } from './embeds.js';

/** How the source closed a start tag: `<br>`, `<br/>` or `<br />`. */
export type TagEnd = '>' | '/>' | ' />';

export interface Prescan {
  /** The HTML with players replaced by links and other iframes unwrapped. */
  readonly html: string;
  /** For each start-tag event of htmlparser2 on `html`, in order: its name and how it ended. */
  readonly names: readonly string[];
  readonly ends: readonly TagEnd[];
}

/** Parser options shared with sanitize-html, so both see the same sequence of tags. */
export const PARSER_OPTIONS = { decodeEntities: false } as const;

/** Where a player must not become a paragraph (a <p> cannot sit inside these). */
const INLINE_CONTEXT = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'small',
  'mark', 'q', 'cite', 'code', 'sub', 'sup', 'font', 'abbr', 'label', 'del', 'ins', 'time', 'kbd', 'samp',
]);
const MAX_ROUNDS = 8;

/**
 * Before sanitizing: replaces video players (<iframe>/<embed> of YouTube, Vimeo) by a link to the
 * video page, and removes the start tag of every other <iframe>. htmlparser2 reads an iframe's
 * content as raw text; once the start tag is gone that content is parsed (and sanitized) as markup,
 * as sanitize-html itself would do. Iframes hidden in that content are handled in the next round.
 * Only the bytes of those start tags change. Also records how each start tag was closed.
 */
export function prescan(html: string, baseUrl: string): Prescan {
  let current = html;
  for (let round = 0; ; round++) {
    const scan = scanOnce(current, baseUrl);
    if (scan.edits.length === 0 || round === MAX_ROUNDS) return { html: current, names: scan.names, ends: scan.ends };
    current = applyEdits(current, scan.edits);
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function scanOnce(html: string, baseUrl: string): { edits: Edit[]; names: string[]; ends: TagEnd[] } {
  const edits: Edit[] = [];
  const names: string[] = [];
  const ends: TagEnd[] = [];
  const open: string[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        names.push(name);
        ends.push(tagEndAt(html, parser.endIndex));
        if (name === 'iframe' || name === 'embed') {
          const src = decodeHTMLAttribute(attribs['src'] || attribs['data-src'] || attribs['data-lazy-src'] || '');
          const watch = src === '' ? undefined : videoWatchUrl(src, baseUrl);
          if (watch !== undefined) edits.push({ start: parser.startIndex, end: parser.endIndex + 1, text: videoLink(watch, open) });
          else if (name === 'iframe') edits.push({ start: parser.startIndex, end: parser.endIndex + 1, text: '' });
        }
        open.push(name);
      },
      onclosetag() {
        open.pop();
      },
    },
    PARSER_OPTIONS,
  );
  parser.write(html);
  parser.end();
  return { edits, names, ends };
}

function tagEndAt(html: string, end: number): TagEnd {
  if (html[end] !== '>' || html[end - 1] !== '/') return '>';
  return /\s/.test(html[end - 2] ?? '') ? ' />' : '/>';
}

/** The link that stands for a player, shaped to fit where the player was. */
function videoLink(url: string, open: readonly string[]): string {
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  if (open.includes('a')) return escaped;
  const link = `<a href="${escaped}">${escaped}</a>`;
  return open.some((t) => INLINE_CONTEXT.has(t)) ? link : `<p>${link}</p>`;
}

function applyEdits(html: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + html.slice(at);
}
