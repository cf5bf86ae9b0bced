/**
 * A start/end tag (quoted attribute values may hold '>') or a comment. Meant for sanitized HTML,
 * where every tag is well formed; anything else is treated as text.
 */
const TOKEN = /(<!--[\s\S]*?-->|<\/?[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>)/;
const BREAK = /[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/g;
const NEWLINE = /\r\n|\r|\n/g;

/**
 * Joins HTML into one line (the post body must be one line, or Markdown would read indented
 * lines as code). A line break (with the spaces/tabs around it) disappears where it sits between
 * a tag's '>' and the next '<', and becomes one space anywhere else, so words never get glued
 * together. Inside <pre> newlines become `&#10;`, inside quoted attribute values too, so what
 * they mean survives.
 */
export function toOneLine(html: string): string {
  if (!/[\r\n]/.test(html)) return html;
  const parts = html.split(TOKEN); // text, token, text, token, …, text
  let out = '';
  let preDepth = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 1) {
      out += part.startsWith('<!--') ? part.replace(BREAK, ' ') : oneLineTag(part);
      const pre = /^<(\/?)pre[\s/>]/i.exec(part);
      if (pre) preDepth = pre[1] ? Math.max(0, preDepth - 1) : preDepth + 1;
    } else if (preDepth > 0) {
      out += part.replace(NEWLINE, '&#10;');
    } else {
      const before = out === '' ? '>' : out[out.length - 1];
      const after = parts[i + 1]?.[0] ?? '<';
      out += part.replace(BREAK, (m: string, at: number) => {
        const prev = at === 0 ? before : part[at - 1];
        const next = at + m.length === part.length ? after : part[at + m.length];
        return prev === '>' && next === '<' ? '' : ' ';
      });
    }
  }
  return out;
}

/** Line breaks inside a tag: encoded inside quoted values, one space between attributes. */
function oneLineTag(tag: string): string {
  if (!/[\r\n]/.test(tag)) return tag;
  return tag.replace(/"[^"]*"|'[^']*'|[^"']+/g, (chunk) =>
    chunk.startsWith('"') || chunk.startsWith("'") ? chunk.replace(NEWLINE, '&#10;') : chunk.replace(BREAK, ' '),
  );
}
