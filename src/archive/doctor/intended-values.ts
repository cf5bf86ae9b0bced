import type { Post } from '../../model/index.js';

type Key = 'title' | 'author' | 'from';
const FIELDS: ReadonlyArray<[Key, (p: Post) => string]> = [
  ['title', (p) => p.title],
  ['author', (p) => p.author],
  ['from', (p) => p.link],
];

/**
 * The legacy scripts wrote `title: "T"`, `author: A` and `from: L` by string concatenation.
 * Where YAML reads such a line as something else (`author: A #1` loses ` #1` to a comment,
 * `author: yes` becomes true, `title: "T"` keeps its text only when it has no backslash),
 * this returns what the line says: the value the writer meant. Only one-line values whose
 * meaning is certain are returned; for the rest the parsed value stands.
 */
export function intendedValues(text: string, post: Post): Partial<Record<Key, string>> {
  const out: Partial<Record<Key, string>> = {};
  const end = /\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!text.startsWith('---') || !end) return out;
  const frontMatter = text.slice(0, end.index);
  for (const [key, read] of FIELDS) {
    const line = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*\\r?$`, 'm').exec(frontMatter)?.[1];
    if (line === undefined || line === '') continue;
    const meant = lineValue(line);
    if (meant !== undefined && meant !== read(post)) out[key] = meant;
  }
  return out;
}

function lineValue(raw: string): string | undefined {
  if (raw.startsWith('"')) {
    // Double-quoted with no escapes and no inner quote: the text between the quotes.
    const m = /^"([^"\\]*)"$/.exec(raw);
    return m ? m[1] : undefined;
  }
  if (/^['|>[{&*!%@`]/.test(raw)) return undefined;
  return raw;
}
