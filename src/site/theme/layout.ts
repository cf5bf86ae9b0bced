import { escapeHtml } from '../escape-html.js';

export interface ShellOptions {
  readonly title: string;
  readonly siteTitle: string;
  readonly siteDescription?: string;
  /** Relative links from this page. */
  readonly homeHref: string;
  readonly cssHref: string;
  /** Already escaped HTML. */
  readonly main: string;
}

/**
 * The frame of every page. No script may run (script-src 'none'); links send no referrer.
 * Every argument is text and is escaped here, except `main`, which the page templates build.
 */
export function pageShell(o: ShellOptions): string {
  const description = o.siteDescription ? `\n<p class="site-description">${escapeHtml(o.siteDescription)}</p>` : '';
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(o.title)}</title>
<link rel="stylesheet" href="${escapeHtml(o.cssHref)}">
</head>
<body>
<header class="site-header">
<a class="site-title" href="${escapeHtml(o.homeHref)}">${escapeHtml(o.siteTitle)}</a>${description}
</header>
<main>
${o.main}
</main>
<footer class="site-footer">
<p>${escapeHtml(o.siteTitle)} · <a href="${escapeHtml(o.homeHref)}">首页</a></p>
</footer>
</body>
</html>
`;
}
