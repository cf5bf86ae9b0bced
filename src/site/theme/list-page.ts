import { displayMonthDay, monthOf } from '../display-date.js';
import { displayText } from '../display-text.js';
import { escapeHtml } from '../escape-html.js';
import type { SitePost } from '../site-model.js';
import { pageFile } from '../paginate.js';
import { relativeHref } from '../relative-href.js';
import { pageShell } from './layout.js';
import type { SiteInfo } from './site-info.js';

/** One page of the home list: newest first, under month headings, with links to its neighbours. */
export function renderListPage(posts: readonly SitePost[], page: number, pageCount: number, site: SiteInfo): string {
  const self = pageFile(page);
  const parts: string[] = [];
  let month = '';
  for (const p of posts) {
    const m = monthOf(p.post.date, site.timeZone);
    if (m.key !== month) {
      if (month) parts.push('</ul>');
      parts.push(`<h2 class="month" id="m${m.key}">${escapeHtml(m.label)}</h2>`, '<ul class="post-list">');
      month = m.key;
    }
    parts.push(`<li><time>${escapeHtml(displayMonthDay(p.post.date, site.timeZone))}</time> <a href="${escapeHtml(relativeHref(self, p.outPath))}">${escapeHtml(displayText(p.post.title) || '（无标题）')}</a>${
      p.post.site ? ` <span class="source">${escapeHtml(displayText(p.post.site))}</span>` : ''}</li>`);
  }
  if (month) parts.push('</ul>');
  if (posts.length === 0) parts.push('<p>还没有文章。</p>');
  const newer = page > 1 ? `<a rel="prev" href="${escapeHtml(relativeHref(self, pageFile(page - 1)))}">← 较新</a>` : '<span></span>';
  const older = page < pageCount ? `<a rel="next" href="${escapeHtml(relativeHref(self, pageFile(page + 1)))}">较旧 →</a>` : '<span></span>';
  parts.push(`<nav class="pagination" aria-label="分页">${newer}<span>第 ${page} / ${pageCount} 页</span>${older}</nav>`);
  return pageShell({
    title: page > 1 ? `${site.title} - 第 ${page} 页` : site.title, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: relativeHref(self, 'index.html'), cssHref: relativeHref(self, site.cssFile), main: parts.join('\n'),
  });
}
