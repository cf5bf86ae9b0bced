import { escapeHtml } from '../escape-html.js';
import { presentContent } from '../present-content.js';
import { relativeHref } from '../relative-href.js';
import { navHref, pageShell } from './layout.js';
import { markdownToHtml } from './markdown.js';
import type { SiteInfo } from './site-info.js';
import { STYLESHEET } from './stylesheet.js';

export const ABOUT_FILE = 'about/index.html';
/** Relative links of about.md are resolved against this stand-in for the page's own URL, then made relative again. */
const STAND_IN = 'https://samizdat.invalid/';

/** Facts the default about text states. */
export interface MirrorFacts {
  readonly posts: number;
  readonly sources: number;
  /** Newest and oldest post, already formatted. */
  readonly newest?: string;
  readonly oldest?: string;
}

/**
 * The about page: the operator's `about.md` (front matter `title` kept, Liquid tags dropped,
 * a Markdown subset rendered, then sanitized and presented like post content), else a
 * default text saying what the mirror is.
 */
export function renderAboutPage(aboutMd: string | undefined, facts: MirrorFacts, site: SiteInfo): string {
  const self = ABOUT_FILE;
  let heading = '关于本站';
  let body: string;
  if (aboutMd !== undefined) {
    const { title, text } = splitFrontMatter(aboutMd);
    if (title) heading = title;
    const md = text
      .replace(/\{\{-?\s*site\.(title|description)\s*-?\}\}/g, (_m, k: 'title' | 'description') => (k === 'title' ? site.title : site.description ?? ''))
      .replace(/\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}/g, '');
    body = localLinks(presentContent(markdownToHtml(md, 1), `${STAND_IN}about/`), self);
  } else {
    const range = facts.oldest && facts.newest ? `，时间从 ${escapeHtml(facts.oldest)} 到 ${escapeHtml(facts.newest)}` : '';
    body = `<p>${escapeHtml(site.title)} 是一个新闻镜像存档：它跟踪各个来源的新闻订阅（RSS、Atom、JSON Feed），把每一篇文章完整保存下来，生成这个静态网站。</p>
<p>目前收录 ${facts.posts} 篇文章，来自 ${facts.sources} 个来源${range}。每篇文章都注明来源、发布时间和原文链接；文章内容经过清理，去掉了脚本和跟踪代码。</p>
<p>本站不从任何第三方加载脚本、字体或统计代码，所有链接都是相对链接：整个网站可以复制、打包或放到任何地方打开。文章中的图片仍从原网站加载（不发送来源页信息）；视频和评论只有在你点击之后才会加载。</p>`;
  }
  const main = `<article class="static-page">\n<h1 class="page-title">${escapeHtml(heading)}</h1>\n<div class="post-content">\n${body}\n</div>\n</article>`;
  return pageShell({
    title: `${heading} - ${site.title}`, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: relativeHref(self, 'index.html'), cssHref: relativeHref(self, site.cssFile), main, current: 'about',
  });
}

/**
 * 404.html: hosts serve it for any missing path, at any depth, so relative links cannot be
 * trusted there. The stylesheet is inlined, and links go to `homeUrl` (the site's own absolute
 * address when `_config.yml` gives one) or else to the root-relative layout of the output.
 */
export function render404Page(site: SiteInfo, homeUrl?: string): string {
  const home = homeUrl ?? 'index.html';
  const main = `<h1 class="page-title">找不到这个页面</h1>
<p>你要找的页面不存在，或者已经移动了位置。</p>
<ul>
<li><a href="${escapeHtml(home)}">回到首页</a></li>
<li><a href="${escapeHtml(navHref(home, 'search/index.html'))}">搜索文章</a></li>
<li><a href="${escapeHtml(navHref(home, 'archive/index.html'))}">按月浏览全部文章</a></li>
</ul>`;
  return pageShell({
    title: `找不到页面 - ${site.title}`, siteTitle: site.title, ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: home, cssHref: '', inlineCss: STYLESHEET, main,
  });
}

function splitFrontMatter(text: string): { title?: string; text: string } {
  const m = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { text: text.replace(/^\ufeff/, '') };
  const title = /^title:[ \t]*(.+?)[ \t]*$/m.exec(m[1]!)?.[1]?.replace(/^(["'])(.*)\1$/, '$2');
  return { ...(title ? { title } : {}), text: text.slice(m[0].length) };
}

/** Links the sanitizer resolved against the stand-in URL become relative links into the output. */
function localLinks(html: string, self: string): string {
  return html.replace(/(\s(?:href|src)=")https:\/\/samizdat\.invalid\/([^"#?]*)([^"]*)"/g, (_m, start: string, path: string, rest: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    const file = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
    return `${start}${escapeHtml(relativeHref(self, file))}${rest}"`;
  });
}
