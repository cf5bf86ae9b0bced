import { afterEach, describe, expect, it } from 'vitest';
import { forEachClaimed, workerAvailable } from './worker-threads.js';

describe('worker threads', () => {
  const before = process.env.SAMIZDAT_WORKERS;
  afterEach(() => {
    if (before === undefined) delete process.env.SAMIZDAT_WORKERS;
    else process.env.SAMIZDAT_WORKERS = before;
  });

  it('start from a compiled script that is there, unless SAMIZDAT_WORKERS=0', () => {
    const here = new URL(import.meta.url); // a file that exists
    delete process.env.SAMIZDAT_WORKERS;
    expect(workerAvailable(here)).toBe(true);
    expect(workerAvailable(new URL('./no-such-worker.js', import.meta.url))).toBe(false);
    process.env.SAMIZDAT_WORKERS = '0';
    expect(workerAvailable(here)).toBe(false);
  });

  it('share a list by chunks: every item once, whoever claims it', () => {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const seen: number[] = [];
    // Two claimants on one counter, taking turns: each chunk goes to one of them.
    let turn = 0;
    forEachClaimed(next, 10, 3, (i) => {
      seen.push(i);
      if (i % 3 === 2 && turn++ === 0) forEachClaimed(next, 10, 3, (j) => seen.push(j));
    });
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    forEachClaimed(next, 10, 3, () => seen.push(-1)); // nothing left to claim
    expect(seen).not.toContain(-1);
  });
});
