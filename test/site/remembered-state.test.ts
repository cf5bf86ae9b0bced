import { describe, expect, it } from 'vitest';
import { recallState, rememberState, type StateMemory } from '../../src/site/search/remembered-state.js';
import type { SearchState } from '../../src/site/search/search-plan.js';

const memory = (): StateMemory & { entries: Map<string, string> } => {
  const entries = new Map<string, string>();
  return { entries, recall: (k) => entries.get(k), remember: (k, v) => void entries.set(k, v) };
};

const state: SearchState = {
  format: 'f',
  keys: Array.from({ length: 10 }, (_, i) => (i === 4 ? '' : `key${i}`)),
  parts: Array.from({ length: 10 }, (_, i) => 1 + (i % 3)),
  segments: [{ id: 'seg', shards: 2, firstDoc: 0, docs: 10, passages: 19 }],
};

describe("the search index's remembered state", () => {
  it('comes back as it was remembered, its lists in pieces', () => {
    const m = memory();
    rememberState(m, 'search', state, 'basis', 4);
    expect([...m.entries.keys()]).toEqual(['search', 'search:0', 'search:1', 'search:2']);
    expect(JSON.parse(m.entries.get('search:2')!)).toEqual({ keys: ['key8', 'key9'], parts: [3, 1] });
    expect(recallState(m, 'search')).toEqual({ ...state, basis: 'basis' });
  });

  it('is none when a piece is missing or damaged, or the head is of an earlier format', () => {
    for (const damage of [
      (m: Map<string, string>) => m.delete('search:1'),
      (m: Map<string, string>) => m.set('search:1', '{"keys":["a"],"parts":[]}'),
      (m: Map<string, string>) => m.set('search:0', '{"keys":'),
      (m: Map<string, string>) => m.set('search', JSON.stringify({ ...state, basis: 'basis' })), // lists in the head, no pieces
    ]) {
      const m = memory();
      rememberState(m, 'search', state, 'basis', 4);
      damage(m.entries);
      expect(recallState(m, 'search')).toBeUndefined();
    }
    expect(recallState(memory(), 'search')).toBeUndefined();
  });
});
