import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listPostFilesAlongside } from '../archive/posts/list-posts-alongside.js';
import { readPost } from '../archive/posts/read-post.js';
import type { SiteCache } from './cache/site-cache.js';
import { postUrl } from './permalink.js';
import { postRow, rowPost, rowProblems, rowSkipReason, ROW_VERSION, skipRow, unpublishedRow, type PostRow } from './post-row.js';
import type { SitePost } from './site-model.js';
import { readUrlFacts } from './url-facts.js';

export type { SitePost } from './site-model.js';

export interface LoadedPosts {
  /** Newest first; one per URL. */
  readonly posts: readonly SitePost[];
  /** Files that are not posts at all: `file: reason`. */
  readonly skipped: readonly string[];
  /** Posts published with a caveat (invalid YAML, a URL another post also has). */
  readonly warnings: readonly string[];
  /** Post files read in this build (the others came from the cache). */
  readonly read: number;
  /** What changed since the cache was last saved (none without a cache). */
  readonly changes?: PostChanges;
  /** Records what was read in the cache: call when the build it served has completed. */
  save(): void;
}

/**
 * The posts that changed since the build that last saved the cache: what an incremental build
 * starts from. `files` are the files read again (new or changed); `before` holds the changed and
 * removed posts as they were then. `ambiguous` is set when a change touches a URL two posts
 * share: which of them the earlier site showed is not recorded (the build then checks every page).
 */
export interface PostChanges {
  readonly files: ReadonlySet<string>;
  /** The posts of `posts` read from those files. */
  readonly now: readonly SitePost[];
  readonly before: readonly SitePost[];
  readonly ambiguous: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every post of the archive and gives it its Jekyll URL. A file that cannot be read,
 * is not UTF-8 (Jekyll skips those too), has no dated name or nothing to show is skipped and
 * reported. Two posts with one URL: like Jekyll, the later (by date, then path) wins.
 * With a cache, only files added or changed since the last build are read, and the changes
 * are reported; the cache records this build's reading when `save` is called.
 */
export async function loadSitePosts(
  archiveDir: string,
  options: { template: string; timeZone: string; cache?: SiteCache | undefined },
): Promise<LoadedPosts> {
  const warnings: string[] = [];
  // The archive is listed on another thread while this one reads the cache.
  const listing = listPostFilesAlongside(archiveDir);
  // The cache's rows become this build's: changed ones are replaced (the old kept in `was`).
  const basis = `${ROW_VERSION}\u0000${options.template}\u0000${options.timeZone}`;
  const rows = options.cache?.posts<PostRow>(basis) ?? new Map<string, PostRow>();
  const { files, skipped } = await listing;
  const was = new Map<string, PostRow>();
  const loaded: SitePost[] = [];
  const readNow: SitePost[] = [];
  let read = 0;
  const changed: string[] = [];
  for (const { path, size, mtime } of files) {
    const stamp = `${size}:${mtime}`;
    const hit = rows.get(path);
    const stale = hit === undefined || hit[1] !== stamp;
    const row = stale ? readRow(archiveDir, path, stamp, options) : hit;
    if (stale) {
      if (hit) was.set(path, hit);
      read++;
      changed.push(path);
      rows.set(path, row);
    }
    const post = rowPost(row);
    if (post) {
      for (const p of rowProblems(row)) warnings.push(`${path}: ${p}`);
      loaded.push(post);
      if (stale) readNow.push(post);
    } else {
      const reason = rowSkipReason(row);
      if (reason !== undefined) skipped.push(`${path}: ${reason}`);
    }
  }
  // Every file listed is in `rows` now: more rows than files means some are gone.
  let gone: string[] = [];
  if (rows.size > files.length) {
    const listed = new Set(files.map((f) => f.path));
    gone = [...rows.keys()].filter((f) => !listed.has(f));
    for (const f of gone) {
      was.set(f, rows.get(f)!);
      rows.delete(f);
    }
  }
  loaded.sort((a, b) => a.post.date - b.post.date || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const byUrl = new Map<string, SitePost>();
  const collided: string[] = [];
  for (const p of loaded) {
    const earlier = byUrl.get(p.url);
    if (earlier) {
      warnings.push(`${earlier.file}: same URL ${p.url} as ${p.file}, which replaces it`);
      collided.push(earlier.file, p.file);
    }
    byUrl.set(p.url, p);
  }
  const cache = options.cache;
  return {
    // Each URL's post in its own place by date (a Map keeps the place of the URL's first post).
    posts: loaded.filter((p) => byUrl.get(p.url) === p).reverse(), skipped, warnings, read,
    ...(cache ? { changes: postChanges(new Set(changed), readNow, was, byUrl, collided) } : {}),
    save: () => cache?.savePosts(rows, changed, gone, basis),
  };
}

/** The changes since the cache was saved; see PostChanges. */
function postChanges(
  files: Set<string>, read: readonly SitePost[], was: ReadonlyMap<string, PostRow>, byUrl: ReadonlyMap<string, SitePost>, collided: readonly string[],
): PostChanges {
  const before: SitePost[] = [];
  for (const row of was.values()) {
    const post = rowPost(row);
    if (post) before.push(post);
  }
  // Two posts with one URL: which one the last build showed is not recorded. When a change
  // touches such a URL, the build checks every page rather than guess.
  const urls = new Set<string>();
  let ambiguous = collided.some((f) => files.has(f));
  for (const b of before) {
    const owner = byUrl.get(b.url);
    if (urls.has(b.url) || (owner && !files.has(owner.file))) ambiguous = true;
    urls.add(b.url);
  }
  return { files, now: read.filter((p) => byUrl.get(p.url) === p), before, ambiguous };
}

function readRow(archiveDir: string, path: string, stamp: string, options: { template: string; timeZone: string }): PostRow {
  let text: string;
  try {
    text = utf8.decode(readFileSync(join(archiveDir, path)));
  } catch (err) {
    return skipRow(path, stamp, err instanceof TypeError ? 'not valid UTF-8' : (err as Error).message);
  }
  const facts = readUrlFacts(text, basename(path), options.timeZone);
  if (typeof facts === 'string') return skipRow(path, stamp, facts);
  if (!facts.published) return unpublishedRow(path, stamp);
  const { post } = readPost(text, basename(path), facts.frontMatter);
  if (!post.title && !post.content) return skipRow(path, stamp, 'no title and no content');
  let url: string;
  try {
    // A post's own `permalink:` (e.g. kept by `doctor --fix` when it renamed the file) wins, as in Jekyll.
    url = postUrl(facts.permalink ?? options.template, facts.facts);
  } catch (err) {
    return skipRow(path, stamp, (err as Error).message);
  }
  // The content stays on disk: a page reads it when it is written (memory stays flat at 100k posts).
  const { content: _content, ...meta } = post;
  return postRow(path, stamp, meta, url, facts.problems, facts.redirectFrom);
}
