import { displayText } from '../display-text.js';
import { escapeHtml } from '../escape-html.js';
import { pageFile } from '../paginate.js';
import { relativeHref } from '../relative-href.js';
import type { SitePost } from '../site-model.js';
import { renderCountList, type CountEntry } from './count-list.js';
import { listDate } from './list-dates.js';
import { pageShell, type NavKey } from './layout.js';
import type { SiteInfo } from './site-info.js';

export interface PostListOptions {
  /** This page's file, relative to the output folder. */
  readonly self: string;
  /** 1-based. */
  readonly page: number;
  readonly pageCount: number;
  /** The file of page n of this list. */
  readonly pageFile: (page: number) => string;
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
  if (o.pageCount > 1) {
    const newer = o.page > 1 ? `<a rel="prev" href="${escapeHtml(relativeHref(o.self, o.pageFile(o.page - 1)))}">← 较新</a>` : '<span></span>';
    const older = o.page < o.pageCount ? `<a rel="next" href="${escapeHtml(relativeHref(o.self, o.pageFile(o.page + 1)))}">较旧 →</a>` : '<span></span>';
    parts.push(`<nav class="pagination" aria-label="分页">${newer}<span>第 ${o.page} / ${o.pageCount} 页</span>${older}</nav>`);
  }
  if (o.after) parts.push(typeof o.after === 'string' ? o.after : o.after(o.self));
  const title = o.page > 1 ? `${o.heading} - 第 ${o.page} 页 - ${site.title}` : o.title ?? `${o.heading} - ${site.title}`;
  return pageShell({
    title, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: relativeHref(o.self, 'index.html'), cssHref: relativeHref(o.self, site.cssFile), main: parts.join('\n'),
    ...(o.current ? { current: o.current } : {}),
  });
}

/**
 * One page of the home list (`index.html`, `page2/index.html`…). The first page also lists
 * every source with its post count, when `sources` is given.
 */
export function renderListPage(posts: readonly SitePost[], page: number, pageCount: number, site: SiteInfo, sources?: readonly CountEntry[]): string {
  const self = pageFile(page);
  const after = page === 1 && sources
    ? `<section class="sources-summary" aria-labelledby="sources-heading">\n<h2 id="sources-heading">来源（${sources.length}）</h2>\n${renderCountList(sources, self)}\n</section>`
    : undefined;
  return renderPostList(posts, {
    self, page, pageCount, pageFile, heading: '最新文章', title: site.title, current: 'home', ...(after ? { after } : {}),
  }, site);
}
