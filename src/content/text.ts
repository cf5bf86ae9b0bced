import { Parser } from '../vendor/htmlparser2.js';

export { toOneLine } from './one-line.js';

/**
 * Characters that are not text: C0 controls except TAB and LF, DEL, C1 controls, lone surrogates
 * and the noncharacters U+FFFE/U+FFFF. XML cannot carry them and YAML refuses most of them.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes control characters (see CONTROL). Line breaks are normalised first: CRLF and a lone
 * CR become LF, so that "a\rb" keeps its two words apart instead of gluing them.
 */
export function stripControlChars(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/**
 * http(s) URLs in running text: printable ASCII except quotes and angle brackets. Browsers copy
 * URLs percent-encoded, and CJK text often follows a URL with no space in between.
 */
const BARE_URL = /https?:\/\/[!#-&(-;=?-~]+/g;

/**
 * Plain text (a YouTube description, a text/plain item) as HTML: `& < > "` escaped, each line
 * break as `<br>` (so lines stay apart on one line of HTML), bare http(s) URLs as links.
 */
export function plainTextToHtml(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(BARE_URL)) {
    const url = trimUrlEnd(m[0]);
    const start = m.index;
    out += escapeText(text.slice(at, start));
    const escaped = escapeText(url);
    out += `<a href="${escaped}">${escaped}</a>`;
    at = start + url.length;
  }
  out += escapeText(text.slice(at));
  return out.replace(/\r\n|\r|\n/g, '<br>');
}

/** Sentence punctuation after a URL is not part of it; nor is a ')' that closes an earlier '('. */
function trimUrlEnd(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (c !== undefined && '.,;:!?*'.includes(c)) end--;
    else if (c === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Elements that start a new line of text. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'table', 'caption', 'tr', 'section', 'article', 'header', 'footer', 'aside',
  'main', 'nav', 'figure', 'figcaption', 'address', 'details', 'summary',
]);
/** Elements whose content is not text a reader sees. */
const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'title', 'iframe', 'svg', 'math', 'textarea', 'select']);

/**
 * The text a reader sees, gathered from the start tags, end tags and (decoded) text of an HTML
 * fragment in order: the rules of htmlToText, for whatever reads the tags (a parser, or the scan
 * of presentedText).
 */
export class VisibleText {
  private readonly chunks: string[] = [];
  private hiddenDepth = 0;
  private preDepth = 0;

  /** Inside an element whose content is not shown: text added now is dropped. */
  get hidden(): boolean {
    return this.hiddenDepth > 0;
  }

  open(name: string): void {
    if (HIDDEN_ELEMENTS.has(name)) this.hiddenDepth++;
    else if (BLOCK_ELEMENTS.has(name)) this.chunks.push('\n');
    else if (name === 'td' || name === 'th') this.chunks.push(' ');
    if (name === 'pre') this.preDepth++;
  }

  close(name: string): void {
    if (HIDDEN_ELEMENTS.has(name)) this.hiddenDepth = Math.max(0, this.hiddenDepth - 1);
    else if (BLOCK_ELEMENTS.has(name)) this.chunks.push('\n');
    if (name === 'pre') this.preDepth = Math.max(0, this.preDepth - 1);
  }

  /** Text as it counts: whitespace runs as one space (inside <pre>, line breaks kept). */
  add(piece: string): void {
    if (this.hiddenDepth > 0) return;
    this.chunks.push(this.preDepth > 0 ? piece.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ') : piece.replace(/\s+/g, ' '));
  }

  /** The pieces joined: one line break between lines, no empty lines, no runs of spaces. */
  text(): string {
    return this.chunks
      .join('')
      .replace(/ *\n[\n ]*/g, '\n')
      .replace(/ {2,}/g, ' ')
      .trim();
  }
}

/**
 * The text a reader sees in an HTML fragment: entities decoded, script/style and the like
 * skipped, one line per block element (and per <br> and per line of a <pre>), whitespace
 * (non-breaking spaces too) collapsed to single spaces, no empty lines.
 */
export function htmlToText(html: string): string {
  return collectText(html, Infinity);
}

/** htmlToText, stopping the parser once about `limit` characters of text are collected. */
function collectText(html: string, limit: number): string {
  const visible = new VisibleText();
  let length = 0;
  const parser: Parser = new Parser(
    {
      onopentag: (name) => visible.open(name),
      onclosetag: (name) => visible.close(name),
      ontext(text) {
        if (visible.hidden || length > limit) return;
        const piece = text.length > limit - length ? text.slice(0, limit - length + 1) : text;
        visible.add(piece);
        length += piece.length;
        if (length > limit) parser.pause();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return visible.text();
}

// Made on first use: loading its data costs a build that makes no title ~10 ms.
let graphemes: Intl.Segmenter | undefined;
/** Scripts written without spaces between words: cut anywhere between characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * A title for an item that has none: the first words of its text, whitespace collapsed, at most
 * `maxChars` code points. Cut between whole characters (grapheme clusters: never half a
 * surrogate pair, an emoji sequence or a letter with its accents) and, in space-separated
 * scripts, at a word boundary when one is reasonably close. No ellipsis is added.
 */
export function titleFromContent(html: string, maxChars = 40): string {
  // Enough text for the title even after whitespace collapses; never the whole of a huge body.
  const text = stripControlChars(collectText(html, maxChars * 8 + 1000)).replace(/\s+/g, ' ').trim();
  if (codePoints(text) <= maxChars) return text;
  let cut = '';
  let used = 0;
  let rest = '';
  for (const { segment, index } of (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text)) {
    const n = codePoints(segment);
    if (used + n > maxChars) {
      rest = text.slice(index);
      break;
    }
    cut += segment;
    used += n;
  }
  // A single cluster longer than the limit (Zalgo text): fall back to whole code points.
  if (cut === '') return Array.from(text).slice(0, maxChars).join('');
  if (rest !== '' && inWord(lastChar(cut)) && inWord(rest.codePointAt(0))) {
    const space = cut.lastIndexOf(' ');
    if (space >= cut.length / 2) cut = cut.slice(0, space);
  }
  return cut.trimEnd();
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function lastChar(s: string): number | undefined {
  const chars = Array.from(s);
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i] ?? '';
    if (!/\p{M}/u.test(c)) return c.codePointAt(0); // skip accents to reach the base letter
  }
  return undefined;
}

function inWord(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  const c = String.fromCodePoint(cp);
  return WORD.test(c) && !UNSPACED.test(c);
}
