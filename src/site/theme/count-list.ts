import { escapeHtml } from '../escape-html.js';
import { relativeHref } from '../relative-href.js';

/** One entry of a list with counts: a source, a category, a tag or a month. */
export interface CountEntry {
  readonly name: string;
  /** The entry's page, relative to the output folder. */
  readonly file: string;
  readonly count: number;
}

/** `<ul>` of linked names with their post counts, linked relative to `self`. */
export function renderCountList(entries: readonly CountEntry[], self: string, className = 'count-list'): string {
  if (entries.length === 0) return '<p>暂无。</p>';
  const items = entries.map((e) =>
    `<li><a href="${escapeHtml(relativeHref(self, e.file))}">${escapeHtml(e.name)}</a> <span class="count">${e.count}</span></li>`);
  return `<ul class="${className}">\n${items.join('\n')}\n</ul>`;
}
