import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteCache } from '../../src/site/cache/site-cache.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samizdat-site-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Row = readonly [file: string, stamp: string, title: string];
const BASIS = 'v1';
const rowsOf = (n: number, from = 0): Map<string, Row> =>
  new Map(Array.from({ length: n }, (_, i) => [`_posts/${from + i}.md`, [`_posts/${from + i}.md`, `s${from + i}`, `标题${from + i}`] as const]));

describe('site cache: post entries', () => {
  it('gives back what a build saved, across the document and the table of changes, removals included', () => {
    const file = join(dir, 'a.db');
    // A first build reads everything: the entries go straight into the document.
    let cache = SiteCache.open(file)!;
    const first = rowsOf(3000);
    cache.savePosts(first, [...first.keys()], [], BASIS);
    expect(existsSync(join(dir, 'a-posts.utf16'))).toBe(true);
    cache.close();
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS)).toEqual(first);

    // A later build keeps small changes apart from the document.
    const second = new Map(first);
    second.delete('_posts/0.md');
    second.set('_posts/1.md', ['_posts/1.md', 'changed', '改过']);
    cache.savePosts(second, ['_posts/1.md'], ['_posts/0.md'], BASIS);
    expect(cache.posts<Row>(BASIS)).toEqual(second);
    const third = new Map(second);
    third.delete('_posts/2.md');
    for (const [k, v] of rowsOf(5, 5000)) third.set(k, v);
    cache.savePosts(third, [...rowsOf(5, 5000).keys()], ['_posts/2.md'], BASIS);
    cache.close();
    cache = SiteCache.open(file)!;
    const back = cache.posts<Row>(BASIS);
    expect(back).toEqual(third);
    expect(back.has('_posts/0.md') || back.has('_posts/2.md')).toBe(false);
    // Nothing changed: nothing to save, same entries.
    cache.savePosts(third, [], [], BASIS);
    expect(cache.posts<Row>(BASIS)).toEqual(third);
    // Rows made on another basis (another version or settings) are not given back; saving
    // a few rows on the new basis replaces the document, though few changed.
    expect(cache.posts<Row>('v2').size).toBe(0);
    const fourth = new Map(third);
    fourth.set('_posts/3.md', ['_posts/3.md', 'v2 stamp', '新']);
    cache.savePosts(fourth, ['_posts/3.md'], [], 'v2');
    expect(cache.posts<Row>(BASIS).size).toBe(0);
    expect(cache.posts<Row>('v2')).toEqual(fourth);
    cache.savePosts(third, ['_posts/3.md'], [], BASIS);
    cache.close();

    // The document is a file beside the database; one the database did not record (a save cut
    // short after writing it) is not used: the cache is empty, and the build reads every post.
    const doc = join(dir, 'a-posts.utf16');
    expect(existsSync(doc)).toBe(true);
    const text = readFileSync(doc).toString('utf16le');
    writeFileSync(doc, Buffer.from(`another-token${text.slice(text.indexOf('\n'))}`, 'utf16le'));
    cache = SiteCache.open(file)!;
    expect(cache.posts<Row>(BASIS).size).toBe(0);
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
});
