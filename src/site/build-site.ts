import { resolve, sep } from 'node:path';
import { writeFileAtomic } from '../archive/atomic-write.js';
import type { SiteConfig } from '../config/load-site-config.js';
import { SamizdatError } from '../model/index.js';
import { GENERATORS } from './generators/index.js';
import { loadSitePosts } from './load-posts.js';
import { permalinkTemplate } from './permalink.js';
import { pageHtml, plainText } from './post-content.js';
import type { Generator, SiteModel, SiteOutput, SitePost, SiteSettings } from './site-model.js';

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
  readonly onProgress?: (done: number, generator: string) => void;
  /** Defaults to every generator of the site. */
  readonly generators?: readonly Generator[];
}

export interface BuildReport {
  readonly posts: number;
  /** Files written. */
  readonly written: number;
  /** `file: reason` for each post left out. */
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
  readonly ms: number;
}

export function siteSettings(config: SiteConfig): SiteSettings {
  const absolute = config.url ? `${config.url.replace(/\/+$/, '')}${(config.baseurl ?? '').replace(/\/+$/, '')}` : '';
  return {
    title: config.title ?? BUILD_DEFAULTS.title,
    ...(config.description ? { description: config.description } : {}),
    timeZone: config.timezone ?? BUILD_DEFAULTS.displayTimeZone,
    cssFile: BUILD_DEFAULTS.cssFile,
    paginate: config.paginate ?? BUILD_DEFAULTS.paginate,
    absoluteBase: absolute,
  };
}

/**
 * Builds the site: loads every post's metadata (contents stay on disk), then runs each
 * generator in turn. Every link is relative. A post that cannot be read is reported in
 * `skipped`; the build goes on. A file that cannot be written stops the build.
 */
export async function buildSite(o: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  const generators = o.generators ?? GENERATORS;
  const loaded = await loadSitePosts(o.archiveDir, {
    template: permalinkTemplate(o.config.permalink), timeZone: o.config.timezone ?? BUILD_DEFAULTS.urlTimeZone,
  });
  const skipped = [...loaded.skipped];
  const posts: SitePost[] = [];
  for (const p of loaded.posts) {
    if (generators.some((g) => g.reserved?.(p.outPath))) skipped.push(`${p.file}: its URL ${p.url} is taken by a page of the site`);
    else posts.push(p);
  }
  const model: SiteModel = {
    posts,
    settings: siteSettings(o.config),
    html: (p) => pageHtml(o.archiveDir, p),
    text: (p) => plainText(o.archiveDir, p),
  };

  const outRoot = resolve(o.outDir);
  let written = 0;
  let current = '';
  const out: SiteOutput = {
    async write(rel, data) {
      const abs = resolve(outRoot, rel);
      // Paths come from post titles: whatever a template does, nothing leaves the output folder.
      if (!abs.startsWith(outRoot + sep)) throw new SamizdatError('site', 'bad-path', `build: output path ${rel} leaves ${outRoot}`);
      try {
        await writeFileAtomic(abs, data);
      } catch (err) {
        throw new SamizdatError('site', 'write', `build: cannot write ${abs} (${(err as Error).message.split('\n')[0]})`, { cause: err });
      }
      if (++written % 200 === 0) o.onProgress?.(written, current);
    },
  };
  for (const g of generators) {
    current = g.name;
    await g.generate(model, out);
  }
  o.onProgress?.(written, 'done');
  return { posts: posts.length, written, skipped, warnings: [...loaded.warnings], ms: Date.now() - started };
}
