import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { FeedState, Post } from '../model/index.js';
import { SamizdatError } from '../model/index.js';
import { removeTempFiles, writeFileAtomicStat } from './atomic-write.js';
import { STATE_DIR } from './state-dir.js';
import { dedupKeys } from './dedup-keys.js';
import { IndexDb, type PostRow } from './index/index-db.js';
import { syncIndex, type SyncReport } from './index/sync-index.js';
import { ArchiveLock } from './lock/archive-lock.js';
import { postBaseName, withCollisionSuffix } from './posts/file-name.js';
import { formatPost } from './posts/format-post.js';

export interface OpenOptions {
  /** How long to wait for another run's lock before giving up (0: fail at once). */
  readonly waitMs?: number;
  /** Named in the lock, so a second run can say who is busy. */
  readonly command?: string;
}

export { STATE_DIR };
export const POSTS_DIR = '_posts';

/**
 * An archive opened for writing: locked, its index synced with the files. All writes of
 * posts go through here so dedup, naming and the index stay in step.
 */
export class Archive {
  /** Lower-cased names in _posts/, so two titles differing only in case never collide on macOS or Windows. */
  private readonly takenNames = new Set<string>();

  private constructor(
    readonly root: string,
    readonly index: IndexDb,
    private readonly lock: ArchiveLock,
    readonly sync: SyncReport,
  ) {
    for (const f of sync.files) if (f.path.startsWith(`${POSTS_DIR}/`)) this.takenNames.add(f.path.toLowerCase());
  }

  static async open(root: string, options: OpenOptions = {}): Promise<Archive> {
    const dir = resolve(root);
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new SamizdatError('archive', 'no-archive', `archive: ${dir} is not a directory`);
    }
    const lock = await ArchiveLock.acquire(join(dir, STATE_DIR, 'lock.db'), options);
    try {
      removeTempFiles(join(dir, POSTS_DIR));
      const index = IndexDb.open(join(dir, STATE_DIR, 'index.db'));
      return new Archive(dir, index, lock, syncIndex(dir, index));
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /**
   * Keys of posts being written or written but not yet flushed to the index (feeds run
   * concurrently and may share articles).
   */
  private readonly pending = new Set<string>();
  /** Index rows of posts already on disk, committed together by flush(). */
  private queued: Array<{ row: PostRow; keys: readonly string[] }> = [];
  /** Feed states saved since the last flush, by feed URL. */
  private queuedFeeds = new Map<string, FeedState>();
  private lastFlushAt = Date.now();

  /** True when an article with any of these keys is archived already or being written. */
  isKnown(keys: readonly string[]): boolean {
    return keys.some((k) => this.pending.has(k)) || this.index.hasAnyKey(keys);
  }

  /**
   * Commits the index rows of the posts written and the feed states saved since the last
   * flush, in one transaction (a commit per post or per feed costs more than the writes).
   * A crash before the flush loses nothing: the next run finds the files and indexes
   * them, and fetches the feeds whose state was not saved once more.
   */
  flush(): void {
    this.lastFlushAt = Date.now();
    if (this.queued.length === 0 && this.queuedFeeds.size === 0) return;
    const batch = this.queued;
    const feeds = this.queuedFeeds;
    this.queued = [];
    this.queuedFeeds = new Map();
    this.index.transaction(() => {
      for (const { row, keys } of batch) this.index.addPost(row, keys);
      for (const state of feeds.values()) this.index.saveFeedState(state);
    });
    for (const { keys } of batch) for (const k of keys) this.pending.delete(k);
  }

  /** Flushes when the last flush is older than `ms`: a run commits a few times a second, not per feed. */
  flushEvery(ms: number): void {
    if (Date.now() - this.lastFlushAt >= ms) this.flush();
  }

  /**
   * Writes the post unless an article with one of its keys is archived (or being
   * written by a concurrent feed). Returns the new path, or undefined for a duplicate.
   */
  addPost(post: Post, keys: readonly string[] = dedupKeys(post)): string | undefined {
    if (this.isKnown(keys)) return undefined;
    for (const k of keys) this.pending.add(k);
    try {
      return this.writePost(post, keys);
    } catch (err) {
      for (const k of keys) this.pending.delete(k);
      throw err;
    }
  }

  /**
   * Writes a new post (atomically) and indexes it. Two different articles with the same
   * date and title both survive: the second gets `-2`, the third `-3`, ….
   * Returns the path relative to the archive.
   */
  writePost(post: Post, keys: readonly string[] = dedupKeys(post)): string {
    const base = postBaseName(post.date, post.title);
    let rel = '';
    for (let n = 1; ; n++) {
      rel = `${POSTS_DIR}/${withCollisionSuffix(base, n)}`;
      if (!this.takenNames.has(rel.toLowerCase())) break;
    }
    const file = join(this.root, rel);
    // The name is built from feed data: make sure it cannot leave _posts/.
    if (!file.startsWith(join(this.root, POSTS_DIR) + sep)) {
      throw new SamizdatError('archive', 'bad-path', `archive: refusing to write outside ${POSTS_DIR}/: ${rel}`);
    }
    const bytes = Buffer.from(formatPost(post));
    this.takenNames.add(rel.toLowerCase());
    const st = writeFileAtomicStat(file, bytes);
    const row: PostRow = {
      path: rel, link: post.link, ...(post.guid ? { guid: post.guid } : {}), site: post.site, title: post.title,
      date: post.date, hash: createHash('sha1').update(bytes).digest('hex'), size: st.size, mtime: Math.trunc(st.mtimeMs),
    };
    this.queued.push({ row, keys });
    for (const k of keys) this.pending.add(k);
    return rel;
  }

  feedState(url: string): FeedState | undefined {
    return this.queuedFeeds.get(url) ?? this.index.feedState(url);
  }

  /** Saved with the next flush. */
  saveFeedState(state: FeedState): void {
    this.queuedFeeds.set(state.url, state);
  }

  close(): void {
    this.flush();
    this.index.close();
    this.lock.release();
  }
}

