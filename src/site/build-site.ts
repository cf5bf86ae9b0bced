import { existsSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../archive/atomic-write.js';
import { STATE_DIR } from '../archive/archive.js';
import type { SiteConfig } from '../config/load-site-config.js';
import { SamizdatError } from '../model/index.js';
import { SiteCache } from './cache/site-cache.js';
import { contentSignature } from './cache/signature.js';
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
  /** Render and write every file, ignoring what the last build left. */
  readonly full?: boolean;
}

export interface BuildReport {
  readonly posts: number;
  /** Post files read (the others' metadata came from the cache). */
  readonly read: number;
  /** Files written. */
  readonly written: number;
  /** Files left as the last build wrote them. */
  readonly unchanged: number;
  /** Files of the last build no longer produced, deleted. */
  readonly removed: number;
  /** `file: reason` for each post left out. */
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
  readonly ms: number;
  /** Milliseconds per stage: loading the posts, then each generator. */
  readonly stageMs: Readonly<Record<string, number>>;
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
    ...(config.comments ? { comments: config.comments } : {}),
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
  const outRoot = resolve(o.outDir);
  const cache = SiteCache.open(join(o.archiveDir, STATE_DIR, 'site-cache.db'));
  try {
    const stageMs: Record<string, number> = {};
    const loaded = await loadSitePosts(o.archiveDir, {
      template: permalinkTemplate(o.config.permalink), timeZone: o.config.timezone ?? BUILD_DEFAULTS.urlTimeZone, cache,
    });
    const skipped = [...loaded.skipped];
    const warnings = [...loaded.warnings];
    stageMs.load = Date.now() - started;
    const posts: SitePost[] = [];
    for (const p of loaded.posts) {
      if (generators.some((g) => g.reserved?.(p.outPath))) skipped.push(`${p.file}: its URL ${p.url} is taken by a page of the site`);
      else posts.push(p);
    }
    const model: SiteModel = {
      posts,
      settings: siteSettings(o.config),
      archiveDir: o.archiveDir,
      html: (p) => pageHtml(o.archiveDir, p),
      text: (p) => plainText(o.archiveDir, p),
    };

    // What the last build wrote, unless it is gone (output deleted) or a full build is asked for.
    const stored = cache?.outputs(outRoot) ?? new Map<string, string>();
    const previous = !o.full && existsSync(join(outRoot, 'index.html')) ? stored : new Map<string, string>();
    const current = new Map<string, string>();
    const recalled = previous.size ? (cache?.memory(outRoot) ?? new Map<string, string>()) : new Map<string, string>();
    const memory = new Map<string, string>();
    let written = 0;
    let unchanged = 0;
    let stage = '';
    const madeDirs = new Set<string>();
    const out: SiteOutput = {
      files: () => current.keys(),
      skip: (line) => void skipped.push(line),
      warn: (line) => void warnings.push(line),
      recall: (key) => recalled.get(key),
      remember: (key, value) => void memory.set(key, value),
      isFresh(rel, sig) {
        if (previous.get(rel) !== sig) return false;
        current.set(rel, sig);
        unchanged++;
        return true;
      },
      async write(rel, data, sig) {
        const abs = resolve(outRoot, rel);
        // Paths come from post titles: whatever a template does, nothing leaves the output folder.
        if (!abs.startsWith(outRoot + sep)) throw new SamizdatError('site', 'bad-path', `build: output path ${rel} leaves ${outRoot}`);
        const s = sig ?? contentSignature(data);
        current.set(rel, s);
        if (!sig && previous.get(rel) === s) {
          unchanged++;
          return;
        }
        try {
          // Most pages sit in a folder of their own: create it up front rather than after a failed open.
          const dir = dirname(abs);
          if (!madeDirs.has(dir)) {
            mkdirSync(dir, { recursive: true });
            madeDirs.add(dir);
          }
          writeFileAtomic(abs, data);
        } catch (err) {
          throw new SamizdatError('site', 'write', `build: cannot write ${abs} (${(err as Error).message.split('\n')[0]})`, { cause: err });
        }
        if (++written % 200 === 0) o.onProgress?.(written, stage);
      },
    };
    for (const g of generators) {
      stage = g.name;
      const t = Date.now();
      await g.generate(model, out);
      stageMs[g.name] = Date.now() - t;
    }
    let removed = 0;
    for (const rel of stored.keys()) {
      if (current.has(rel)) continue;
      await rm(resolve(outRoot, rel), { force: true });
      removed++;
    }
    cache?.saveOutputs(outRoot, current, stored, memory);
    o.onProgress?.(written, 'done');
    return { posts: posts.length, read: loaded.read, written, unchanged, removed, skipped, warnings, ms: Date.now() - started, stageMs };
  } finally {
    cache?.close();
  }
}
