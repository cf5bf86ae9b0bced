import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../../archive/atomic-write.js';
import type { KeptMemos, PreviousOutputs } from '../site-output.js';
import type { ZoneDays } from '../zoned-time.js';
import { columnsToRows, rowsToColumns } from './row-columns.js';
import { legacyPostsDocumentFile, postsDocumentFile } from './site-cache-files.js';

/**
 * The post rows a cache gives back: `rows[i]` for i < `documented` is the row at place i of the
 * document (undefined: its file was removed since), those after are rows of files added since.
 */
export interface CachedRows<R> {
  readonly rows: ReadonlyArray<R | undefined>;
  readonly documented: number;
}

/**
 * A post file read again (`row`) or gone (`row` null); `pos` is its place among the CachedRows'
 * documented rows, null when it has none. `restamp`: the row is the one the cache gave back but
 * for its stamp (the file has new mtimes, not new bytes).
 */
export interface RowEdit<R> {
  readonly file: string;
  readonly pos: number | null;
  readonly row: R | null;
  readonly restamp?: boolean;
}

/** New stamps of the document's rows, by place (null: the row's own), for the document `token` names. */
interface Restamps {
  readonly token: string;
  readonly stamps: Array<string | null>;
}

/** Pieces of output (SiteOutput.memo) no build used for this many days are dropped. */
const MEMO_DAYS = 7;

/**
 * What an incremental build remembers between runs (`.samizdat/site-cache.db`, a cache:
 * delete it and the next build is a full one):
 * - per post file, its row: its size+mtime stamp and the metadata read from it, so unchanged
 *   posts are not read again (one document, `site-cache-posts.v8` beside it, see posts());
 * - per output file, the signature of the inputs it was written from, so a page whose
 *   inputs did not change is neither rendered nor written;
 * - per output folder, what generators remember for the next build (SiteOutput.remember);
 * - pieces of output generators keep between builds (SiteOutput.memo: feed entries), by key.
 */
export class SiteCache {
  /** The document of every post file's row, beside the database (see posts()). */
  private readonly postsFile: string;
  private readonly legacyPostsFile: string;
  /** posts() found no usable document where the database recorded one. */
  private documentLost = false;

  private constructor(private readonly db: Database.Database, file: string) {
    this.postsFile = postsDocumentFile(file);
    this.legacyPostsFile = legacyPostsDocumentFile(file);
  }

  static open(file: string): SiteCache | undefined {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(`
        -- (Tables of earlier versions.)
        DROP TABLE IF EXISTS posts;
        DROP TABLE IF EXISTS post_changes;
        DROP TABLE IF EXISTS post_edits;
        CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, data TEXT NOT NULL);
        DELETE FROM blobs WHERE name = 'posts';
        -- pos: the row's place in the document of rows; NULL for a file the document does not hold.
        CREATE TABLE IF NOT EXISTS post_row_edits (file TEXT PRIMARY KEY, pos INTEGER, row TEXT);
        CREATE TABLE IF NOT EXISTS outputs (out_dir TEXT NOT NULL, path TEXT NOT NULL, sig TEXT NOT NULL, PRIMARY KEY (out_dir, path));
        CREATE TABLE IF NOT EXISTS memory (out_dir TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (out_dir, key));
        CREATE TABLE IF NOT EXISTS memos (key TEXT PRIMARY KEY, value TEXT NOT NULL, used INTEGER NOT NULL);
        -- Finding the pieces to drop reads no values (kilobytes each, stored before the use).
        CREATE INDEX IF NOT EXISTS memos_used ON memos (used);
      `);
      return new SiteCache(db, file);
    } catch {
      return undefined; // a read-only archive builds without a cache
    }
  }

  /**
   * What was read from every post file, as the loader encodes it (an array whose first item
   * is the file), when the rows were made on this `basis` (the loader's version and settings):
   * rows of another basis are not given back. Kept as one document (a single read is several
   * times faster than a row and a parse per post at 100k posts), in the order the loader saved
   * them, plus a table of the changes since it was written, folded in when they grow: a changed
   * or removed row is changed or emptied in its place, rows of new files come after the
   * document's. The document is a file in V8's serialization format (node:v8, whose format
   * later versions of Node still read) of the rows stored by column (see row-columns.ts): at
   * 100k posts it reads in ~110 ms, against ~230 ms for the rows as an array (most of it
   * collecting their million strings) and ~260 ms to parse them as JSON. Its first line is a
   * token the database holds too: a document the database did not record (a save cut short) is
   * not used.
   */
  posts<R extends readonly [string, ...unknown[]]>(basis: string, read?: Buffer): CachedRows<R> {
    const none: CachedRows<R> = { rows: [], documented: 0 };
    try {
      if (this.blob('posts-basis') !== basis) return none;
      const document = this.postsDocument(read);
      const stored: unknown = document === undefined ? [] : deserialize(document);
      // (A plain array of rows: the document as earlier versions wrote it, still good.)
      const rows = Array.isArray(stored) ? (stored as Array<R | undefined>) : columnsToRows<R>(stored);
      const documented = rows.length;
      const restamps = document === undefined ? undefined : this.restamps();
      restamps?.stamps.forEach((stamp, k) => {
        const row = rows[k];
        if (stamp !== null && row) (row as unknown as unknown[])[1] = stamp;
      });
      for (const d of this.db.prepare<[], { file: string; pos: number | null; row: string | null }>('SELECT file, pos, row FROM post_row_edits').iterate()) {
        const row = d.row === null ? undefined : (JSON.parse(d.row) as R);
        if (d.pos === null) {
          if (row) rows.push(row);
        } else if (d.pos < documented && rows[d.pos]?.[0] === d.file) rows[d.pos] = row;
        else throw new Error(`${this.postsFile}: a change of ${d.file} does not fit the document`);
      }
      return { rows, documented };
    } catch {
      // A damaged or missing document (the JSON one of earlier versions, say): an empty cache,
      // and the next save writes a new document, however few posts it saves.
      this.documentLost = true;
      return none;
    }
  }

  /**
   * The new stamps of the document's rows, when they are for the document the database recorded.
   * A fresh clone or checkout gives every post file a new mtime: its rows get new stamps here,
   * a few megabytes, instead of a new document (66 MB at 100k posts, a second to write).
   */
  private restamps(): Restamps | undefined {
    const text = this.blob('posts-stamps');
    if (text === undefined) return undefined;
    const r = JSON.parse(text) as Restamps;
    return r.token === this.blob('posts-file') ? r : undefined;
  }

  /**
   * The serialized rows of the document of post rows, when there is one the database recorded.
   * `read`: the file's bytes as read earlier (see readPostsDocument), used when they are that document.
   */
  private postsDocument(read?: Buffer): Buffer | undefined {
    const token = this.blob('posts-file');
    if (token === undefined) return undefined;
    const ofToken = (bytes: Buffer): Buffer | undefined => {
      const newline = bytes.indexOf(0x0a);
      return newline >= 0 && bytes.toString('latin1', 0, newline) === token ? bytes.subarray(newline + 1) : undefined;
    };
    const document = (read && ofToken(read)) ?? ofToken(readFileSync(this.postsFile));
    if (document === undefined) throw new Error(`${this.postsFile} is not the document the cache recorded`);
    return document;
  }

  private blob(name: string): string | undefined {
    return this.db.prepare<[string], string>('SELECT data FROM blobs WHERE name = ?').pluck().get(name);
  }

  /**
   * Counts the saves of posts that changed something: an output folder whose last build saw
   * this generation knows every change since (another folder built in between does not).
   */
  postsGeneration(): string {
    return this.blob('posts-generation') ?? '0';
  }

  /** The note saved with the rows (see savePosts), while they are the rows it was saved with. */
  postsNote(): string | undefined {
    try {
      const saved = JSON.parse(this.blob('posts-note') ?? 'null') as { generation?: unknown; note?: unknown } | null;
      return saved?.generation === this.postsGeneration() && typeof saved.note === 'string' ? saved.note : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Records the posts of this build, made on `basis` (see posts()): `rows` are all of them, in
   * the order the next build will likely list them; `edits` the files read again or gone.
   * `reorder`: the document is rewritten in the order of `rows` even if little changed.
   * `note`: what the loader derived from these rows and wants back with them (see postsNote).
   */
  savePosts<R extends readonly [string, ...unknown[]]>(
    rows: readonly R[], edits: readonly RowEdit<R>[], basis: string, { reorder = false, note }: { reorder?: boolean; note?: string } = {},
  ): void {
    const postsChanged = edits.some((e) => !e.restamp);
    const sameBasis = this.blob('posts-basis') === basis;
    const sameNote = note === this.postsNote();
    if (sameBasis && edits.length === 0 && !reorder && !this.documentLost && sameNote) return;
    const pending = this.db.prepare<[], number>('SELECT count(*) FROM post_row_edits').pluck().get() ?? 0;
    this.db.transaction(() => {
      // (Rows only put in another order, or only given new stamps, change no post: the generation stays.)
      if (postsChanged || !sameBasis) this.db.prepare("INSERT OR REPLACE INTO blobs (name, data) VALUES ('posts-generation', ?)").run(String(Number(this.postsGeneration()) + 1));
      // The note holds for the rows of this generation: a save that changes posts without one
      // (by a version that knows no note) leaves a note of an older generation, not used.
      if (note === undefined) this.db.exec("DELETE FROM blobs WHERE name = 'posts-note'");
      else this.db.prepare("INSERT OR REPLACE INTO blobs (name, data) VALUES ('posts-note', ?)").run(JSON.stringify({ generation: this.postsGeneration(), note }));
      // New stamps of rows of the document go beside it, unless the row itself is a change
      // kept in the table (its stamp goes there with it).
      const inTable = new Set(this.db.prepare<[], string>('SELECT file FROM post_row_edits').pluck().all());
      const beside = (e: RowEdit<R>): boolean => e.restamp === true && e.pos !== null && e.row !== null && !inTable.has(e.file);
      const restamps = edits.filter(beside);
      const changes = restamps.length ? edits.filter((e) => !beside(e)) : edits;
      // Fold the changes into the document when they grow, the basis changed (a first build
      // writes the document directly) or the document was lost. Posts are saved when a build has completed: its pages
      // no longer hold memory.
      if (!sameBasis || reorder || this.documentLost || pending + changes.length > Math.max(1000, rows.length / 20)) {
        const token = randomUUID();
        writeFileAtomic(this.postsFile, Buffer.concat([Buffer.from(`${token}\n`, 'latin1'), serialize(rowsToColumns(rows))]));
        rmSync(this.legacyPostsFile, { force: true }); // no longer read
        this.documentLost = false;
        const put = this.db.prepare('INSERT OR REPLACE INTO blobs (name, data) VALUES (?, ?)');
        put.run('posts-file', token);
        put.run('posts-basis', basis);
        this.db.exec("DELETE FROM blobs WHERE name = 'posts-stamps'");
        this.db.exec('DELETE FROM post_row_edits');
        return;
      }
      if (restamps.length) {
        const r: Restamps = this.restamps() ?? { token: this.blob('posts-file') ?? '', stamps: [] };
        for (const e of restamps) r.stamps[e.pos!] = e.row![1] as string;
        for (let k = 0; k < r.stamps.length; k++) r.stamps[k] ??= null;
        this.db.prepare("INSERT OR REPLACE INTO blobs (name, data) VALUES ('posts-stamps', ?)").run(JSON.stringify(r));
      }
      const put = this.db.prepare('INSERT OR REPLACE INTO post_row_edits (file, pos, row) VALUES (?, ?, ?)');
      const drop = this.db.prepare('DELETE FROM post_row_edits WHERE file = ?');
      for (const { file, pos, row } of changes) {
        // A new file removed again leaves no trace; a row of the document is emptied.
        if (row === null && pos === null) drop.run(file);
        else put.run(file, pos, row === null ? null : JSON.stringify(row));
      }
    })();
  }

  /** The day offsets of `timeZone` an earlier build learnt (see ZoneDays), when any: a damaged record is none. */
  zoneDays(timeZone: string): ZoneDays | undefined {
    try {
      const text = this.blob(`zone-days ${timeZone}`);
      const days = text === undefined ? undefined : (JSON.parse(text) as Partial<ZoneDays>);
      const sound = typeof days?.tzData === 'string' && Array.isArray(days.days)
        && days.days.every((d) => Array.isArray(d) && Number.isInteger(d[0]) && Number.isFinite(d[1]));
      return sound ? (days as ZoneDays) : undefined;
    } catch {
      return undefined;
    }
  }

  saveZoneDays(timeZone: string, days: ZoneDays): void {
    this.db.prepare('INSERT OR REPLACE INTO blobs (name, data) VALUES (?, ?)').run(`zone-days ${timeZone}`, JSON.stringify(days));
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

  /**
   * The files of the last build into `outDir`: looked up one at a time, or read whole when asked.
   * `count`: how many there are, when the caller remembered it (counting 100k rows takes ~25 ms).
   */
  outputIndex(outDir: string, count?: number): PreviousOutputs {
    const one = this.db.prepare<[string, string], string>('SELECT sig FROM outputs WHERE out_dir = ? AND path = ?').pluck();
    const size = count ?? this.outputCount(outDir);
    let all: Map<string, string> | undefined;
    return { size, trusted: true, get: (rel) => (all ? all.get(rel) : one.get(outDir, rel)), entries: () => (all ??= this.outputs(outDir)) };
  }

  outputCount(outDir: string): number {
    return this.db.prepare<[string], number>('SELECT count(*) FROM outputs WHERE out_dir = ?').pluck().get(outDir) ?? 0;
  }

  /**
   * Saves the outputs and memory of a completed build together: the next build trusts both or
   * neither. The memory replaces the folder's. `before`: the memory as this build read it
   * (memory()); then only entries that changed are written (the search index's state is
   * megabytes, mostly the same), unless `mark` shows another build saved since.
   */
  saveOutputs(
    outDir: string, changed: ReadonlyMap<string, string>, gone: Iterable<string>, memory: ReadonlyMap<string, string>,
    before?: { readonly memory: ReadonlyMap<string, string>; readonly mark: string },
  ): void {
    const put = this.db.prepare('INSERT OR REPLACE INTO outputs (out_dir, path, sig) VALUES (?, ?, ?)');
    const del = this.db.prepare('DELETE FROM outputs WHERE out_dir = ? AND path = ?');
    this.db.transaction(() => {
      for (const [path, sig] of changed) put.run(outDir, path, sig);
      for (const path of gone) del.run(outDir, path);
      const read = this.db.prepare<[string, string], string>('SELECT value FROM memory WHERE out_dir = ? AND key = ?').pluck();
      const known = before && read.get(outDir, before.mark) === before.memory.get(before.mark) ? before.memory : new Map<string, string>();
      if (known.size === 0) this.db.prepare('DELETE FROM memory WHERE out_dir = ?').run(outDir);
      const forget = this.db.prepare('DELETE FROM memory WHERE out_dir = ? AND key = ?');
      for (const key of known.keys()) if (!memory.has(key)) forget.run(outDir, key);
      const remember = this.db.prepare('INSERT OR REPLACE INTO memory (out_dir, key, value) VALUES (?, ?, ?)');
      for (const [key, value] of memory) if (known.get(key) !== value) remember.run(outDir, key, value);
    })();
  }

  /**
   * Pieces of output kept between builds (SiteOutput.memo). New ones and the use of old ones are
   * saved by `save` (each call saves what came since the last); pieces no build used for
   * MEMO_DAYS are dropped then. A piece's last use is recorded to the day: an hourly build does
   * not rewrite the rows of the hundreds it reads.
   */
  memos(now = Date.now()): KeptMemos {
    const one = this.db.prepare<[string], { value: string; used: number }>('SELECT value, used FROM memos WHERE key = ?');
    const fresh = new Map<string, string>();
    const used = new Set<string>();
    return {
      get: (key) => {
        const known = fresh.get(key);
        if (known !== undefined) return known;
        const row = one.get(key);
        if (row && row.used < now - 86_400_000) used.add(key);
        return row?.value;
      },
      put: (key, value) => void fresh.set(key, value),
      save: () => {
        const put = this.db.prepare('INSERT OR REPLACE INTO memos (key, value, used) VALUES (?, ?, ?)');
        const touch = this.db.prepare('UPDATE memos SET used = ? WHERE key = ?');
        this.db.transaction(() => {
          for (const [key, value] of fresh) put.run(key, value, now);
          for (const key of used) if (!fresh.has(key)) touch.run(now, key);
          this.db.prepare('DELETE FROM memos WHERE used < ?').run(now - MEMO_DAYS * 86_400_000);
        })();
        fresh.clear();
        used.clear();
      },
    };
  }

  /** Runs `f` in one transaction: what it saves is saved together or not at all. */
  together(f: () => void): void {
    this.db.transaction(f)();
  }

  close(): void {
    this.db.close();
  }
}
