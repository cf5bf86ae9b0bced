/**
 * Jekyll runs Liquid over post bodies, so `{{` or `{%` from a feed would execute (or break
 * the build). Each body line holding one is wrapped in `{% raw %}…{% endraw %}` — per line,
 * so no raw block spans the blank line where Jekyll cuts the excerpt. An `endraw` tag inside
 * the text would end the raw block early, so each one is split: `{%` is followed by our own
 * `{% endraw %}{% raw %}`, which Liquid consumes, leaving the reader's text `{% endraw %}`
 * intact on the page.
 */
const RAW_OPEN = '{% raw %}';
const RAW_CLOSE = '{% endraw %}';
const SPLIT = `${RAW_CLOSE}${RAW_OPEN}`;
// Liquid ends a raw block at `{%`, optional `-`, whitespace, `endraw`.
const ENDRAW_START = /\{%(?=-?\s*endraw)/g;

export function needsRaw(body: string): boolean {
  return body.includes('{{') || body.includes('{%');
}

/** Wraps each line of a body (without its final newline) that needs it, so Liquid prints it verbatim. */
export function wrapRaw(body: string): string {
  return body
    .split('\n')
    .map((line) => (needsRaw(line) ? RAW_OPEN + line.replace(ENDRAW_START, `{%${SPLIT}`) + RAW_CLOSE : line))
    .join('\n');
}

/** Inverse of wrapRaw, line by line; lines that are not wrapped are returned as they are. */
export function unwrapRaw(body: string): string {
  if (!body.includes(RAW_OPEN)) return body;
  return body
    .split('\n')
    .map((line) => (line.startsWith(RAW_OPEN) && line.endsWith(RAW_CLOSE) ? line.slice(RAW_OPEN.length, -RAW_CLOSE.length).split(SPLIT).join('') : line))
    .join('\n');
}
