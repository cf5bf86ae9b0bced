import { listPostFilesAlongside, type PostListing } from '../archive/posts/list-posts-alongside.js';
import type { RowEdit, SiteCache } from './cache/site-cache.js';
import { matchRows } from './match-rows.js';
import { unmodifiedGitDigests } from './git-digests.js';
import { restamped, rowDigest, rowPost, rowProblems, rowSkipReason, rowUrl, ROW_VERSION, sameRead, type PostRow } from './post-row.js';
import { readRowsAlongside, type RowJob } from './read-rows-alongside.js';
import type { SitePost } from './site-model.js';
import { urlOwners, type UrlOwners } from './url-owners.js';

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
  /** Files new, changed or removed since the cache was saved (read again with the same bytes: not counted). */
  readonly changed: number;
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

/**
 * Reads every post of the archive and gives it its Jekyll URL. A file that cannot be read,
 * is not UTF-8 (Jekyll skips those too), has no dated name or nothing to show is skipped and
 * reported. Two posts with one URL: like Jekyll, the later (by date, then path) wins.
 * With a cache, only files added or changed since the last build are read, and the changes
 * are reported; the cache records this build's reading when `save` is called.
 */
export async function loadSitePosts(
  archiveDir: string,
  options: { template: string; timeZone: string; cache?: SiteCache | undefined; listing?: Promise<PostListing> | undefined; document?: Buffer | undefined },
): Promise<LoadedPosts> {
  const warnings: string[] = [];
  // The archive is listed on another thread while this one reads the cache.
  const listing = options.listing ?? listPostFilesAlongside(archiveDir);
  const basis = `${ROW_VERSION}\u0000${options.template}\u0000${options.timeZone}`;
  const { rows: cached, documented } = options.cache?.posts<PostRow>(basis, options.document) ?? { rows: [], documented: 0 };
  const { files, skipped } = await listing;
  const { cachedIndex, unmatched, outOfOrder } = matchRows(files.map((f) => f.path), cached);
  // Files listed in another order than the cache's rows (a folder copied or restored, another
  // version's listing): the cache is rewritten in this order, so the next build meets them in it.
  const reorder = outOfOrder > Math.max(1000, files.length / 20);
  // A cached row whose stamp is the file's is this build's; files new or changed since the
  // cache was saved are read (on two threads when many are), their old rows kept in `was`.
  const place = (k: number): number | null => (k >= 0 && k < documented ? k : null);
  const was = new Map<string, PostRow>();
  const rowOf: PostRow[] = new Array<PostRow>(files.length);
  const stale: number[] = [];
  const jobs: RowJob[] = [];
  files.forEach(({ path, size, mtime }, i) => {
    const stamp = `${size}:${mtime}`;
    const hit = cachedIndex[i]! >= 0 ? cached[cachedIndex[i]!] : undefined;
    if (hit !== undefined && hit[1] === stamp) rowOf[i] = hit;
    else {
      if (hit) was.set(path, hit);
      stale.push(i);
      jobs.push([path, stamp]);
    }
  });
  const isFresh = new Uint8Array(files.length);
  const edits: RowEdit<PostRow>[] = [];
  const changed: string[] = [];
  // Many files with new mtimes (a fresh clone, a checkout): those git finds unmodified since it
  // wrote them, with the bytes and size their rows were read from, are not read again.
  if (was.size >= ASK_GIT_FROM) {
    const digests = await unmodifiedGitDigests(archiveDir);
    let kept = 0;
    stale.forEach((i, j) => {
      const [path, stamp] = jobs[j]!;
      const before = was.get(path);
      const digest = before && rowDigest(before);
      if (before && digest !== undefined && digests.get(path) === digest && before[1].startsWith(`${files[i]!.size}:`)) {
        rowOf[i] = restamped(before, stamp);
        edits.push({ file: path, pos: place(cachedIndex[i]!), row: rowOf[i], restamp: true });
        was.delete(path);
      } else {
        stale[kept] = i;
        jobs[kept++] = jobs[j]!;
      }
    });
    stale.length = kept;
    jobs.length = kept;
  }
  (await readRowsAlongside(archiveDir, jobs, options)).forEach((row, j) => {
    const i = stale[j]!;
    rowOf[i] = row;
    // Same bytes under a new mtime (a clone, a checkout, a copy): the cache learns the stamp, no post changed.
    const before = was.get(row[0]);
    const restamp = before !== undefined && sameRead(before, row);
    edits.push({ file: row[0], pos: place(cachedIndex[i]!), row, ...(restamp ? { restamp } : {}) });
    if (restamp) was.delete(row[0]);
    else {
      isFresh[i] = 1;
      changed.push(row[0]);
    }
  });
  // Cached rows no file has: removed since.
  for (const k of unmatched) {
    const row = cached[k]!;
    was.set(row[0], row);
    edits.push({ file: row[0], pos: place(k), row: null });
  }

  const loaded: SitePost[] = [];
  const readNow: SitePost[] = [];
  files.forEach(({ path }, i) => {
    const row = rowOf[i]!;
    const post = rowPost(row);
    if (post) {
      for (const p of rowProblems(row)) warnings.push(`${path}: ${p}`);
      loaded.push(post);
      if (isFresh[i]) readNow.push(post);
    } else {
      const reason = rowSkipReason(row);
      if (reason !== undefined) skipped.push(`${path}: ${reason}`);
    }
  });
  loaded.sort(byDateThenFile);
  // With the cache, a URL can be shared only if it was at the last build, or is a post's read
  // again or gone since (the URLs of unchanged rows are as they were): only those are checked.
  const lastShared = cached.length ? sharedUrls(options.cache?.postsNote()) : undefined;
  const suspects = lastShared && new Set([...lastShared, ...readNow.map((p) => p.url), ...[...was.values()].flatMap((row) => rowUrl(row) ?? [])]);
  const owners = urlOwners(loaded, warnings, suspects);
  const cache = options.cache;
  // Reports by file: the listing's skipped links and the posts' own reasons come in one order.
  skipped.sort();
  warnings.sort();
  return {
    // Each URL's post in its own place by date (the owners' map keeps the place of the URL's first post).
    posts: (owners.collided.length ? loaded.filter((p) => owners.wins(p)) : loaded).reverse(), skipped, warnings, read: jobs.length,
    changed: changed.length + unmatched.length,
    ...(cache ? { changes: postChanges(new Set(changed), readNow, was, owners) } : {}),
    save: () => cache?.savePosts(rowOf, edits, basis, { reorder, note: JSON.stringify(owners.shared) }),
  };
}

/** Oldest first: by date, then by file. */
function byDateThenFile(a: SitePost, b: SitePost): number {
  return a.post.date - b.post.date || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** The URLs shared by several posts at the last build, as its note says; none when it says nothing. */
function sharedUrls(note: string | undefined): string[] | undefined {
  try {
    const urls: unknown = JSON.parse(note ?? 'null');
    return Array.isArray(urls) && urls.every((u) => typeof u === 'string') ? urls : undefined;
  } catch {
    return undefined;
  }
}

/** Files to read again from which git is asked first (spawning it costs more than reading a few hundred). */
const ASK_GIT_FROM = 500;

/** The changes since the cache was saved, oldest first (as the model lists posts, reversed); see PostChanges. */
function postChanges(files: Set<string>, read: readonly SitePost[], was: ReadonlyMap<string, PostRow>, owners: UrlOwners): PostChanges {
  const before: SitePost[] = [];
  for (const row of was.values()) {
    const post = rowPost(row);
    if (post) before.push(post);
  }
  // Two posts with one URL: which one the last build showed is not recorded. When a change
  // touches such a URL, the build checks every page rather than guess.
  const urls = new Set<string>();
  let ambiguous = owners.collided.some((f) => files.has(f));
  for (const b of before) {
    const owner = owners.ownerOf(b.url);
    if (urls.has(b.url) || (owner && !files.has(owner.file))) ambiguous = true;
    urls.add(b.url);
  }
  return { files, now: read.filter((p) => owners.wins(p)).sort(byDateThenFile), before: before.sort(byDateThenFile), ambiguous };
}
