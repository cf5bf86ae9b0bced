import type { SiteOutput } from '../site-model.js';
import { rfc3339 } from './feed-entry.js';
import { xmlEscape } from './xml-text.js';

/** One page for the sitemap. */
export interface SitemapPage {
  /** Absolute, ASCII (percent-encoded) URL. */
  readonly loc: string;
  /** Epoch ms of the page's last change, when known. */
  readonly lastmod?: number;
}

/** The sitemaps protocol's limits per file: 50,000 URLs and 50 MiB uncompressed. */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024 } as const;

const URLSET_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const URLSET_TAIL = '</urlset>\n';

/**
 * Writes `sitemap.xml`: one `urlset` when the pages fit in one file, else `sitemap-1.xml`,
 * `sitemap-2.xml`, … (in the root, since a sitemap may only list URLs under its own folder) and
 * `sitemap.xml` as their index. `base` is the site's absolute URL (from `siteBase`), used for
 * the index. Streams: at most one file's text is held at a time. Returns the files written.
 */
export async function writeSitemap(
  pages: Iterable<SitemapPage>, base: string, out: SiteOutput, limits: { urls: number; bytes: number } = SITEMAP_LIMITS,
): Promise<string[]> {
  const written: string[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  const fixed = URLSET_HEAD.length + URLSET_TAIL.length;
  const flush = async (name: string): Promise<void> => {
    await out.write(name, URLSET_HEAD + chunk.join('') + URLSET_TAIL);
    written.push(name);
    chunk = [];
    bytes = 0;
  };
  for (const page of pages) {
    const entry = urlEntry(page);
    // Percent-encoded URLs are ASCII: one byte a character.
    const size = entry.length;
    if (chunk.length > 0 && (chunk.length >= limits.urls || fixed + bytes + size > limits.bytes)) await flush(`sitemap-${written.length + 1}.xml`);
    chunk.push(entry);
    bytes += size;
  }
  if (written.length === 0) {
    await flush('sitemap.xml');
    return written;
  }
  await flush(`sitemap-${written.length + 1}.xml`);
  const index = written.map((name) => `<sitemap><loc>${xmlEscape(`${base}/${name}`)}</loc></sitemap>\n`);
  await out.write('sitemap.xml', `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('')}</sitemapindex>\n`);
  return [...written, 'sitemap.xml'];
}

function urlEntry(page: SitemapPage): string {
  const lastmod = page.lastmod !== undefined && page.lastmod > 0 ? `<lastmod>${rfc3339(page.lastmod)}</lastmod>` : '';
  return `<url><loc>${xmlEscape(page.loc)}</loc>${lastmod}</url>\n`;
}
