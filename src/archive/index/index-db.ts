import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FeedState } from '../../model/index.js';
import { SCHEMA, SCHEMA_VERSION } from './schema.js';

export interface PostRow {
  readonly path: string;
  readonly link: string;
  readonly guid?: string;
  readonly site: string;
  readonly title: string;
  readonly date: number;
  readonly hash: string;
  readonly size: number;
  readonly mtime: number;
}

interface FeedRow {
  url: string; etag: string | null; last_modified: string | null; last_status: string | null;
  last_error: string | null; failures: number; next_fetch_at: number; moved_to: string | null;
  dead: number; last_fetch_at: number | null; last_new_item_at: number | null;
}

/** The SQLite index (`.samizdat/index.db`): dedup keys, post rows, feed state. */
export class IndexDb {
  private readonly db: Database.Database;
  private readonly stmt;

  private constructor(db: Database.Database) {
    this.db = db;
    this.stmt = {
      hasKey: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM keys WHERE key = ?'),
      addKey: db.prepare('INSERT OR REPLACE INTO keys (key, path) VALUES (?, ?)'),
      addLegacyKey: db.prepare('INSERT OR IGNORE INTO keys (key, path) VALUES (?, ?)'),
      addPost: db.prepare(
        'INSERT OR REPLACE INTO posts (path, link, guid, site, title, date, hash, size, mtime) VALUES (@path, @link, @guid, @site, @title, @date, @hash, @size, @mtime)',
      ),
      delPost: db.prepare('DELETE FROM posts WHERE path = ?'),
      delKeys: db.prepare('DELETE FROM keys WHERE path = ?'),
      tombstoneKeys: db.prepare("UPDATE keys SET path = '' WHERE path = ?"),
      stats: db.prepare<[], { path: string; size: number; mtime: number }>('SELECT path, size, mtime FROM posts'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM posts'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      getFeed: db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?'),
      allFeeds: db.prepare<[], FeedRow>('SELECT * FROM feeds'),
      putFeed: db.prepare(
        `INSERT OR REPLACE INTO feeds (url, etag, last_modified, last_status, last_error, failures, next_fetch_at, moved_to, dead, last_fetch_at, last_new_item_at)
         VALUES (@url, @etag, @last_modified, @last_status, @last_error, @failures, @next_fetch_at, @moved_to, @dead, @last_fetch_at, @last_new_item_at)`,
      ),
    };
  }

  /** Opens (creating if needed) the index; an index of another schema version is started afresh. */
  static open(file: string): IndexDb {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const version = db.pragma('user_version', { simple: true });
    if (version !== SCHEMA_VERSION) {
      db.exec('DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS posts; DROP TABLE IF EXISTS keys; DROP TABLE IF EXISTS feeds;');
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    return new IndexDb(db);
  }

  hasAnyKey(keys: readonly string[]): boolean {
    return keys.some((k) => this.stmt.hasKey.get(k) !== undefined);
  }

  /** Records keys for a post file; `path` '' (legacy allurls.dat) never displaces a real one. */
  addKeys(keys: readonly string[], path: string): void {
    const stmt = path ? this.stmt.addKey : this.stmt.addLegacyKey;
    for (const k of keys) stmt.run(k, path);
  }

  addPost(row: PostRow, keys: readonly string[]): void {
    this.stmt.addPost.run({ ...row, guid: row.guid ?? null });
    this.addKeys(keys, row.path);
  }

  /**
   * Drops a post row. With `tombstone`, its keys stay (pointing nowhere) so an article
   * the operator deleted is not fetched again while the index lives.
   */
  removePost(path: string, { tombstone = false } = {}): void {
    this.stmt.delPost.run(path);
    (tombstone ? this.stmt.tombstoneKeys : this.stmt.delKeys).run(path);
  }

  /** size and mtime of every indexed post, to find files added or changed behind our back. */
  postStats(): Map<string, { size: number; mtime: number }> {
    const out = new Map<string, { size: number; mtime: number }>();
    for (const r of this.stmt.stats.iterate()) out.set(r.path, { size: r.size, mtime: r.mtime });
    return out;
  }

  postCount(): number {
    return this.stmt.count.get()?.n ?? 0;
  }

  meta(key: string): string | undefined {
    return this.stmt.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt.setMeta.run(key, value);
  }

  feedState(url: string): FeedState | undefined {
    const r = this.stmt.getFeed.get(url);
    return r && fromRow(r);
  }

  allFeedStates(): FeedState[] {
    return this.stmt.allFeeds.all().map(fromRow);
  }

  saveFeedState(s: FeedState): void {
    this.stmt.putFeed.run({
      url: s.url, etag: s.etag ?? null, last_modified: s.lastModified ?? null, last_status: s.lastStatus ?? null,
      last_error: s.lastError ?? null, failures: s.consecutiveFailures, next_fetch_at: s.nextFetchAt,
      moved_to: s.movedTo ?? null, dead: s.dead ? 1 : 0, last_fetch_at: s.lastFetchAt ?? null,
      last_new_item_at: s.lastNewItemAt ?? null,
    });
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}

function fromRow(r: FeedRow): FeedState {
  return {
    url: r.url,
    ...(r.etag ? { etag: r.etag } : {}),
    ...(r.last_modified ? { lastModified: r.last_modified } : {}),
    ...(r.last_status ? { lastStatus: r.last_status } : {}),
    ...(r.last_error ? { lastError: r.last_error } : {}),
    consecutiveFailures: r.failures,
    nextFetchAt: r.next_fetch_at,
    ...(r.moved_to ? { movedTo: r.moved_to } : {}),
    dead: r.dead === 1,
    ...(r.last_new_item_at ? { lastNewItemAt: r.last_new_item_at } : {}),
    ...(r.last_fetch_at ? { lastFetchAt: r.last_fetch_at } : {}),
  };
}
