import type { Post } from '../../model/index.js';
import { sanitizeHtml } from '../../content/sanitize.js';
import { formatPost } from '../posts/format-post.js';
import { readPost } from '../posts/read-post.js';
import type { Finding } from './kinds.js';
import { intendedValues } from './intended-values.js';

export interface PostCheck {
  readonly findings: readonly Finding[];
  readonly post: Post;
}

const MIN_DATE = Date.UTC(1990, 0, 1);
const DAY = 86_400_000;
/** Markup that runs code or loads a frame; a cheap first look before asking the sanitizer. */
const EXECUTABLE = /<\s*\/?\s*(?:script|iframe|frame|frameset|object|embed|applet|base|meta|form|link)\b|\son[a-z]+\s*=|(?:java|vb)script\s*(?::|&colon;|&#0*58;|&#x0*3a;)/gi;
const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}/g;

/** Every problem of one readable post file. `now` bounds dates from above. */
export function checkPost(path: string, text: string, now: number): PostCheck {
  const findings: Finding[] = [];
  const add = (kind: Finding['kind'], detail: string): void => void findings.push({ kind, path, detail });
  const { post, problems } = readPost(text, path);
  for (const p of problems) {
    if (p === 'no epoch comment') add('epoch-missing', 'no <!--epoch--> comment');
    else if (p === 'epoch comment is NaN') add('epoch-nan', '<!--NaN-->');
    else if (p === 'no title') add('missing-field', 'no title');
    else if (p === 'no from: link') add('missing-field', 'no from: link');
    else if (p === 'no date' || p === 'no usable date in front matter') add('missing-field', p === 'no date' ? 'no date' : 'no date (the file name\'s day is used)');
    else add('yaml-invalid', p);
  }
  if (!problems.includes('no date') && (post.date < MIN_DATE || post.date > now + DAY)) {
    add('bad-date', `${new Date(post.date).toISOString()} is ${post.date < MIN_DATE ? 'before 1990' : 'in the future'}`);
  }
  if (!problems.some((p) => p.startsWith('front matter'))) {
    const misread = roundTripProblem(text, post);
    if (misread) add('yaml-roundtrip', misread);
  }
  const body = bodyOf(text);
  if (/\{\{|\{%/.test(body.replace(RAW_BLOCK, ''))) add('liquid', `${/\{\{/.test(body) ? '{{' : '{%'} outside {% raw %}`);
  const unsafe = unsafeHtml(post.content, post.link);
  if (unsafe) add('unsafe-html', unsafe);
  return { findings, post };
}

/** The first executable construct the sanitizer would remove, or undefined. */
export function unsafeHtml(content: string, link: string): string | undefined {
  const before = content.match(EXECUTABLE);
  if (!before) return undefined;
  const after = sanitizeHtml(content, link).match(EXECUTABLE)?.length ?? 0;
  // Text such as "javascript:" in prose survives sanitizing: only what it removes counts.
  return after < before.length ? `${JSON.stringify(before[0]!.trim())} (${before.length - after} executable part${before.length - after === 1 ? '' : 's'})` : undefined;
}

/**
 * Values that YAML reads differently from what the line says (an unquoted `#` starts a
 * comment, `yes` is a boolean in YAML 1.1), and values a rewrite would not keep.
 */
function roundTripProblem(text: string, post: Post): string | undefined {
  const intended = intendedValues(text, post);
  for (const [key, value] of Object.entries(intended)) {
    const read = key === 'title' ? post.title : key === 'author' ? post.author : post.link;
    return `${key}: YAML reads ${JSON.stringify(read)}, the file says ${JSON.stringify(value)}`;
  }
  const again = readPost(formatPost(post)).post;
  for (const k of ['title', 'date', 'author', 'link', 'site', 'guid', 'comments'] as const) {
    if (again[k] !== post[k] && !(k === 'comments' && post[k] === undefined)) return `${k} would change in a rewrite: ${JSON.stringify(post[k])} → ${JSON.stringify(again[k])}`;
  }
  return undefined;
}

/** Everything after the front matter (the whole text when there is none). */
export function bodyOf(text: string): string {
  if (!text.startsWith('---')) return text;
  const end = /\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  return end ? text.slice(end.index + end[0].length) : text;
}
