/**
 * Jekyll runs Liquid over post bodies, so `{{` or `{%` from a feed would execute (or break
 * the build). Such bodies are wrapped in `{% raw %}…{% endraw %}`. An `endraw` tag inside
 * the content would end the raw block early, so each one is split: `{%` is followed by
 * our own `{% endraw %}{% raw %}`, which Liquid consumes, leaving the reader's text
 * `{% endraw %}` intact on the page.
 */
const RAW_OPEN = '{% raw %}';
const RAW_CLOSE = '{% endraw %}';
const SPLIT = `${RAW_CLOSE}${RAW_OPEN}`;
// Liquid ends a raw block at `{%`, optional `-`, whitespace, `endraw`.
const ENDRAW_START = /\{%(?=-?\s*endraw)/g;

export function needsRaw(body: string): boolean {
  return body.includes('{{') || body.includes('{%');
}

/** Wrap a body (without its final newline) so Liquid prints it verbatim. */
export function wrapRaw(body: string): string {
  return RAW_OPEN + body.replace(ENDRAW_START, `{%${SPLIT}`) + RAW_CLOSE;
}

/** Inverse of wrapRaw; a body that is not wrapped is returned as is. */
export function unwrapRaw(body: string): string {
  if (!body.startsWith(RAW_OPEN) || !body.endsWith(RAW_CLOSE)) return body;
  return body.slice(RAW_OPEN.length, -RAW_CLOSE.length).split(SPLIT).join('');
}
