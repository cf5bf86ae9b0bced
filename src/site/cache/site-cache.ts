import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What an incremental build remembers between runs (`.samizdat/site-cache.db`, a cache:
 * delete it and the next build is a full one):
 * - per post file, its size+mtime stamp and the metadata read from it, so unchanged posts
 *   are not read again;
 * - per output file, the signature of the inputs it was written from, so a page whose
 *   inputs did not change is neither rendered nor written;
 * - per output folder, what generators remember for the next build (SiteOutput.remember).
 */
export class SiteCache {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SiteCache | undefined {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(`
        CREATE TABLE IF NOT EXISTS posts (file TEXT PRIMARY KEY, stamp TEXT NOT NULL, data TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS outputs (out_dir TEXT NOT NULL, path TEXT NOT NULL, sig TEXT NOT NULL, PRIMARY KEY (out_dir, path));
        CREATE TABLE IF NOT EXISTS memory (out_dir TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (out_dir, key));
      `);
      return new SiteCache(db);
    } catch {
      return undefined; // a read-only archive builds without a cache
    }
  }

  /** Metadata of every cached post: file → { stamp, data }. */
  posts(): Map<string, { stamp: string; data: string }> {
    const out = new Map<string, { stamp: string; data: string }>();
    for (const r of this.db.prepare<[], { file: string; stamp: string; data: string }>('SELECT file, stamp, data FROM posts').iterate()) {
      out.set(r.file, { stamp: r.stamp, data: r.data });
    }
    return out;
  }

  /** Replaces the post table with exactly these rows (only changed rows are written). */
  savePosts(rows: ReadonlyMap<string, { stamp: string; data: string }>, previous: ReadonlyMap<string, { stamp: string; data: string }>): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO posts (file, stamp, data) VALUES (?, ?, ?)');
    const del = this.db.prepare('DELETE FROM posts WHERE file = ?');
    this.db.transaction(() => {
      for (const [file, r] of rows) {
        const old = previous.get(file);
        if (!old || old.stamp !== r.stamp || old.data !== r.data) put.run(file, r.stamp, r.data);
      }
      for (const file of previous.keys()) if (!rows.has(file)) del.run(file);
    })();
  }

  outputs(outDir: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.db.prepare<[string], { path: string; sig: string }>('SELECT path, sig FROM outputs WHERE out_dir = ?').iterate(outDir)) out.set(r.path, r.sig);
    return out;
  }

  memory(outDir: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.db.prepare<[string], { key: string; value: string }>('SELECT key, value FROM memory WHERE out_dir = ?').iterate(outDir)) out.set(r.key, r.value);
    return out;
  }

  /** Saves the outputs and memory of a completed build together: the next build trusts both or neither. */
  saveOutputs(outDir: string, now: ReadonlyMap<string, string>, previous: ReadonlyMap<string, string>, memory: ReadonlyMap<string, string>): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO outputs (out_dir, path, sig) VALUES (?, ?, ?)');
    const del = this.db.prepare('DELETE FROM outputs WHERE out_dir = ? AND path = ?');
    this.db.transaction(() => {
      for (const [path, sig] of now) if (previous.get(path) !== sig) put.run(outDir, path, sig);
      for (const path of previous.keys()) if (!now.has(path)) del.run(outDir, path);
      this.db.prepare('DELETE FROM memory WHERE out_dir = ?').run(outDir);
      const remember = this.db.prepare('INSERT INTO memory (out_dir, key, value) VALUES (?, ?, ?)');
      for (const [key, value] of memory) remember.run(outDir, key, value);
    })();
  }

  close(): void {
    this.db.close();
  }
}
