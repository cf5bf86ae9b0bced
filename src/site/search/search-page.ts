import { escapeHtml } from '../escape-html.js';
import { relativeHref } from '../relative-href.js';
import type { SiteSettings } from '../site-model.js';
import { pageShell } from '../theme/layout.js';

export const SEARCH_PAGE = 'search/index.html';
export const SEARCH_SCRIPT = 'assets/search.js';
export const SEARCH_CSS = 'assets/search.css';

/**
 * The search page. Its form, status line, result list and pager are static; assets/search.js
 * fills them. Without a server (file://) browsers refuse to let scripts read the index: the
 * hidden note says what to do and the script shows it when that happens.
 */
export function renderSearchPage(site: SiteSettings): string {
  const href = (to: string): string => escapeHtml(relativeHref(SEARCH_PAGE, to));
  const main = `<link rel="stylesheet" href="${href(SEARCH_CSS)}">
<h1 class="page-title">搜索</h1>
<form id="search-form" class="search-form" role="search">
<label for="search-q">搜索全部文章的标题和正文</label>
<input id="search-q" name="q" type="search" autocomplete="off" spellcheck="false" maxlength="200">
<button type="submit">搜索</button>
</form>
<p id="search-status" class="search-status" role="status" aria-live="polite">输入字词后搜索标题和正文：中文按字面查找（如“习近平”），英文和数字按词首查找。多个词用空格隔开时，列出同时包含各词的文章。</p>
<noscript><p class="search-note">搜索需要启用 JavaScript。</p></noscript>
<p id="search-local" class="search-note" hidden>本页是从本地文件（file://）打开的，浏览器不允许脚本读取搜索索引。请在网站文件夹中启动一个本地服务器，例如运行 <code>python3 -m http.server</code>，再打开 <code>http://127.0.0.1:8000/search/</code>。</p>
<ol id="search-results" class="search-results"></ol>
<nav id="search-pages" class="pagination search-pages" aria-label="搜索结果分页" hidden></nav>`;
  return pageShell({
    title: `搜索 - ${site.title}`,
    siteTitle: site.title,
    ...(site.description ? { siteDescription: site.description } : {}),
    homeHref: relativeHref(SEARCH_PAGE, 'index.html'),
    cssHref: relativeHref(SEARCH_PAGE, site.cssFile),
    main,
    current: 'search',
    scripts: [relativeHref(SEARCH_PAGE, SEARCH_SCRIPT)],
  });
}

/** Styles of the search page only (the theme's stylesheet stays as it is for every other page). */
export const SEARCH_STYLESHEET = `.search-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0; }
.search-form label { flex-basis: 100%; color: var(--muted); font-size: .95rem; }
.search-form input { flex: 1 1 12rem; font: inherit; padding: .4rem .6rem; border: 1px solid var(--line); border-radius: .3rem; background: var(--bg); color: var(--fg); }
.search-form button, .search-pages button { font: inherit; padding: .4rem 1rem; border: 1px solid var(--link); border-radius: .3rem; background: var(--link); color: var(--bg); cursor: pointer; }
.search-pages button:disabled { opacity: .4; cursor: default; }
.search-status { color: var(--muted); }
.search-note { border-left: 3px solid var(--link); padding-left: .75rem; }
.search-results { list-style: none; margin: 0; padding: 0; }
.search-results li { margin: 1.1rem 0; }
.search-results time, .search-results .source { color: var(--muted); font-size: .85rem; font-variant-numeric: tabular-nums; }
.search-results .snippet { margin: .2rem 0 0; font-size: .95rem; color: var(--muted); }
.search-results mark { background: #ffe58f; color: #1f2328; padding: 0 .1em; }
`;
