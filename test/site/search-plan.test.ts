import { describe, expect, it } from 'vitest';
import { liveKeys, MAX_SEGMENTS, planSearchBuild, type SearchState } from '../../src/site/search/search-plan.js';

const keys = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `k${from + i}`);

/** Applies a plan as the generator does: one segment over the planned posts, a passage each. */
function apply(plan: ReturnType<typeof planSearchBuild>): SearchState {
  const { state } = plan;
  if (plan.index) {
    state.segments.splice(plan.keep, state.segments.length, { id: `s${state.segments.length}`, shards: 1, firstDoc: plan.index.firstDoc, docs: plan.index.docs, passages: plan.index.docs });
  }
  return state;
}

describe('search index plan', () => {
  it('indexes everything, in the order given, when there is no earlier index or another format', () => {
    const first = planSearchBuild('f', undefined, keys(0, 100));
    expect(first).toMatchObject({ keep: 0, index: { firstDoc: 0, docs: 100 } });
    const state = apply(first);
    expect(planSearchBuild('g', state, keys(0, 100))).toMatchObject({ keep: 0, index: { firstDoc: 0, docs: 100 } });
  });

  it('keeps every segment when nothing changed, and only marks posts that left the site', () => {
    const state = apply(planSearchBuild('f', undefined, keys(0, 100)));
    expect(planSearchBuild('f', state, keys(0, 100))).toEqual({ state: expect.anything(), keep: 1 });
    const gone = planSearchBuild('f', state, keys(1, 100));
    expect(gone.keep).toBe(1);
    expect(gone.index).toBeUndefined();
    expect(gone.state.keys[0]).toBe('');
  });

  it('adds new posts as a segment after the others, numbered after the last post', () => {
    const state = apply(planSearchBuild('f', undefined, keys(0, 100)));
    const plan = planSearchBuild('f', state, keys(0, 110));
    expect(plan).toMatchObject({ keep: 1, index: { firstDoc: 100, docs: 10 } });
    expect(plan.state.keys.slice(100)).toEqual(keys(100, 110));
  });

  it('merges recent segments as they grow, stays under the segment limit, and starts over when the new part rivals the first', () => {
    let state = apply(planSearchBuild('f', undefined, keys(0, 2_000)));
    let n = 2_000;
    const counts: number[] = [];
    let restarted = false;
    for (let round = 0; round < 600 && !restarted; round++) {
      const plan = planSearchBuild('f', state, keys(0, n + 10));
      n += 10;
      restarted = plan.keep === 0;
      state = apply(plan);
      counts.push(state.segments.length);
      // Segments cover every post once, in order.
      let next = 0;
      for (const s of state.segments) {
        expect(s.firstDoc).toBe(next);
        next += s.docs;
      }
      expect(next).toBe(n);
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_SEGMENTS);
    expect(Math.max(...counts)).toBeGreaterThan(2);
    expect(restarted).toBe(true); // once the additions reached half the first segment
    expect(n).toBeGreaterThanOrEqual(2_000 + 600);
  });

  it('starts over, in date order, when more than a tenth of the indexed posts left the site', () => {
    const state = apply(planSearchBuild('f', undefined, keys(0, 100)));
    expect(planSearchBuild('f', state, keys(5, 100)).keep).toBe(1);
    const plan = planSearchBuild('f', state, keys(20, 100));
    expect(plan).toMatchObject({ keep: 0, index: { firstDoc: 0, docs: 80 } });
    expect(plan.state.keys).toEqual(keys(20, 100));
  });
});

describe('the index\'s live keys', () => {
  /** What liveKeys must give, by sets. */
  const reference = (indexed: readonly string[], keys: readonly string[]): { live: string[]; added: string[] } => {
    const wanted = new Set(keys);
    const live = indexed.map((k) => (wanted.has(k) ? k : ''));
    const known = new Set(live);
    return { live, added: keys.filter((k) => !known.has(k)) };
  };

  it('are the keys still wanted, and the new ones in order, whatever the order of the keys given', () => {
    let seed = 11;
    const next = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 400; round++) {
      const indexed = keys(0, 50 + Math.floor(next() * 50)).map((k) => (next() < 0.05 ? '' : k));
      // What a build gives: the live keys in the index's order, minus some, then new ones…
      let given = indexed.filter((k) => k && next() > 0.05);
      given.push(...keys(1000 + round * 10, 1000 + round * 10 + Math.floor(next() * 5)));
      // …or in another order: a live key after a new one, two swapped, a new key twice, a removed key back.
      const kind = round % 5;
      if (kind === 1 && given.length > 2) given.push(given.splice(1, 1)[0]!);
      if (kind === 2) given.sort(() => next() - 0.5);
      if (kind === 3) given.push('k9999', 'k9999');
      if (kind === 4) given = [...given, ...indexed.filter((k) => k).slice(0, 2)];
      expect(liveKeys(indexed, given), `round ${round}`).toEqual(reference(indexed, given));
    }
  });
});
