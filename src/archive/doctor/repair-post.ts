import { sanitizeHtml } from '../../content/sanitize.js';
import { formatPost } from '../posts/format-post.js';
import { readPost } from '../posts/read-post.js';
import { parseFrontMatter, setFrontMatterKeys } from '../import/front-matter-keys.js';
import { intendedValues } from './intended-values.js';

/** Keys formatPost writes itself; any other key of the old front matter is carried over. */
const WRITTEN = new Set(['layout', 'title', 'date', 'author', 'from', 'guid', 'tags', 'comments', 'categories']);

/**
 * The post re-written in the current format (formatPost: YAML quoted where needed, the body
 * wrapped in a raw block when it holds Liquid, a correct epoch comment), with the values the
 * legacy lines meant where YAML misread them, the content sanitized when `sanitize` is set,
 * and every other front matter key (permalink, redirect_from, slug, extra tags …) kept.
 * Undefined when the post has no date to write (rewriting would move it to 1970).
 */
export function repairPost(text: string, path: string, sanitize: boolean): string | undefined {
  const { post, problems } = readPost(text, path);
  if (problems.includes('no date')) return undefined;
  const meant = intendedValues(text, post);
  const link = meant.from ?? post.link;
  const fixed = {
    ...post,
    title: meant.title ?? post.title,
    author: meant.author ?? post.author,
    link,
    content: sanitize ? sanitizeHtml(post.content, link) : post.content,
  };
  const out = formatPost(fixed);
  const old = parseFrontMatter(text);
  if (!old) return out;
  const extras: Record<string, string> = {};
  for (const [key, value] of Object.entries(old)) {
    if (WRITTEN.has(key) || value === undefined || !/^[A-Za-z_][\w-]*$/.test(key)) continue;
    extras[key] = yamlValue(value);
  }
  const tags = Array.isArray(old.tags) ? old.tags.map(String) : undefined;
  if (tags && (tags.length !== 1 || tags[0] !== fixed.site)) extras.tags = yamlValue(tags);
  if (typeof old.layout === 'string' && old.layout !== 'post') extras.layout = yamlValue(old.layout);
  return Object.keys(extras).length ? (setFrontMatterKeys(out, extras) ?? out) : out;
}

/**
 * One-line YAML for a carried-over value: JSON is YAML flow syntax, and its string escapes
 * are YAML double-quoted escapes. Dates (YAML 1.1 timestamps) go back as ISO timestamps.
 */
function yamlValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v)) ?? 'null';
}
