import { parse } from '../../vendor/yaml.js';

/**
 * Front matter is written by hand so ordinary values come out byte for byte as the
 * legacy mirrors wrote them (`title: "T"`, `author: A`, `tags: [ S ]`). Anything that
 * would change meaning in YAML is written as a double-quoted scalar with escapes.
 * Jekyll reads front matter with Ruby's Psych (YAML 1.1), so "plain" is decided
 * conservatively and re-checked with a real YAML 1.1 parse.
 */

// Characters never allowed in a plain value we write: flow indicators, comment and
// mapping markers, quotes, backslash, and anything that is not printable.
const UNSAFE_ANYWHERE = /[:#,[\]{}"'\\`\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/u;
const UNSAFE_START = /^[-?!&*|>%@\s]/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** `"…"` with YAML double-quoted escapes; the form the legacy titles use. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || cp === 0xfffe || cp === 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

// Authors and source names repeat across posts: remember verdicts (bounded).
const verdicts = new Map<string, boolean>();

function readsBackAs(yamlText: string, expected: unknown): boolean {
  const known = verdicts.get(yamlText);
  if (known !== undefined) return known;
  const ok = parsesTo(yamlText, expected);
  if (verdicts.size > 10_000) verdicts.clear();
  verdicts.set(yamlText, ok);
  return ok;
}

function parsesTo(yamlText: string, expected: unknown): boolean {
  try {
    const doc = parse(yamlText, { version: '1.1' }) as { k?: unknown } | null;
    return JSON.stringify(doc?.k) === JSON.stringify(expected);
  } catch {
    return false;
  }
}

/** A block-context scalar (`author: A`): plain when that is unambiguous, else quoted. */
export function blockScalar(value: string): string {
  if (isPlainSafe(value) && readsBackAs(`k: ${value}`, value)) return value;
  return doubleQuoted(value);
}

/** A one-element flow sequence (`[ S ]`), as legacy `tags:`/`categories:` lines. */
export function flowList(values: readonly string[]): string {
  const items = values.map((v) => (isPlainSafe(v) && readsBackAs(`k: [ ${v} ]`, [v]) ? v : doubleQuoted(v)));
  return `[ ${items.join(', ')} ]`;
}

/**
 * A URL value (`from: L`): plain for ordinary absolute URLs. The pattern alone is safe:
 * a plain scalar that starts with a letter and holds no space, `#`, quote or flow
 * indicator, and whose only `:` are followed by `/` or a port digit, is always a string.
 */
export function urlScalar(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s#'"\\,[\]{}]+$/i.test(url) && !/:(?![\/\d])|:$/.test(url) && !UNSAFE_ANYWHERE_URL.test(url)) return url;
  return doubleQuoted(url);
}

const UNSAFE_ANYWHERE_URL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\p{Cs}]/u;

function isPlainSafe(value: string): boolean {
  return (
    value.length > 0 &&
    value === value.trim() &&
    !UNSAFE_START.test(value) &&
    !UNSAFE_ANYWHERE.test(value) &&
    !LONE_SURROGATE.test(value)
  );
}
