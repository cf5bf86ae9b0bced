import { displayDateTime } from '../display-date.js';
import { displayText } from '../display-text.js';
import { escapeHtml } from '../escape-html.js';
import { isWebLink } from '../post-content.js';
import type { SitePost } from '../site-model.js';
import { relativeHref } from '../relative-href.js';
import { pageShell } from './layout.js';
import type { SiteInfo } from './site-info.js';

/** One post: title, date, source, author when it is not the source, original link, content. */
/** `html` is the presented content (see post-content.ts). */
export function renderPostPage(p: SitePost, html: string, site: SiteInfo): string {
  const { post } = p;
  const title = displayText(post.title) || '（无标题）';
  const source = displayText(post.site);
  const author = displayText(post.author);
  const home = relativeHref(p.outPath, 'index.html');
  const iso = new Date(post.date).toISOString();
  const meta = [
    `<span><time datetime="${escapeHtml(iso)}">${escapeHtml(displayDateTime(post.date, site.timeZone))}</time></span>`,
    source ? `<span class="source">${escapeHtml(source)}</span>` : '',
    author && author !== source ? `<span class="author">${escapeHtml(author)}</span>` : '',
  ].filter(Boolean).join('');
  const original = isWebLink(post.link)
    ? `<p class="original">原文：<a href="${escapeHtml(post.link)}" rel="noopener noreferrer">${escapeHtml(post.link)}</a></p>`
    : '';
  const main = `<article>
<h1 class="post-title">${escapeHtml(title)}</h1>
<p class="post-meta">${meta}</p>
<div class="post-content">
${html}
</div>
${original}
</article>`;
  return pageShell({
    title: `${title} - ${site.title}`, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: home, cssHref: relativeHref(p.outPath, site.cssFile), main,
  });
}
