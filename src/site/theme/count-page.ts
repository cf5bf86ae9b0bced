import { escapeHtml } from '../escape-html.js';
import { relativeHref } from '../relative-href.js';
import { renderCountList, type CountEntry } from './count-list.js';
import { pageShell, type NavKey } from './layout.js';
import type { SiteInfo } from './site-info.js';

export interface CountSection {
  readonly heading: string;
  readonly entries: readonly CountEntry[];
}

/** An index page of lists with counts (sources, categories and tags, months by year). */
export function renderCountPage(o: {
  readonly self: string;
  readonly heading: string;
  /** Escaped HTML under the heading. */
  readonly intro?: string;
  readonly sections: readonly CountSection[];
  readonly current: NavKey;
}, site: SiteInfo): string {
  const parts = [`<h1 class="page-title">${escapeHtml(o.heading)}</h1>`];
  if (o.intro) parts.push(o.intro);
  o.sections.forEach((s, i) => {
    parts.push(`<section aria-labelledby="s${i}">\n<h2 id="s${i}">${escapeHtml(s.heading)}</h2>\n${renderCountList(s.entries, o.self)}\n</section>`);
  });
  if (o.sections.length === 0) parts.push('<p>还没有文章。</p>');
  return pageShell({
    title: `${o.heading} - ${site.title}`, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: relativeHref(o.self, 'index.html'), cssHref: relativeHref(o.self, site.cssFile), main: parts.join('\n'), current: o.current,
  });
}
