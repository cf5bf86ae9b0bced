import { parse } from '../../vendor/yaml.js';
import { indentContinuations } from '../posts/read-post.js';
import { doubleQuoted } from '../posts/yaml-scalars.js';

/** Where the front matter's YAML sits: from `yamlStart` up to the closing `---` line at `closeStart`. */
interface FrontMatterSpan {
  readonly yamlStart: number;
  readonly closeStart: number;
}

function span(text: string): FrontMatterSpan | undefined {
  if (!text.startsWith('---')) return undefined;
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0) return undefined;
  const end = /\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!end || end.index < firstBreak) return undefined;
  return { yamlStart: firstBreak + 1, closeStart: end.index + (text[end.index] === '\r' ? 2 : 1) };
}

/** The front matter as YAML 1.1 reads it (as Jekyll does), or undefined when it is not a valid mapping. */
export function parseFrontMatter(text: string): Record<string, unknown> | undefined {
  const s = span(text.replace(/^\ufeff/, ''));
  if (!s) return undefined;
  const yamlText = text.replace(/^\ufeff/, '').slice(s.yamlStart, s.closeStart);
  for (const candidate of [yamlText, indentContinuations(yamlText)]) {
    try {
      const value: unknown = parse(candidate, { version: '1.1', uniqueKeys: false });
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      return undefined;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

/** `[ "/a/", "/b/" ]`: each item double-quoted, so any URL reads back exactly. */
export function quotedList(values: readonly string[]): string {
  return `[ ${values.map(doubleQuoted).join(', ')} ]`;
}

/**
 * Sets top-level keys of a post's front matter, leaving every other byte as it was:
 * a key's old line (and its indented or `- ` continuation lines) is removed and
 * `key: value` (already YAML) is added before the closing `---`.
 * Returns undefined when the file has no front matter to edit.
 */
export function setFrontMatterKeys(text: string, entries: Readonly<Record<string, string>>): string | undefined {
  const s = span(text);
  if (!s) return undefined;
  const lines = text.slice(s.yamlStart, s.closeStart).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const keys = new Set(Object.keys(entries));
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
    if (key !== undefined) dropping = keys.has(key);
    else if (!/^[\s-]/.test(line)) dropping = false;
    if (!dropping) kept.push(line);
  }
  for (const [k, v] of Object.entries(entries)) kept.push(`${k}: ${v}`);
  return text.slice(0, s.yamlStart) + kept.map((l) => `${l}\n`).join('') + text.slice(s.closeStart);
}
