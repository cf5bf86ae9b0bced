import { siteBase } from '../feeds/absolute-url.js';
import { sitemapPagesOf } from '../feeds/sitemap-pages.js';
import { DEFAULT_FEED_LIMIT, feedHtmlKey, feedPosts, writeFeeds } from '../feeds/write-feeds.js';
import { writeSitemap } from '../feeds/write-sitemap.js';
import type { Generator, SiteSettings } from '../site-model.js';

const FEED_FILE = /^(?:sources\/[^/]+\/)?(?:feed\.xml|rss\.xml|feed\.json)$/;
const SITEMAP_FILE = /^sitemap(?:-\d+)?\.xml$/;

/**
 * Atom (`feed.xml`), RSS 2.0 (`rss.xml`) and JSON Feed 1.1 (`feed.json`) of the newest `limit`
 * posts, for the site and for each source (under `sourcePath(site)`).
 */
export function feedsGenerator(limit = DEFAULT_FEED_LIMIT): Generator {
  return {
    name: 'feeds',
    reserved: (path) => FEED_FILE.test(path),
    presented: { posts: (model) => feedPosts(model.posts, limit), key: feedHtmlKey },
    async generate(model, out) {
      const { skipped } = await writeFeeds(model, out, limit);
      for (const line of skipped) out.skip(line);
    },
  };
}

export const feeds: Generator = feedsGenerator();

/**
 * `sitemap.xml` of every post and list page. Sitemaps need absolute URLs: without `url` in
 * `_config.yml` no sitemap is written and the build report says why. It lists every HTML page
 * written (or kept) before it, so it must run last.
 */
export const sitemap: Generator = {
  name: 'sitemap',
  listsFiles: true,
  reserved: (path) => SITEMAP_FILE.test(path),
  async generate(model, out) {
    const base = siteBase(model.settings.absoluteBase);
    if (!base) return void out.warn(sitemapWarning(model.settings)!);
    await writeSitemap(sitemapPagesOf(out.files(), model, base), base, out);
  },
};

/** The build report's line when no sitemap can be written, else undefined. */
export function sitemapWarning(settings: SiteSettings): string | undefined {
  if (siteBase(settings.absoluteBase)) return undefined;
  return settings.absoluteBase
    ? `_config.yml: url ${JSON.stringify(settings.absoluteBase)} is not an http(s) URL: no sitemap.xml written, feeds link to the original articles`
    : '_config.yml: no url set: no sitemap.xml written (sitemaps need absolute URLs), feeds link to the original articles';
}
