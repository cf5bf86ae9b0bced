import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATE_DIR } from '../../src/archive/archive.js';
import { listPostFiles } from '../../src/archive/posts/list-posts.js';
import { SiteCache, type CachedRows, type RowEdit } from '../../src/site/cache/site-cache.js';
import { readPostsDocument, siteCacheFile } from '../../src/site/cache/site-cache-files.js';
import { loadSitePosts } from '../../src/site/load-posts.js';
import { permalinkTemplate } from '../../src/site/permalink.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samizdat-site-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Row = readonly [file: string, stamp: string, title: string];
const BASIS = 'v1';
const rowsOf = (n: number, from = 0): Row[] => Array.from({ length: n }, (_, i) => [`_posts/${from + i}.md`, `s${from + i}`, `标题${from + i}`] as const);
/** The edit of a row read from a file the cache has no row for. */
const newRow = (row: Row): RowEdit<Row> => ({ file: row[0], pos: null, row });
/** The edit of a row of the document (at `pos`) whose file has a new mtime, the same bytes. */
const restampedRow = (row: Row, pos: number): RowEdit<Row> => ({ file: row[0], pos, row, restamp: true });
/** A document file's first line (its token, with the line break) and the serialized rows after it. */
const documentParts = (bytes: Buffer): { head: Buffer; body: Buffer } => {
  const at = bytes.indexOf(0x0a) + 1;
  return { head: bytes.subarray(0, at), body: bytes.subarray(at) };
};
/** The rows a cache gives back, without the removed ones: what the loader pairs with the listing. */
const present = (c: CachedRows<Row>): Row[] => c.rows.filter((r) => r !== undefined);

describe('site cache: day offsets', () => {
  it('gives back the offsets a build saved, and takes a damaged record for none', () => {
    const file = join(dir, 'zones.db');
    const cache = SiteCache.open(file)!;
    const days = { tzData: 'icu 1 tz 2024a', days: [[18_000, 28_800_000], [18_001, 28_800_000]] as Array<[number, number]> };
    cache.saveZoneDays('Asia/Shanghai', days);
    expect(cache.zoneDays('Asia/Shanghai')).toEqual(days);
    expect(cache.zoneDays('Europe/Berlin')).toBeUndefined();
    cache.close();
    const db = new Database(file);
    const put = db.prepare('INSERT OR REPLACE INTO blobs (name, data) VALUES (?, ?)');
    for (const [zone, text] of [['A', 'not json'], ['B', '{"days":5}'], ['C', '{"tzData":"t","days":[["x",1]]}'], ['D', 'null']]) put.run(`zone-days ${zone}`, text);
    db.close();
    const again = SiteCache.open(file)!;
    for (const zone of ['A', 'B', 'C', 'D']) expect(again.zoneDays(zone), zone).toBeUndefined();
    again.close();
  });
});

describe('site cache: post entries', () => {
  it('takes the document as read ahead by the build command, and reads it again when those bytes are another document', async () => {
    const archive = join(dir, 'ahead');
    const file = siteCacheFile(archive);
    let cache = SiteCache.open(file)!;
    const first = rowsOf(50);
    cache.savePosts(first, first.map(newRow), BASIS);
    cache.close();
    const early = await readPostsDocument(archive);
    expect(early?.length).toBeGreaterThan(0);
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS, early)).toEqual({ rows: first, documented: 50 });
    // A build in between wrote a new document: the early bytes are not it, the file is.
    const second = rowsOf(60, 100);
    cache.savePosts(second, second.map(newRow), BASIS, { reorder: true });
    cache.close();
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS, early)).toEqual({ rows: second, documented: 60 });
    cache.close();
    expect(await readPostsDocument(join(dir, 'no-such-archive'))).toBeUndefined();
  });

  it('gives back what a build saved, across the document and the table of changes, in place, removals included', () => {
    const file = join(dir, 'a.db');
    // A first build reads everything: the entries go straight into the document.
    let cache = SiteCache.open(file)!;
    const first = rowsOf(3000);
    cache.savePosts(first, first.map(newRow), BASIS);
    expect(existsSync(join(dir, 'a-posts.v8'))).toBe(true);
    cache.close();
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS)).toEqual({ rows: first, documented: 3000 });

    // A later build keeps small changes apart from the document: a changed row in its place,
    // a removed one emptied, new ones after the document's.
    const changed: Row = ['_posts/1.md', 'changed', '改过'];
    const second = [first[0]!, changed, ...first.slice(2)].filter((r) => r[0] !== '_posts/0.md');
    cache.savePosts(second, [{ file: '_posts/1.md', pos: 1, row: changed }, { file: '_posts/0.md', pos: 0, row: null }], BASIS);
    const back2 = cache.posts<Row>(BASIS);
    expect(back2.documented).toBe(3000);
    expect(back2.rows[0]).toBeUndefined();
    expect(back2.rows[1]).toEqual(changed);
    expect(present(back2)).toEqual(second);
    const added = rowsOf(5, 5000);
    cache.savePosts(
      [...second.filter((r) => r[0] !== '_posts/2.md'), ...added],
      [...added.map(newRow), { file: '_posts/2.md', pos: 2, row: null }],
      BASIS,
    );
    cache.close();
    cache = SiteCache.open(file)!;
    const third = [...second.filter((r) => r[0] !== '_posts/2.md'), ...added];
    const back3 = cache.posts<Row>(BASIS);
    expect(present(back3)).toEqual(third);
    expect(back3.rows.slice(3000)).toEqual(added);
    // A new file removed again leaves nothing behind; one changed again is replaced.
    const again: Row = ['_posts/5001.md', 'again', '再改'];
    cache.savePosts(third, [{ file: '_posts/5000.md', pos: null, row: null }, { file: '_posts/5001.md', pos: null, row: again }], BASIS);
    const back4 = present(cache.posts<Row>(BASIS));
    expect(back4.map((r) => r[0])).not.toContain('_posts/5000.md');
    expect(back4.find((r) => r[0] === '_posts/5001.md')).toEqual(again);
    // Nothing changed: nothing to save, same entries.
    cache.savePosts(third, [], BASIS);
    expect(present(cache.posts<Row>(BASIS))).toEqual(back4);

    // Many changes are folded into a new document, in the order given.
    const many = rowsOf(1500, 10_000);
    const fifth = [...many, ...back4];
    cache.savePosts(fifth, many.map(newRow), BASIS);
    expect(cache.posts<Row>(BASIS)).toEqual({ rows: fifth, documented: fifth.length });

    // Rows made on another basis (another version or settings) are not given back; saving
    // a few rows on the new basis replaces the document, though few changed.
    expect(cache.posts<Row>('v2').rows).toEqual([]);
    const sixth: Row[] = [['_posts/3.md', 'v2 stamp', '新'], ...fifth.filter((r) => r[0] !== '_posts/3.md')];
    cache.savePosts(sixth, [{ file: '_posts/3.md', pos: 3, row: sixth[0]! }], 'v2');
    expect(cache.posts<Row>(BASIS).rows).toEqual([]);
    expect(cache.posts<Row>('v2')).toEqual({ rows: sixth, documented: sixth.length });
    cache.close();

    // A change that does not fit the document (another file at its place) means a damaged
    // cache: it gives nothing back, and the build reads every post.
    cache = SiteCache.open(file)!;
    cache.savePosts(sixth, [{ file: '_posts/9.md', pos: 0, row: ['_posts/9.md', 'x', 'y'] }], 'v2');
    expect(cache.posts<Row>('v2').rows).toEqual([]);
    cache.savePosts(sixth, sixth.map(newRow), BASIS);
    cache.close();

    // The document is a file beside the database; one the database did not record (a save cut
    // short after writing it) is not used: the cache is empty, and the build reads every post.
    const doc = join(dir, 'a-posts.v8');
    expect(existsSync(doc)).toBe(true);
    const bytes = readFileSync(doc);
    writeFileSync(doc, Buffer.concat([Buffer.from('another-token'), bytes.subarray(bytes.indexOf(0x0a))]));
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS).rows).toEqual([]);
    cache.close();
  });

  it('takes a damaged document for none, writes a new one at the next save, and removes the JSON document of earlier versions when it writes its own', () => {
    const file = join(dir, 'd.db');
    const doc = join(dir, 'd-posts.v8');
    const legacy = join(dir, 'd-posts.utf16');
    writeFileSync(legacy, Buffer.from('token\n[]', 'utf16le'));
    let cache = SiteCache.open(file)!;
    const rows = rowsOf(500);
    cache.savePosts(rows, rows.map(newRow), BASIS);
    expect(existsSync(legacy)).toBe(false);
    expect(cache.posts<Row>(BASIS)).toEqual({ rows, documented: 500 });
    cache.close();
    const bytes = readFileSync(doc);
    const { head } = documentParts(bytes);
    // Cut short, or rows that are no list (the token is the recorded one in both): an empty cache.
    for (const body of [bytes.subarray(head.length, bytes.length - 100), serialize({ rows })]) {
      writeFileSync(doc, Buffer.concat([head, body]));
      cache = SiteCache.open(file)!;
      expect(cache.posts<Row>(BASIS).rows).toEqual([]);
      cache.close();
    }
    // The build then reads every post and saves them, however few: the next build has them again.
    for (const lose of [() => writeFileSync(doc, 'damaged'), () => rmSync(doc)]) {
      lose();
      cache = SiteCache.open(file)!;
      expect(cache.posts<Row>(BASIS).rows).toEqual([]);
      cache.savePosts(rows, rows.map(newRow), BASIS);
      cache.close();
      cache = SiteCache.open(file)!;
      expect(cache.posts<Row>(BASIS)).toEqual({ rows, documented: 500 });
      cache.close();
    }
  });
});

describe('site cache: the document of earlier versions', () => {
  it('(a plain array of rows) is still read, and the next save writes it by column', () => {
    const file = join(dir, 'plain.db');
    const doc = join(dir, 'plain-posts.v8');
    let cache = SiteCache.open(file)!;
    const rows = rowsOf(300);
    cache.savePosts(rows, rows.map(newRow), BASIS);
    cache.close();
    const { head } = documentParts(readFileSync(doc));
    writeFileSync(doc, Buffer.concat([head, serialize(rows)]));
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS)).toEqual({ rows, documented: 300 });
    const more = rowsOf(2000, 300);
    cache.savePosts([...rows, ...more], more.map(newRow), BASIS);
    cache.close();
    expect(deserialize(documentParts(readFileSync(doc)).body)).toMatchObject({ format: 'row-columns-1', rows: 2300 });
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS)).toEqual({ rows: [...rows, ...more], documented: 2300 });
    cache.close();
  });
});

describe('site cache: new stamps of unchanged rows', () => {
  it('go beside the document, however many, and the document stays as it was', () => {
    const file = join(dir, 'stamps.db');
    const doc = join(dir, 'stamps-posts.v8');
    let cache = SiteCache.open(file)!;
    const first = rowsOf(3000);
    cache.savePosts(first, first.map(newRow), BASIS);
    const written = readFileSync(doc);
    // A fresh clone: every file has a new mtime, the same bytes (many more than fold the changes into a new document).
    const clone: Row[] = first.map(([f, , t]) => [f, `clone ${f}`, t]);
    cache.savePosts(clone, clone.map(restampedRow), BASIS);
    expect(readFileSync(doc).equals(written)).toBe(true);
    cache.close();
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS)).toEqual({ rows: clone, documented: 3000 });

    // Then a real change to one, a new stamp of another, a removal: each in its place.
    const edited: Row = ['_posts/7.md', 'edited', '改过'];
    const later = clone.map((r) => (r[0] === '_posts/7.md' ? edited : r[0] === '_posts/8.md' ? (['_posts/8.md', 'touched', r[2]] as const) : r)).filter((r) => r[0] !== '_posts/9.md');
    cache.savePosts(later, [
      { file: '_posts/7.md', pos: 7, row: edited }, restampedRow(later[8]!, 8), { file: '_posts/9.md', pos: 9, row: null },
    ], BASIS);
    expect(present(cache.posts<Row>(BASIS))).toEqual(later);
    // A row kept in the table of changes takes its new stamp there: the table's row is the one given back.
    const touched: Row = ['_posts/7.md', 'touched again', '改过'];
    const last = later.map((r) => (r[0] === '_posts/7.md' ? touched : r));
    cache.savePosts(last, [restampedRow(touched, 7)], BASIS);
    expect(present(cache.posts<Row>(BASIS))).toEqual(last);
    expect(readFileSync(doc).equals(written)).toBe(true);

    // A new document takes the stamps in, and the old ones beside it are not applied to it.
    const reordered = [...last].reverse();
    cache.savePosts(reordered, [], BASIS, { reorder: true });
    expect(readFileSync(doc).equals(written)).toBe(false);
    expect(cache.posts<Row>(BASIS)).toEqual({ rows: reordered, documented: reordered.length });
    cache.close();
  });
});

describe('site cache: the note saved with the rows', () => {
  it('is given back while the rows are those it was saved with, and not after a save of changed posts without it', () => {
    const file = join(dir, 'note.db');
    let cache = SiteCache.open(file)!;
    expect(cache.postsNote()).toBeUndefined();
    const rows = rowsOf(5);
    cache.savePosts(rows, rows.map(newRow), BASIS, { note: '["/a/"]' });
    cache.close();
    cache = SiteCache.open(file)!;
    expect(cache.postsNote()).toBe('["/a/"]');
    // A build that changed nothing but what it notes (the first of a version that keeps a note) saves it.
    cache.savePosts(rows, [], BASIS, { note: '[]' });
    expect(cache.postsNote()).toBe('[]');
    // New stamps change no post: the note holds.
    const restamped = rows.map(([f, , t]): Row => [f, 'new stamp', t]);
    cache.savePosts(restamped, restamped.map(restampedRow), BASIS, { note: '[]' });
    expect(cache.postsNote()).toBe('[]');
    // Posts changed by a version that knows no note (it counts the generation on, leaves the note): not given back.
    const older = new Database(file);
    older.prepare("UPDATE blobs SET data = ? WHERE name = 'posts-generation'").run(String(Number(cache.postsGeneration()) + 1));
    older.close();
    expect(cache.postsNote()).toBeUndefined();
    // A save without a note leaves none.
    const more = rowsOf(1, 5);
    cache.savePosts([...restamped, ...more], more.map(newRow), BASIS, { note: '["/b/"]' });
    expect(cache.postsNote()).toBe('["/b/"]');
    cache.savePosts(restamped, [{ file: '_posts/5.md', pos: null, row: null }], BASIS);
    expect(cache.postsNote()).toBeUndefined();
    cache.close();
  });
});

describe('site cache: pieces of output kept between builds', () => {
  it('gives back what a completed build made, keeps what builds use, and drops what none used for a week', () => {
    const file = join(dir, 'memos.db');
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 0, 1);
    let cache = SiteCache.open(file)!;
    let memos = cache.memos(t0);
    expect(memos.get('a')).toBeUndefined();
    memos.put('a', '内容A');
    memos.put('b', '内容B');
    expect(memos.get('a')).toBe('内容A'); // within the build too
    memos.save();
    cache.close();

    // Five days on, a build uses 'a' only.
    cache = SiteCache.open(file)!;
    memos = cache.memos(t0 + 5 * day);
    expect(memos.get('a')).toBe('内容A');
    memos.save();
    // Ten days on: 'b' was last used eight days ago and goes; 'a' five days ago and stays.
    memos = cache.memos(t0 + 10 * day);
    memos.save();
    memos = cache.memos(t0 + 10 * day);
    expect(memos.get('a')).toBe('内容A');
    expect(memos.get('b')).toBeUndefined();
    // A build that fails saves nothing: what it made is not kept.
    memos.put('c', '内容C');
    cache.close();
    cache = SiteCache.open(file)!;
    expect(cache.memos(t0 + 10 * day).get('c')).toBeUndefined();
    cache.close();
  });

  it('are saved as they come when a build saves more than once: each save writes what came since', () => {
    const file = join(dir, 'memos-twice.db');
    const t0 = Date.UTC(2026, 0, 1);
    let cache = SiteCache.open(file)!;
    const memos = cache.memos(t0);
    memos.put('feed-a', 'A');
    memos.save();
    expect(memos.get('feed-a')).toBe('A'); // now read from the database
    // Changed in the database behind its back: a later save of this build does not write 'feed-a' again.
    const db = new Database(file);
    db.prepare("UPDATE memos SET value = 'A, as stored' WHERE key = 'feed-a'").run();
    db.close();
    memos.put('feed-b', 'B');
    memos.save();
    memos.save();
    cache.close();
    cache = SiteCache.open(file)!;
    const later = cache.memos(t0 + 86_400_000);
    expect([later.get('feed-a'), later.get('feed-b')]).toEqual(['A, as stored', 'B']);
    cache.close();
  });
});

describe('site cache: what a build remembers', () => {
  const rowids = (file: string): Map<string, number> => {
    const db = new Database(file, { readonly: true });
    try {
      return new Map(db.prepare<[], { key: string; id: number }>('SELECT key, rowid AS id FROM memory').all().map((r) => [r.key, r.id]));
    } finally {
      db.close();
    }
  };

  it('is replaced by the next build\'s, which writes only the entries that changed', () => {
    const file = join(dir, 'memory.db');
    const out = '/site';
    let cache = SiteCache.open(file)!;
    cache.saveOutputs(out, new Map(), [], new Map([['mark', 'm1'], ['same', '一'], ['changes', '二'], ['goes', '三']]));
    const before = cache.memory(out);
    const ids = rowids(file);
    cache.saveOutputs(out, new Map(), [], new Map([['new', '四'], ['mark', 'm2'], ['changes', '二!'], ['same', '一']]), { memory: before, mark: 'mark' });
    expect(Object.fromEntries(cache.memory(out))).toEqual({ mark: 'm2', same: '一', changes: '二!', new: '四' });
    const after = rowids(file);
    expect(after.get('same')).toBe(ids.get('same')); // not written again
    expect(after.get('changes')).not.toBe(ids.get('changes'));
    cache.close();

    // Another build saved since this one read the memory (its mark differs): all is replaced.
    cache = SiteCache.open(file)!;
    const stale = cache.memory(out);
    cache.saveOutputs(out, new Map(), [], new Map([['mark', 'm3'], ['theirs', '五']]));
    cache.saveOutputs(out, new Map(), [], new Map([['mark', 'm4'], ['same', '一']]), { memory: stale, mark: 'mark' });
    expect(Object.fromEntries(cache.memory(out))).toEqual({ mark: 'm4', same: '一' });
    cache.close();
  });
});

describe('site cache: rows in the listing\'s order', () => {
  it('follow the folder\'s order again after a build that met them in another (a folder copied or restored)', async () => {
    const archive = join(dir, 'order-archive');
    mkdirSync(join(archive, '_posts'), { recursive: true });
    for (let i = 0; i < 1200; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      writeFileSync(join(archive, `_posts/2020-01-${day}-第${i}篇.md`), `---\ntitle: 第${i}篇\nsite: 甲报\n---\n<p>${i}</p>\n`);
    }
    const file = join(archive, STATE_DIR, 'site-cache.db');
    const options = { template: permalinkTemplate(undefined), timeZone: 'UTC' };
    const load = async (): Promise<void> => {
      const cache = SiteCache.open(file)!;
      const loaded = await loadSitePosts(archive, { ...options, cache });
      expect(loaded.posts).toHaveLength(1200);
      loaded.save();
      cache.close();
    };
    const listed = listPostFiles(archive).map((f) => f.path);
    const cachedOrder = (): { order: string[]; generation: string; basis: string } => {
      const cache = SiteCache.open(file)!;
      const db = new Database(file, { readonly: true });
      const basis = db.prepare("SELECT data FROM blobs WHERE name = 'posts-basis'").pluck().get() as string;
      db.close();
      const out = { order: cache.posts<Row>(basis).rows.map((r) => r![0]), generation: cache.postsGeneration(), basis };
      cache.close();
      return out;
    };
    await load();
    const first = cachedOrder();
    expect(first.order).toEqual(listed);
    // The rows saved in another order (reversed), as a copy of the folder might list them.
    const cache = SiteCache.open(file)!;
    const rows = cache.posts<Row>(first.basis).rows.map((r) => r!);
    cache.savePosts([...rows].reverse(), [], first.basis, { reorder: true });
    cache.close();
    expect(cachedOrder().order).toEqual([...listed].reverse());
    expect(cachedOrder().generation).toBe(first.generation); // no post changed
    // The next build meets the files out of order and saves the rows in the folder's order again.
    await load();
    expect(cachedOrder().order).toEqual(listed);
  });
});
