import { signature } from '../cache/signature.js';
import { escapeHtml } from '../escape-html.js';
import { outputPath } from '../permalink.js';
import { relativeHref } from '../relative-href.js';
import type { Generator } from '../site-model.js';

/**
 * A page at each old URL a post lists in `redirect_from` (posts merged by `import
 * --merge-duplicates`, or renamed), leading to the post: a meta refresh and a plain link,
 * no script. An old URL that another page now uses is left to that page.
 */
export const redirects: Generator = {
  name: 'redirects',
  async generate(model, out) {
    let taken: Set<string> | undefined; // made when a post has old URLs: most archives have none
    for (const p of model.posts) {
      for (const url of p.redirectFrom ?? []) {
        const rel = outputPath(url);
        taken ??= new Set(model.posts.map((q) => q.outPath));
        if (taken.has(rel)) {
          out.warn(`${p.file}: redirect_from ${url} is the URL of another page; no redirect written`);
          continue;
        }
        taken.add(rel);
        const sig = signature('redirect', p.outPath);
        if (out.isFresh(rel, sig)) continue;
        await out.write(rel, redirectPage(relativeHref(rel, p.outPath)), sig);
      }
    }
  },
};

export function redirectPage(href: string): string {
  const h = escapeHtml(href);
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${h}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${h}">
<title>已移动</title>
</head>
<body>
<p>本文已移到 <a href="${h}">新地址</a>。</p>
</body>
</html>
`;
}
