import { resolve, sep } from 'node:path';
import { writeFileAtomic } from '../archive/atomic-write.js';
import type { SiteConfig } from '../config/load-site-config.js';
import { loadSitePosts, type SitePost } from './load-posts.js';
import { pageFile, paginate } from './paginate.js';
import { permalinkTemplate } from './permalink.js';
import { renderListPage } from './theme/list-page.js';
import { renderPostPage } from './theme/post-page.js';
import type { SiteInfo } from './theme/site-info.js';
import { STYLESHEET } from './theme/stylesheet.js';

export const BUILD_DEFAULTS = {
  paginate: 50,
  /** Dates on pages. */
  displayTimeZone: 'Asia/Shanghai',
  /** Dates in URLs: Jekyll uses the build machine's zone, UTC where the legacy mirrors were built. */
  urlTimeZone: 'UTC',
  title: 'samizdat',
  cssFile: 'assets/style.css',
} as const;

export interface BuildOptions {
  readonly archiveDir: string;
  readonly outDir: string;
  readonly config: SiteConfig;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BuildReport {
  readonly posts: number;
  /** Files written (posts, list pages, stylesheet). */
  readonly written: number;
  /** `file: reason` for each post left out. */
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
  readonly ms: number;
}

/**
 * Builds the site: one page per post at its Jekyll permalink, the paginated home, the
 * stylesheet. Every link is relative. A post that cannot be read or written is reported in
 * `skipped`; the build goes on. Files of an earlier build that no longer exist stay (for now).
 */
export async function buildSite(o: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  const timeZone = o.config.timezone;
  const loaded = await loadSitePosts(o.archiveDir, {
    template: permalinkTemplate(o.config.permalink), timeZone: timeZone ?? BUILD_DEFAULTS.urlTimeZone,
  });
  const skipped = [...loaded.skipped];
  const warnings = [...loaded.warnings];
  const site: SiteInfo = {
    title: o.config.title ?? BUILD_DEFAULTS.title,
    ...(o.config.description ? { description: o.config.description } : {}),
    timeZone: timeZone ?? BUILD_DEFAULTS.displayTimeZone,
    cssFile: BUILD_DEFAULTS.cssFile,
  };
  const outRoot = resolve(o.outDir);
  const target = (rel: string): string => {
    const abs = resolve(outRoot, rel);
    // Permalinks are sanitised already; this guard keeps any future template inside the output.
    if (!abs.startsWith(outRoot + sep)) throw new Error(`output path ${rel} leaves the output folder`);
    return abs;
  };

  const posts: SitePost[] = [];
  for (const p of loaded.posts) {
    if (isReserved(p.outPath)) skipped.push(`${p.file}: its URL ${p.url} is taken by a page of the site`);
    else posts.push(p);
  }
  const pages = paginate(posts, o.config.paginate ?? BUILD_DEFAULTS.paginate);
  const total = posts.length + pages.length + 1;
  let written = 0;
  const write = async (rel: string, data: string): Promise<boolean> => {
    await writeFileAtomic(target(rel), data);
    written++;
    if (written % 100 === 0) o.onProgress?.(written, total);
    return true;
  };

  await write(site.cssFile, STYLESHEET);
  const failed = new Set<SitePost>();
  await runPool(posts, 8, async (p) => {
    try {
      await write(p.outPath, renderPostPage(p, site));
    } catch (err) {
      failed.add(p);
      skipped.push(`${p.file}: cannot write ${p.outPath} (${(err as Error).message.split('\n')[0]})`);
    }
  });
  // A post whose page could not be written is not listed: no link may point nowhere.
  const listed = failed.size ? paginate(posts.filter((p) => !failed.has(p)), o.config.paginate ?? BUILD_DEFAULTS.paginate) : pages;
  for (const [i, items] of listed.entries()) await write(pageFile(i + 1), renderListPage(items, i + 1, listed.length, site));
  o.onProgress?.(written, total);
  return { posts: posts.length - failed.size, written, skipped, warnings, ms: Date.now() - started };
}

function isReserved(outPath: string): boolean {
  return outPath === 'index.html' || /^page\d+\/index\.html$/.test(outPath) || outPath.startsWith('assets/');
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
