import { escapeHtml } from '../escape-html.js';

export type NavKey = 'home' | 'sources' | 'categories' | 'archive' | 'search' | 'about';

/** The header navigation: every page of the site links these, relative to the home page. */
export const NAV: ReadonlyArray<{ readonly key: NavKey; readonly label: string; readonly file: string }> = [
  { key: 'home', label: '首页', file: 'index.html' },
  { key: 'sources', label: '来源', file: 'sources/index.html' },
  { key: 'categories', label: '分类', file: 'categories/index.html' },
  { key: 'archive', label: '归档', file: 'archive/index.html' },
  { key: 'search', label: '搜索', file: 'search/index.html' },
  { key: 'about', label: '关于', file: 'about/index.html' },
];

export interface ShellOptions {
  readonly title: string;
  readonly siteTitle: string;
  readonly siteDescription?: string;
  /** Relative link from this page to the home page's `index.html`; the navigation is built from it. */
  readonly homeHref: string;
  readonly cssHref: string;
  /** Already escaped HTML. */
  readonly main: string;
  /** The navigation entry this page belongs to (marked aria-current). */
  readonly current?: NavKey;
  /** Same-origin scripts (relative hrefs under assets/), loaded deferred. */
  readonly scripts?: readonly string[];
  /** Origins this page may frame: the facades' players and widgets, built only after a click. */
  readonly frameSrc?: readonly string[];
  /** The stylesheet inlined instead of linked (404.html is served at any depth, where relative links break). */
  readonly inlineCss?: string;
}

/**
 * The frame of every page. The Content-Security-Policy allows same-origin script files only
 * (no inline script, no handler attributes) and frames only from `frameSrc`: a meta CSP cannot
 * change after load, so pages with a facade allow its host from the start, and the facade's
 * script is what keeps the frame from loading before the click. Links send no referrer.
 * Every argument is text and is escaped here, except `main`, which the page templates build.
 */
export function pageShell(o: ShellOptions): string {
  const description = o.siteDescription ? `\n<p class="site-description">${escapeHtml(o.siteDescription)}</p>` : '';
  const frames = o.frameSrc?.length ? o.frameSrc.join(' ') : "'none'";
  const csp = `script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src ${frames}`;
  const scripts = (o.scripts ?? []).map((s) => `\n<script src="${escapeHtml(s)}" defer></script>`).join('');
  const css = o.inlineCss !== undefined ? `<style>\n${o.inlineCss}</style>` : `<link rel="stylesheet" href="${escapeHtml(o.cssHref)}">`;
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => escapeHtml(c))}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(o.title)}</title>
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(o.siteTitle)}" href="${escapeHtml(navHref(o.homeHref, 'feed.xml'))}">
${css}${scripts}
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<a class="site-title" href="${escapeHtml(o.homeHref)}">${escapeHtml(o.siteTitle)}</a>${description}
${navigation(o.homeHref, o.current)}
</header>
<main id="main">
${o.main}
</main>
<footer class="site-footer">
<p>${escapeHtml(o.siteTitle)} · <a href="${escapeHtml(o.homeHref)}">首页</a> · <a href="${escapeHtml(navHref(o.homeHref, 'about/index.html'))}">关于本站</a></p>
</footer>
</body>
</html>
`;
}

function navigation(homeHref: string, current: NavKey | undefined): string {
  const items = NAV.map((n) => `<li><a href="${escapeHtml(navHref(homeHref, n.file))}"${n.key === current ? ' aria-current="page"' : ''}>${n.label}</a></li>`);
  return `<nav class="site-nav" aria-label="站点导航"><ul>${items.join('')}</ul></nav>`;
}

/** `../../index.html` + `archive/index.html` → `../../archive/index.html`. */
export function navHref(homeHref: string, file: string): string {
  return homeHref.endsWith('index.html') ? homeHref.slice(0, -'index.html'.length) + file : file;
}
