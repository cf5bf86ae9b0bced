import { displayDateTime } from '../display-date.js';
import { displayText } from '../display-text.js';
import { escapeHtml } from '../escape-html.js';
import { isWebLink } from '../post-content.js';
import { relativeHref } from '../relative-href.js';
import type { SitePost } from '../site-model.js';
import { sourcePath } from '../source-path.js';
import { commentFrameOrigin, commentsFacade } from './comments.js';
import { FACADES_FILE } from './facades-script.js';
import { categoryPath } from './groups.js';
import { pageShell } from './layout.js';
import type { Neighbours } from './neighbours.js';
import type { SiteInfo } from './site-info.js';
import { postVideoId, YOUTUBE_FRAME_ORIGIN } from './youtube.js';

/**
 * One post: title, date, source (linked to its list), author when it is not the source, the
 * content, the original link, previous/next in the same source, and the click-to-load video
 * and comment facades. `html` is the presented content (see post-content.ts).
 */
export function renderPostPage(p: SitePost, html: string, site: SiteInfo, neighbours: Neighbours = {}): string {
  const { post } = p;
  const self = p.outPath;
  const title = displayText(post.title) || '（无标题）';
  const source = displayText(post.site);
  const author = displayText(post.author);
  const iso = new Date(post.date).toISOString();
  const meta = [
    `<span><time datetime="${escapeHtml(iso)}">${escapeHtml(displayDateTime(post.date, site.timeZone))}</time></span>`,
    source ? `<span class="source"><a href="${escapeHtml(relativeHref(self, `${sourcePath(post.site)}index.html`))}">${escapeHtml(source)}</a></span>` : '',
    author && author !== source ? `<span class="author">${escapeHtml(author)}</span>` : '',
  ].filter(Boolean).join('');
  const original = isWebLink(post.link)
    ? `<p class="original">原文：<a href="${escapeHtml(post.link)}" rel="noopener noreferrer">${escapeHtml(post.link)}</a></p>`
    : '';
  // A category in the source's own folder is the source (linked above); any other has its own page.
  const extra = (post.categories ?? []).filter((c) => c.trim() && categoryPath(c) !== categoryPath(post.site));
  const categories = extra.length
    ? `<p class="post-categories">分类：${extra.map((c) => `<a href="${escapeHtml(relativeHref(self, `${categoryPath(c)}index.html`))}">${escapeHtml(displayText(c))}</a>`).join('、')}</p>`
    : '';

  const frames: string[] = [];
  const videoId = postVideoId(post.link, html);
  let video = '';
  if (videoId) {
    frames.push(YOUTUBE_FRAME_ORIGIN);
    video = `<div class="facade video-facade" data-youtube="${escapeHtml(videoId)}">
<button type="button" class="facade-button">播放视频</button>
<p class="facade-note">视频来自 YouTube。点击之前，本页不会连接 YouTube；点击后从 youtube-nocookie.com 加载播放器。</p>
</div>
`;
  }
  let comments = '';
  if (post.comments === true && site.comments) {
    frames.push(commentFrameOrigin(site.comments));
    comments = commentsFacade(site.comments, p.url.replace(/^\//, ''));
  }

  const main = `<article>
<h1 class="post-title">${escapeHtml(title)}</h1>
<p class="post-meta">${meta}</p>
${video}<div class="post-content">
${html}
</div>
${original}${categories}
</article>
${neighbourNav(self, neighbours, source)}${comments}`;
  return pageShell({
    title: `${title} - ${site.title}`, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: relativeHref(self, 'index.html'), cssHref: relativeHref(self, site.cssFile), main,
    ...(frames.length ? { frameSrc: frames, scripts: [relativeHref(self, FACADES_FILE)] } : {}),
  });
}

function neighbourNav(self: string, n: Neighbours, source: string): string {
  if (!n.older && !n.newer) return '';
  const link = (q: SitePost, rel: 'prev' | 'next', label: string): string =>
    `<a class="${rel}" rel="${rel}" href="${escapeHtml(relativeHref(self, q.outPath))}"><span class="label">${label}</span> ${escapeHtml(displayText(q.post.title) || '（无标题）')}</a>`;
  const label = source ? `${source}的上一篇和下一篇` : '同一来源的上一篇和下一篇';
  return `<nav class="post-nav" aria-label="${escapeHtml(label)}">${n.older ? link(n.older, 'prev', '← 上一篇') : '<span></span>'}${n.newer ? link(n.newer, 'next', '下一篇 →') : '<span></span>'}</nav>\n`;
}
