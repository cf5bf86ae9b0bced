import { describe, expect, it } from 'vitest';
import { matchRows } from '../../src/site/match-rows.js';

type Row = readonly [string, string];

/** What matching must give: each file's cached row by name, and the rows no file has. */
function byName(paths: readonly string[], cached: ReadonlyArray<Row | undefined>): { cachedIndex: number[]; unmatched: number[] } {
  const at = new Map<string, number>();
  cached.forEach((r, k) => r && at.set(r[0], k));
  const cachedIndex = paths.map((p) => at.get(p) ?? -1);
  const used = new Set(cachedIndex);
  return { cachedIndex, unmatched: [...at.values()].filter((k) => !used.has(k)).sort((a, b) => a - b) };
}

/** A small deterministic random source (the cases are the same in every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('pairing listed files with cached rows', () => {
  const names = Array.from({ length: 400 }, (_, i) => `_posts/2020-01-${String((i % 28) + 1).padStart(2, '0')}-第${i}篇.md`);
  const rowsOf = (paths: readonly string[]): Row[] => paths.map((p) => [p, 'stamp']);

  it('pairs by name whatever changed: files added, removed, moved, rows emptied, the order shuffled', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const cached: Array<Row | undefined> = rowsOf(names.slice(0, 200 + Math.floor(next() * 200)));
      // Rows emptied (files removed in an earlier build) and rows of files added since, at the end.
      for (let k = 0; k < cached.length; k++) if (next() < 0.03) cached[k] = undefined;
      const paths = cached.filter((r) => r !== undefined).map((r) => r[0]);
      const kind = round % 4;
      // Files removed now: runs of them, some longer than the look-ahead.
      for (let n = Math.floor(next() * 4); n > 0; n--) paths.splice(Math.floor(next() * paths.length), 1 + Math.floor(next() * (kind === 1 ? 20 : 3)));
      // Files added, anywhere in the listing.
      for (let n = Math.floor(next() * 6); n > 0; n--) paths.splice(Math.floor(next() * paths.length), 0, `_posts/2021-02-03-新${round}-${n}.md`);
      // Files listed in another order: a few swapped, or all shuffled.
      if (kind === 2) for (let n = 0; n < 5; n++) {
        const a = Math.floor(next() * paths.length);
        const b = Math.floor(next() * paths.length);
        [paths[a], paths[b]] = [paths[b]!, paths[a]!];
      }
      if (kind === 3) paths.sort(() => next() - 0.5);
      const got = matchRows(paths, cached);
      expect({ cachedIndex: [...got.cachedIndex], unmatched: got.unmatched }, `round ${round}`).toEqual(byName(paths, cached));
    }
  });

  it('meets the rows in order when the listing is in the cache\'s order', () => {
    const cached = rowsOf(names);
    const { cachedIndex, unmatched } = matchRows(names, cached);
    expect([...cachedIndex]).toEqual(names.map((_, i) => i));
    expect(unmatched).toEqual([]);
    // Nothing cached: every file is new.
    expect([...matchRows(names.slice(0, 3), []).cachedIndex]).toEqual([-1, -1, -1]);
    // Nothing listed: every row is gone.
    expect(matchRows([], cached.slice(0, 3)).unmatched).toEqual([0, 1, 2]);
  });
});
