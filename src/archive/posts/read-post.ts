import { parse } from '../../vendor/yaml.js';
import type { Post } from '../../model/index.js';
import { unwrapRaw } from './liquid.js';

export interface ReadResult {
  readonly post: Post;
  /** What is wrong with the file (empty for a sound post); `doctor` reports these. */
  readonly problems: readonly string[];
}

type FrontMatter = Record<string, unknown>;

/**
 * Reads any post the legacy mirrors or samizdat wrote. Tolerant: a broken front matter
 * falls back to line-by-line extraction and is reported in `problems`, never thrown.
 * `fileName` supplies the date when the post carries none.
 */
export function readPost(text: string, fileName = '', parsed?: Readonly<Record<string, unknown>>): ReadResult {
  const problems: string[] = [];
  const { yamlText, body } = splitFrontMatter(text.replace(/^\ufeff/, ''));
  if (yamlText === undefined) problems.push('no front matter');
  const unwrapped = unwrappedBody(body);
  const fm = parsed && canReuse(parsed, unwrapped) ? parsed : parseFrontMatter(yamlText ?? '', problems);

  const tags = toList(fm.tags);
  const categories = toList(fm.categories);
  const site = tags[0] ?? categories[categories.length - 1] ?? '';
  const extraCategories = categories.filter((c) => c !== site);

  const epoch = /^<!--(-?\d+|NaN)-->$/m.exec(unwrapped.slice(0, 64))?.[1];
  let date = epoch !== undefined && epoch !== 'NaN' ? Number(epoch) : NaN;
  if (epoch === undefined) problems.push('no epoch comment');
  else if (epoch === 'NaN') problems.push('epoch comment is NaN');
  if (Number.isNaN(date)) date = toEpoch(fm.date);
  if (Number.isNaN(date)) {
    const m = /(\d{4}-\d{2}-\d{2})-/.exec(fileName);
    date = m ? Date.parse(`${m[1]}T00:00:00Z`) : NaN;
    if (!Number.isNaN(date)) problems.push('no usable date in front matter');
  }
  if (Number.isNaN(date)) {
    problems.push('no date');
    date = 0;
  }

  const title = toText(fm.title);
  if (!title) problems.push('no title');
  const link = toText(fm.from);
  if (!link) problems.push('no from: link');
  const guid = toText(fm.guid);
  const post: Post = {
    title,
    date,
    author: toText(fm.author),
    link,
    site,
    content: extractContent(unwrapped),
    ...(guid ? { guid } : {}),
    ...(fm.comments === undefined ? {} : { comments: fm.comments === true || String(fm.comments).toLowerCase() === 'true' }),
    ...(extraCategories.length ? { categories: extraCategories } : {}),
  };
  return { post, problems };
}

/**
 * `parsed`: the front matter as another reader parsed it (YAML 1.1, timestamps left as text),
 * to spare a second parse. It reads the same as our parse unless a value is a timestamp (ours
 * makes a Date of it): the date, which matters only without an epoch comment, or a title such
 * as `2022-01-01`. Then we parse again.
 */
function canReuse(fm: Readonly<Record<string, unknown>>, unwrapped: string): boolean {
  if (!/^<!--(-?\d+)-->$/m.test(unwrapped.slice(0, 64))) return false;
  for (const [key, value] of Object.entries(fm)) {
    if (key !== 'date' && typeof value === 'string' && /^\d{4}-\d\d?-\d\d?/.test(value)) return false;
  }
  return true;
}

/**
 * Only the content of a post, without reading its front matter: the site keeps each post's
 * metadata and reads the content again for its page and its search text, where a YAML parse
 * per read would be wasted work. Same result as `readPost(text).post.content`.
 */
export function readPostContent(text: string): string {
  return extractContent(unwrappedBody(splitFrontMatter(text.replace(/^\ufeff/, '')).body));
}

function unwrappedBody(body: string): string {
  return unwrapRaw(body.replace(/\n$/, ''));
}

function splitFrontMatter(text: string): { yamlText?: string; body: string } {
  if (!text.startsWith('---')) return { body: text };
  const end = /\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!end) return { body: text };
  const firstBreak = text.indexOf('\n');
  return { yamlText: text.slice(firstBreak + 1, end.index), body: text.slice(end.index + end[0].length) };
}

function parseFrontMatter(yamlText: string, problems: string[]): FrontMatter {
  let firstError: unknown;
  for (const text of [yamlText, indentContinuations(yamlText)]) {
    try {
      const value: unknown = parse(text, { version: '1.1', uniqueKeys: false });
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as FrontMatter;
      if (yamlText.trim()) problems.push('front matter is not a mapping');
      return looseFrontMatter(yamlText);
    } catch (err) {
      firstError ??= err;
    }
  }
  problems.push(`front matter is not valid YAML (${String((firstError as Error).message).split('\n')[0]})`);
  return looseFrontMatter(yamlText);
}

/**
 * Legacy titles with a raw newline continue a quoted scalar on unindented lines. libyaml
 * (Jekyll's Psych) accepts that; the yaml package does not, so such lines get a space.
 */
export function indentContinuations(yamlText: string): string {
  return yamlText.replace(/^(?![A-Za-z_][\w-]*:|[\s#-]|$)/gm, ' ');
}

/** Last resort for front matter that YAML rejects: `key: value` per line, quotes taken off. */
function looseFrontMatter(yamlText: string): FrontMatter {
  const fm: FrontMatter = {};
  for (const line of yamlText.split(/\r?\n/)) {
    const m = /^([A-Za-z_]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!.trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    const list = /^\[(.*)\]$/.exec(value);
    fm[m[1]!] = list ? list[1]!.split(',').map((s) => s.trim()).filter(Boolean) : value;
  }
  return fm;
}

/** The one-line content inside `<div>…</div>`; older posts hold raw HTML after the front matter. */
function extractContent(body: string): string {
  const open = body.indexOf('\n<div>\n');
  if (open >= 0 && body.endsWith('\n</div>')) return body.slice(open + '\n<div>\n'.length, -'\n</div>'.length);
  return body.replace(/^<!--(-?\d+|NaN)-->\n/, '').trim();
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(toText).filter(Boolean);
  const s = toText(value);
  return s ? s.split(/\s+/) : [];
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function toEpoch(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && value.trim()) return Date.parse(value.trim().replace(' ', 'T'));
  return NaN;
}
