import { displayText } from '../display-text.js';
import { escapeHtml } from '../escape-html.js';
import { relativeHref } from '../relative-href.js';
import type { SitePost } from '../site-model.js';
import { renderCountList, type CountEntry } from './count-list.js';
import { listDate } from './list-dates.js';
import { pageShell, type NavKey } from './layout.js';
import type { SiteInfo } from './site-info.js';

export interface PostListOptions {
  /** This page's file, relative to the output folder. */
  readonly self: string;
  /** Where the page sits in its list (see stablePages): files relative to the output folder. */
  readonly page: { readonly number: number; readonly front: boolean; readonly newer?: string | undefined; readonly older?: string | undefined };
  /** The page's heading (h1); the document title adds the page number and the site. */
  readonly heading: string;
  /** The document title of the first page, when not `heading - site`. */
  readonly title?: string;
  /** Escaped HTML under the heading. */
  readonly intro?: string;
  /** Escaped HTML after the list and its pagination (a function of the page's own file for relative links). */
  readonly after?: string | ((self: string) => string);
  /** Month headings over the posts (not on a month's own page). */
  readonly monthHeadings?: boolean;
  readonly current?: NavKey;
  /** Name each post's source (not on a source's own list). */
  readonly showSource?: boolean;
}

/** What every list shows of a post, whatever the page: computed once per post (a post is on four or more lists). */
interface ListItem {
  readonly timeZone: string;
  readonly month: { key: string; label: string; monthDay: string };
  /** The post's page as a link from the output root; a page n folders deep prefixes '../' n times. */
  readonly path: string;
  readonly title: string;
  readonly source: string;
}
const items = new WeakMap<SitePost, ListItem>();

function listItem(p: SitePost, timeZone: string): ListItem {
  let item = items.get(p);
  if (!item || item.timeZone !== timeZone) {
    item = {
      timeZone, month: listDate(p.post.date, timeZone), path: escapeHtml(relativeHref('index.html', p.outPath)),
      title: escapeHtml(displayText(p.post.title) || '（无标题）'), source: p.post.site ? escapeHtml(displayText(p.post.site)) : '',
    };
    items.set(p, item);
  }
  return item;
}

/** One page of a list of posts: newest first, under month headings, with links to the neighbouring pages. */
export function renderPostList(posts: readonly SitePost[], o: PostListOptions, site: SiteInfo): string {
  const parts: string[] = [`<h1 class="page-title">${escapeHtml(o.heading)}</h1>`];
  if (o.intro) parts.push(o.intro);
  const up = '../'.repeat(o.self.split('/').length - 1);
  let month = '';
  for (const p of posts) {
    const item = listItem(p, site.timeZone);
    const m = item.month;
    if (m.key !== month && (o.monthHeadings !== false || !month)) {
      if (month) parts.push('</ul>');
      if (o.monthHeadings !== false) parts.push(`<h2 class="month" id="m${m.key}">${escapeHtml(m.label)}</h2>`);
      parts.push('<ul class="post-list">');
      month = m.key;
    }
    const source = o.showSource !== false && item.source ? ` <span class="source">${item.source}</span>` : '';
    parts.push(`<li><time>${m.monthDay}</time> <a href="${up}${item.path}">${item.title}</a>${source}</li>`);
  }
  if (month) parts.push('</ul>');
  if (posts.length === 0) parts.push('<p>还没有文章。</p>');
  const { newer, older } = o.page;
  if (newer || older) {
    // Pages are numbered from the oldest, so a page's number never changes (see stablePages).
    const link = (file: string | undefined, rel: string, label: string): string =>
      file ? `<a rel="${rel}" href="${escapeHtml(relativeHref(o.self, file))}">${label}</a>` : '<span></span>';
    const label = o.page.front ? '最新' : `第 ${o.page.number} 页`;
    parts.push(`<nav class="pagination" aria-label="分页">${link(newer, 'prev', '← 较新')}<span>${label}</span>${link(older, 'next', '较旧 →')}</nav>`);
  }
  if (o.after) parts.push(typeof o.after === 'string' ? o.after : o.after(o.self));
  const title = o.page.front ? o.title ?? `${o.heading} - ${site.title}` : `${o.heading} - 第 ${o.page.number} 页 - ${site.title}`;
  return pageShell({
    title, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: relativeHref(o.self, 'index.html'), cssHref: relativeHref(o.self, site.cssFile), main: parts.join('\n'),
    ...(o.current ? { current: o.current } : {}),
  });
}

/** The home list's summary of sources (its front page only). */
export function sourcesSummary(sources: readonly CountEntry[], self: string): string {
  return `<section class="sources-summary" aria-labelledby="sources-heading">\n<h2 id="sources-heading">来源（${sources.length}）</h2>\n${renderCountList(sources, self)}\n</section>`;
}
