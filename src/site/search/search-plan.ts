/**
 * How a build extends the search index it built last time (remembered between builds as a
 * SearchState): which segments it keeps, which posts it indexes into a new segment, or
 * whether it starts over. Posts are known by a key that changes with anything their search
 * record is made from, so a changed post is a removed one plus a new one.
 */

export interface IndexedSegment {
  readonly id: string;
  readonly shards: number;
  /** The segment holds posts firstDoc … firstDoc+docs-1. */
  readonly firstDoc: number;
  readonly docs: number;
  readonly passages: number;
}

export interface SearchState {
  readonly format: string;
  /** Per post number: its key, or '' once it left the site (its number stays taken). */
  readonly keys: string[];
  /** Per post number: its passages (1 for a post removed before its segment was indexed again). */
  readonly parts: number[];
  readonly segments: IndexedSegment[];
}

export interface SearchPlan {
  /** The state after this build; the caller fills in `parts` and the new segment. */
  readonly state: SearchState;
  /** The first `keep` segments stay as they are. */
  readonly keep: number;
  /** Posts to index into one new segment that replaces the segments after `keep`. */
  readonly index?: { readonly firstDoc: number; readonly docs: number };
}

/** Start over when more than this share of the indexed posts left the site. */
export const REMOVED_SHARE = 0.1;
/** Never more segments than this (each costs a request per key of a query). */
export const MAX_SEGMENTS = 12;

/**
 * `keys`: the site's posts, oldest first. Recent segments merge into the new one while they
 * are at most twice its size (each post is indexed again O(log n) times, like the levels of
 * an LSM tree); once the new segment would be half as big as the first, everything is
 * indexed afresh, in date order.
 */
/** Whether an index remembered as `previous` can be extended by a build of `format` (otherwise it starts afresh). */
export function extendable(previous: Pick<SearchState, 'format' | 'segments'> | undefined, format: string): boolean {
  return previous !== undefined && previous.format === format && previous.segments.length > 0;
}

export function planSearchBuild(format: string, previous: SearchState | undefined, keys: readonly string[]): SearchPlan {
  const fresh = (): SearchPlan => ({
    state: { format, keys: [...keys], parts: keys.map(() => 1), segments: [] },
    keep: 0,
    ...(keys.length ? { index: { firstDoc: 0, docs: keys.length } } : {}),
  });
  if (!previous || !extendable(previous, format)) return fresh();
  const { live, added } = liveKeys(previous.keys, keys);
  const state: SearchState = { format, keys: live, parts: [...previous.parts], segments: [...previous.segments] };
  const removed = state.keys.reduce((n, k) => n + (k ? 0 : 1), 0);
  if (removed > state.keys.length * REMOVED_SHARE) return fresh();
  if (added.length === 0) return { state, keep: state.segments.length };

  const firstNew = state.keys.length;
  state.keys.push(...added);
  state.parts.push(...added.map(() => 1));
  let keep = state.segments.length;
  let docs = added.length;
  while (keep > 1) {
    const last = state.segments[keep - 1]!;
    if (last.docs > 2 * docs && keep < MAX_SEGMENTS) break;
    keep--;
    docs += last.docs;
  }
  if (keep === 1 && state.segments[0]!.docs <= 2 * docs) return fresh();
  const firstDoc = keep < state.segments.length ? state.segments[keep]!.firstDoc : firstNew;
  return { state, keep, index: { firstDoc, docs: state.keys.length - firstDoc } };
}

/**
 * The index's keys with those no longer among `keys` emptied (`live`), and the keys it does not
 * hold yet (`added`, in the order given). An incremental build gives the index's live keys in
 * their order, then the new ones: met in order, they are paired in one pass; only when the
 * order differs are sets of 100k keys built.
 */
export function liveKeys(indexed: readonly string[], keys: readonly string[]): { live: string[]; added: string[] } {
  const live = new Array<string>(indexed.length);
  let j = 0;
  for (let i = 0; i < indexed.length; i++) {
    const k = indexed[i]!;
    if (k && j < keys.length && keys[j] === k) {
      live[i] = k;
      j++;
    } else live[i] = '';
  }
  // The rest must all be new: a key the index holds among them means another order.
  const rest = keys.slice(j);
  const restSet = new Set(rest);
  if (restSet.size === rest.length && !indexed.some((k) => k !== '' && restSet.has(k))) return { live, added: rest };
  const wanted = new Set(keys);
  const all = indexed.map((k) => (wanted.has(k) ? k : ''));
  const known = new Set(all);
  return { live: all, added: keys.filter((k) => !known.has(k)) };
}
