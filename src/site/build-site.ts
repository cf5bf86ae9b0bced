import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeTempFiles } from '../archive/atomic-write.js';
import type { PostListing } from '../archive/posts/list-posts-alongside.js';
import type { SiteConfig } from '../config/load-site-config.js';
import { asideWriter } from './aside/aside-writer.js';
import { BUILD_DEFAULTS } from './build-defaults.js';
import { SiteCache } from './cache/site-cache.js';
import { siteCacheFile } from './cache/site-cache-files.js';
import { themeSignature } from './cache/theme-signature.js';
import { GENERATORS } from './generators/index.js';
import { boundHeapGrowth } from './heap-growth.js';
import { postPageMaker, postPages } from './generators/post-pages.js';
import { loadSitePosts } from './load-posts.js';
import { dropMark, readMark, writeMark } from './output-mark.js';
import { permalinkTemplate } from './permalink.js';
import { siteModel } from './post-content.js';
import { presentedText } from './presented-text.js';
import { canRunAlongside, runAlongside, type Presenting } from './run-alongside.js';
import { SharedPages, sharedCounters } from './shared-pages.js';
import { dropStaged, isMissing, publishStaged, stagingFolder } from './staged-output.js';
import type { Generator, SiteModel, SiteOutput, SitePost, SiteSettings } from './site-model.js';
import { sourceGroups } from './theme/groups.js';
import { createSiteOutput, emptyRecord, isClaimed, previousOutputs, staleFiles, type KeptMemos, type MemoStore, type OutputRecord, type PreviousOutputs } from './site-output.js';
import { knownZoneDays, learnZoneDays, zoneDayCount } from './zoned-time.js';

/** What the build remembers of the theme and settings it last rendered with, and of the posts it saw. */
const THEME_KEY = 'build:theme';
const SETTINGS_KEY = 'build:settings';
const POSTS_KEY = 'build:posts';
/** The files of posts left out because a page of the site has their URL. */
const TAKEN_KEY = 'build:taken';
/** How many files the build's record holds (what the build wrote or kept). */
const FILES_KEY = 'build:files';
/** The mark the build left in the output folder (see output-mark.ts). */
const MARK_KEY = 'build:mark';

export interface BuildOptions {
  readonly archiveDir: string;
  readonly outDir: string;
  readonly config: SiteConfig;
  readonly onProgress?: (done: number, generator: string) => void;
  /** Defaults to every generator of the site. */
  readonly generators?: readonly Generator[];
  /** Render and write every file, ignoring what the last build left. */
  readonly full?: boolean;
  /** The archive's listing, when the caller started it (listPostFilesAlongside) while the build's code loaded. */
  readonly listing?: Promise<PostListing>;
  /** The site cache's document of post rows, when the caller started reading it then too (readPostsDocument). */
  readonly postsDocument?: Promise<Buffer | undefined>;
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
  /** The changes since the last build were known: only the pages they touch were checked. */
  readonly incremental: boolean;
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
  boundHeapGrowth();
  const generators = o.generators ?? GENERATORS;
  const outRoot = resolve(o.outDir);
  const cache = SiteCache.open(siteCacheFile(o.archiveDir));
  const urlZone = o.config.timezone ?? BUILD_DEFAULTS.urlTimeZone;
  const settings = siteSettings(o.config);
  // The zones of URLs and of displayed dates, with the day offsets earlier builds asked of Intl.
  const zones = [...new Set([urlZone, settings.timeZone])];
  try {
    const knownDays = zones.map((zone) => {
      const days = cache?.zoneDays(zone);
      if (days) learnZoneDays(zone, days);
      return zoneDayCount(zone);
    });
    const loaded = await loadSitePosts(o.archiveDir, {
      template: permalinkTemplate(o.config.permalink), timeZone: urlZone, cache, listing: o.listing, document: await o.postsDocument,
    });
    const stageMs: Record<string, number> = { load: Date.now() - started };
    const record = emptyRecord();
    record.skipped.push(...loaded.skipped);
    record.warnings.push(...loaded.warnings);

    // What the last build wrote, unless it is gone (output deleted) or a full build is asked for.
    const remembered = cache?.memory(outRoot) ?? new Map<string, string>();
    const count = remembered.get(FILES_KEY);
    const stored = cache?.outputIndex(outRoot, count === undefined ? undefined : Number(count)) ?? previousOutputs();
    const mark = readMark(outRoot);
    const fresh = o.full || stored.size === 0 || !existsSync(join(outRoot, 'index.html')) || mark === undefined || remembered.get(MARK_KEY) !== mark;
    // A folder with no mark: a build into it was cut short, maybe while writing a file.
    if (mark === undefined) removeTempFiles(outRoot, { recursive: true });
    const recalled = fresh ? new Map<string, string>() : remembered;
    const theme = themeSignature();
    const basis = JSON.stringify([settings, generators.map((g) => g.name)]);
    // The changes since the last build of this output are known when it saw the posts the cache
    // holds and used the same theme and settings; otherwise every page is checked.
    const known = loaded.changes && !loaded.changes.ambiguous && !fresh && recalled.get(THEME_KEY) === theme
      && recalled.get(SETTINGS_KEY) === basis && recalled.get(POSTS_KEY) === cache?.postsGeneration() ? loaded.changes : undefined;

    // A post whose URL a page of the site takes is left out. That depends on its URL and on the
    // generators' code (part of the theme signature): knowing the changes, only changed posts
    // are checked, and the others are left out as the last build found.
    const takenBefore = known && recalled.get(TAKEN_KEY);
    const wasTaken = takenBefore ? new Set(JSON.parse(takenBefore) as string[]) : undefined;
    const changedNow = new Set(known?.now);
    const reserved = (p: SitePost): boolean => (wasTaken && !changedNow.has(p) ? wasTaken.size > 0 && wasTaken.has(p.file) : generators.some((g) => g.reserved?.(p.outPath)));
    const posts: SitePost[] = [];
    const taken: string[] = [];
    for (const p of loaded.posts) {
      if (!reserved(p)) posts.push(p);
      else {
        record.skipped.push(`${p.file}: its URL ${p.url} is taken by a page of the site`);
        taken.push(p.file);
      }
    }
    record.memory.set(TAKEN_KEY, JSON.stringify(taken));
    const changes = known
      ? { files: known.files, now: known.now.filter((p) => !reserved(p)), before: known.before.filter((p) => !reserved(p)) }
      : undefined;
    const model = siteModel(posts, settings, o.archiveDir, changes);
    // A thread pays off when most pages are to be rendered: a full build, a new theme, many
    // changed posts. Otherwise passing the model over would cost more than the checks it saves.
    const parallel = canRunAlongside() && (fresh || recalled.get(THEME_KEY) !== theme || loaded.changed > posts.length / 10);
    // Knowing the changes, most files are kept unchecked: the last build's record is looked up
    // file by file, not read whole (unless a worker thread needs it).
    const previous = fresh ? previousOutputs() : changes && !parallel ? stored : previousOutputs(stored.entries());
    record.memory.set(THEME_KEY, theme);
    record.memory.set(SETTINGS_KEY, basis);
    const memos = cache?.memos();
    if (mark !== undefined) dropMark(outRoot);
    // A new output folder is built beside it under a temp name and moved into place once
    // complete (see staged-output.ts): it appears whole, and its files need no atomic write each.
    const staging = isMissing(outRoot) ? stagingFolder(outRoot) : undefined;
    try {
      await runGenerators(generators, model, {
        outRoot: staging ?? outRoot, previous, recalled, record, parallel, stageMs, ...(memos ? { memos } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      });
    } catch (err) {
      if (staging) dropStaged(staging);
      throw err;
    }
    if (staging) publishStaged(staging, outRoot);

    let removed = record.removed;
    const gone = staleFiles(previous, stored, record);
    for (const rel of gone) {
      if (isClaimed(record, rel)) continue; // the generator that claimed it deletes its own files
      rmSync(resolve(outRoot, rel), { force: true });
      removed++;
    }
    const changed = new Map<string, string>();
    let added = 0;
    for (const [rel, sig] of record.current) {
      const was = stored.get(rel);
      if (was === sig) continue;
      changed.set(rel, sig);
      if (was === undefined) added++;
    }
    record.memory.set(FILES_KEY, String(stored.size + added - gone.length));
    // The mark back (taken away while the generators ran), a new one once the folder changed:
    // written before the record is saved, so a build cut short in between leaves a folder the
    // next build does not trust.
    record.memory.set(MARK_KEY, writeMark(outRoot, fresh || record.written > 0 || removed > 0 ? undefined : mark));
    // The posts as read and the pages made from them are saved together: the next build's
    // changes are counted from this one.
    if (cache) {
      cache.together(() => {
        loaded.save();
        record.memory.set(POSTS_KEY, cache.postsGeneration());
        cache.saveOutputs(outRoot, changed, gone, record.memory, { memory: remembered, mark: MARK_KEY });
        memos?.save();
        zones.forEach((zone, i) => {
          if (zoneDayCount(zone) > knownDays[i]!) cache.saveZoneDays(zone, knownZoneDays(zone));
        });
      });
    } else loaded.save();
    o.onProgress?.(record.written, 'done');
    return {
      posts: posts.length, read: loaded.read, written: record.written, unchanged: record.unchanged, removed,
      skipped: record.skipped, warnings: record.warnings, ms: Date.now() - started, stageMs, incremental: changes !== undefined,
    };
  } finally {
    cache?.close();
  }
}

interface RunContext {
  readonly outRoot: string;
  readonly previous: PreviousOutputs;
  readonly recalled: ReadonlyMap<string, string>;
  readonly record: OutputRecord;
  /** Run generators marked `alongside` on worker threads. */
  readonly parallel: boolean;
  readonly stageMs: Record<string, number>;
  readonly memos?: KeptMemos;
  readonly onProgress?: (done: number, generator: string) => void;
}

/**
 * Runs each generator in turn. Those marked `alongside` (post pages: the most work, and
 * nothing else reads it) run on a worker thread while this one runs the others; a generator
 * that lists the build's files (the sitemap) waits for them. A generator that reads posts'
 * content as pages show it (the feeds, see Generator.presented) then runs after the other
 * pages, before the sitemap (runOrder), with the content the thread made.
 */
async function runGenerators(generators: readonly Generator[], model: SiteModel, c: RunContext): Promise<void> {
  let stage = '';
  // A helper thread makes and writes the big files (feeds, search texts): without a post-page
  // thread (most builds that know their changes) the second core is idle, and with one this
  // thread, which builds the search index, is the last to finish.
  const aside = asideWriter();
  const out = createSiteOutput(c.outRoot, c.previous, c.recalled, c.record, (n) => n % 200 === 0 && c.onProgress?.(n, stage), c.memos, aside);
  const alongside: Array<{ done: Promise<void>; handedOver: Promise<void>; stop: () => Promise<void> }> = [];
  const presenting = c.parallel && c.memos ? presentingFor(generators, model, c.memos) : undefined;
  const order = presenting ? runOrder(generators) : generators;
  // A build that indexes every post shares the post pages between both threads (see shared-pages.ts).
  const sharing = c.parallel && generators.includes(postPages) && generators.some((g) => g.readsEveryText?.(model, (key) => c.recalled.get(key)));
  const shared = sharing ? sharedPages(model, out, presenting) : undefined;
  const mainModel: SiteModel = shared ? { ...model, text: (p) => shared.text(p) } : model;
  try {
    for (const g of order) {
      const t = Date.now();
      // Pages no thread claimed yet are made here before a generator that waits for them.
      if (g.listsFiles || (g.presented && presenting)) await shared?.drain();
      if (g.listsFiles || (g.presented && shared)) {
        await Promise.all(alongside.map((a) => a.done));
        shared?.finished(); // the content the thread handed over, taken before its reader runs
      }
      if (g.presented && presenting) await Promise.all(alongside.map((a) => a.handedOver));
      if (g.alongside && c.parallel) {
        const run = runAlongside(g, model, c.outRoot, c.previous, c.recalled, c.record, presenting, g === postPages ? shared : undefined);
        run.done.then(() => (c.stageMs[g.name] = Date.now() - t), () => undefined);
        alongside.push(run);
        continue;
      }
      stage = g.name;
      await g.generate(mainModel, out);
      // Pieces of output are named by what they were made of (see SiteOutput.memo): saved as soon
      // as a generator that reads presented content is done, while the helper thread still
      // writes its files, rather than in the build's last transaction (30 MB of feed entries in
      // a full build at 10k posts).
      if (g.presented) c.memos?.save();
      c.stageMs[g.name] = Date.now() - t;
    }
    await shared?.drain();
    await Promise.all(alongside.map((a) => a.done));
    await out.settled();
  } catch (err) {
    await Promise.all(alongside.map((a) => a.stop()));
    throw err;
  } finally {
    shared?.close();
    await aside?.close();
  }
}

/**
 * The generators that read presented content move to just before the first that lists the
 * build's files (or to the end); the others keep their order (the redirects stay after the
 * sitemap, which must not list them).
 */
export function runOrder(generators: readonly Generator[]): Generator[] {
  const deferred = generators.filter((g) => g.presented);
  const rest = generators.filter((g) => !g.presented);
  const at = rest.findIndex((g) => g.listsFiles);
  return at < 0 ? [...rest, ...deferred] : [...rest.slice(0, at), ...deferred, ...rest.slice(at)];
}

/**
 * This thread's side of the post pages shared with the post-page thread: pages made here for the
 * search index's texts (the content of posts the feeds want goes to the memos, as the thread's does).
 */
function sharedPages(model: SiteModel, out: SiteOutput, presenting: Presenting | undefined): SharedPages {
  const make = postPageMaker(model, out, sourceGroups(model.posts), model.posts);
  const render = async (p: SitePost, wanted: boolean): Promise<string | null> => {
    const html = await make(p);
    if (html === undefined) return null;
    const key = presenting?.keys.get(p);
    if (key !== undefined) presenting!.take([[key, html]]);
    return wanted ? presentedText(html) : null;
  };
  return new SharedPages([...model.posts].reverse(), new Int32Array(sharedCounters()), render, (p) => model.text(p), (content) => presenting?.take(content));
}

/** The posts whose content generators want from the post-page thread, under their memo keys; the content goes into the memos. */
function presentingFor(generators: readonly Generator[], model: SiteModel, memos: MemoStore): Presenting | undefined {
  const keys = new Map<SitePost, string>();
  for (const g of generators) {
    if (!g.presented) continue;
    for (const p of g.presented.posts(model)) keys.set(p, g.presented.key(p));
  }
  if (keys.size === 0) return undefined;
  return { keys, take: (presented) => presented.forEach(([key, html]) => memos.put(key, html)) };
}
