import { escapeHtml } from '../escape-html.js';

/**
 * A small Markdown subset for the operator's `about.md` (no Markdown library is installed):
 * ATX and setext headings, paragraphs, `-`/`*`/`+` and `1.` lists (one level), `>` quotes,
 * `---` rules, fenced code, and inline `**strong**`, `*em*`/`_em_`, `` `code` ``, `[text](url)`,
 * `<https://…>`. A block that starts with an HTML tag is passed through as HTML. The result
 * must still go through the sanitizer: this function makes markup, it does not make it safe.
 */
export function markdownToHtml(markdown: string, headingOffset = 0): string {
  const h = (level: number): string => `h${Math.min(6, level + headingOffset)}`;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const blank = (l: string | undefined): boolean => l === undefined || l.trim() === '';
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = /^\s{0,3}(```|~~~)/.exec(line);
    if (fence) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      out.push(`<${h(heading[1]!.length)}>${inline(heading[2]!)}</${h(heading[1]!.length)}>`);
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (/^\s{0,3}<[A-Za-z!/]/.test(line)) {
      const block: string[] = [];
      for (; !blank(lines[i]); i++) block.push(lines[i]!);
      out.push(block.join('\n'));
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const quoted: string[] = [];
      for (; !blank(lines[i]) && /^\s{0,3}>/.test(lines[i]!); i++) quoted.push(lines[i]!.replace(/^\s{0,3}>\s?/, ''));
      out.push(`<blockquote>\n${markdownToHtml(quoted.join('\n'), headingOffset)}\n</blockquote>`);
      continue;
    }
    const item = listItem(line);
    if (item) {
      const items: string[] = [];
      while (i < lines.length) {
        const it = listItem(lines[i]!);
        if (!it || it.ordered !== item.ordered) break;
        const text = [it.text];
        // Lazy continuation lines belong to the item.
        for (i++; i < lines.length && !blank(lines[i]) && !listItem(lines[i]!); i++) text.push(lines[i]!.trim());
        items.push(`<li>${inline(text.join('\n'))}</li>`);
        if (blank(lines[i]) && listItem(lines[i + 1] ?? '')?.ordered === item.ordered) i++;
      }
      const tag = item.ordered ? 'ol' : 'ul';
      out.push(`<${tag}>\n${items.join('\n')}\n</${tag}>`);
      continue;
    }
    const para: string[] = [];
    for (; !blank(lines[i]) && (para.length === 0 || !startsBlock(lines[i]!)); i++) para.push(lines[i]!.trim());
    const setext = para.length > 1 && /^(=+|-+)$/.test(para[para.length - 1]!) ? para.pop()!.startsWith('=') ? 1 : 2 : 0;
    out.push(setext ? `<${h(setext)}>${inline(para.join('\n'))}</${h(setext)}>` : `<p>${inline(para.join('\n'))}</p>`);
  }
  return out.join('\n');
}

function listItem(line: string): { ordered: boolean; text: string } | undefined {
  const m = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/.exec(line);
  return m ? { ordered: m[2] !== undefined, text: m[3]! } : undefined;
}

function startsBlock(line: string): boolean {
  return /^\s{0,3}(?:#{1,6}\s|>|```|~~~)/.test(line) || listItem(line) !== undefined;
}

/** Inline markup over escaped text; code spans are cut out first so nothing inside them is read. */
function inline(text: string): string {
  const codes: string[] = [];
  const marked = text.replace(/\u0000/g, '').replace(/`([^`]+)`/g, (_m, code: string) => `\u0000${codes.push(code) - 1}\u0000`);
  let html = escapeHtml(marked)
    .replace(/&lt;(https?:\/\/[^\s&]+)&gt;/g, (_m, url: string) => `<a href="${url}">${url}</a>`)
    .replace(/\[([^\]]+)\]\(\s*((?:[^\s()]|\([^\s()]*\))+)(?:\s+&quot;[^)]*&quot;)?\s*\)/g, (_m, label: string, url: string) => `<a href="${url}">${label}</a>`)
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '<strong>$2</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/ {2,}\n/g, '<br>\n');
  html = html.replace(/\u0000(\d+)\u0000/g, (_m, n: string) => `<code>${escapeHtml(codes[Number(n)]!)}</code>`);
  return html;
}
