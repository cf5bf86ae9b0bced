import { stablePages } from '../paginate.js';
import type { SiteModel } from '../site-model.js';
import { sourcePath } from '../source-path.js';
import { absoluteUrl, pagePath } from './absolute-url.js';
import type { SitemapPage } from './write-sitemap.js';

/** A page of the site by output file, with its last change when known. */
interface KnownPage {
  readonly outPath: string;
  readonly lastmod?: number;
}

/**
 * The pages this module can name itself: the home list's pages, each source's list pages
 * (`sourcePath(site)` + `index.html`, `page<n>/index.html`: see stablePages), then every post
 * page. A list page's lastmod is its newest post's date. `base` is from `siteBase` and must
 * not be ''.
 */
export function* sitemapPages(model: SiteModel, base: string): Generator<SitemapPage> {
  for (const p of knownPages(model)) yield toSitemapPage(p, base);
}

/**
 * The sitemap from the files a build wrote: every HTML page but `404.html`, so list pages of
 * any generator (categories, tags, months, about) are in it. Lastmod where it is known (posts,
 * home and source lists); other pages go without one rather than with a guess.
 */
export function* sitemapPagesOf(files: Iterable<string>, model: SiteModel, base: string): Generator<SitemapPage> {
  const pages = new Set<string>();
  for (const rel of files) if (rel.endsWith('.html') && rel !== '404.html') pages.add(rel);
  // A stable order whatever order the pages were written in: the known pages as the model
  // orders them, then the others sorted, so an unchanged site gives an unchanged sitemap.
  for (const p of knownPages(model)) {
    if (!pages.delete(p.outPath)) continue;
    yield toSitemapPage(p, base);
  }
  for (const rel of [...pages].sort()) yield toSitemapPage({ outPath: rel }, base);
}

function toSitemapPage(p: KnownPage, base: string): SitemapPage {
  const loc = absoluteUrl(base, pagePath(p.outPath));
  return p.lastmod === undefined ? { loc } : { loc, lastmod: p.lastmod };
}

function* knownPages(model: SiteModel): Generator<KnownPage> {
  yield* listPages('', model.posts, model.settings.paginate);
  const sources = new Map<string, Array<SiteModel['posts'][number]>>();
  for (const p of model.posts) {
    const folder = sourcePath(p.post.site);
    const list = sources.get(folder);
    if (list) list.push(p);
    else sources.set(folder, [p]);
  }
  for (const [folder, posts] of sources) yield* listPages(folder, posts, model.settings.paginate);
  for (const p of model.posts) yield { outPath: p.outPath, lastmod: p.post.date };
}

function* listPages(folder: string, posts: SiteModel['posts'], perPage: number): Generator<KnownPage> {
  for (const page of stablePages(posts, perPage)) {
    const outPath = folder + page.file;
    const newest = page.items[0]?.post.date;
    yield newest !== undefined ? { outPath, lastmod: newest } : { outPath };
  }
}
