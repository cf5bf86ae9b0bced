import type { SiteOutput } from '../site-model.js';
import type { SearchState } from './search-plan.js';

/** Where a generator's state lives between builds. */
export type StateMemory = Pick<SiteOutput, 'recall' | 'remember'>;

/** The search index's state as remembered: the plan's, and what the posts' keys were made from. */
export type RememberedState = SearchState & { readonly basis?: string };

/**
 * The state's per-post lists (100k keys: 2 MB of JSON) are remembered in pieces of this many
 * posts, each under a key of its own: an hourly build changes the last piece or two, and the
 * site cache rewrites only the entries that changed.
 */
export const STATE_PIECE = 4096;

/** The state's lists for posts n·piece … (n+1)·piece−1. */
interface StatePiece {
  readonly keys: string[];
  readonly parts: number[];
}

const pieceKey = (key: string, n: number): string => `${key}:${n}`;

/** Remembers `state` under `key` (the head) and `key:0`, `key:1`… (the pieces of its lists). */
export function rememberState(memory: StateMemory, key: string, state: SearchState, basis: string, piece = STATE_PIECE): void {
  const { keys, parts, ...rest } = state;
  const pieces = Math.ceil(keys.length / piece);
  memory.remember(key, JSON.stringify({ ...rest, basis, pieces }));
  for (let n = 0; n < pieces; n++) {
    const p: StatePiece = { keys: keys.slice(n * piece, (n + 1) * piece), parts: parts.slice(n * piece, (n + 1) * piece) };
    memory.remember(pieceKey(key, n), JSON.stringify(p));
  }
}

/** The head remembered under `key` (the state but its lists, and how many pieces hold them); none when missing or damaged. */
function recallHead(recall: StateMemory['recall'], key: string): (Omit<RememberedState, 'keys' | 'parts'> & { pieces: number }) | undefined {
  const head = JSON.parse(recall(key) ?? 'null') as (Omit<RememberedState, 'keys' | 'parts'> & { pieces?: unknown }) | null;
  if (!head || typeof head.format !== 'string' || !Array.isArray(head.segments) || typeof head.pieces !== 'number' || !Number.isInteger(head.pieces)) return undefined;
  return { ...head, pieces: head.pieces };
}

/** What a remembered state's head says of the index it describes, without reading its pieces. */
export function recallStateHead(recall: StateMemory['recall'], key: string): Pick<RememberedState, 'format' | 'basis' | 'segments'> | undefined {
  try {
    return recallHead(recall, key);
  } catch {
    return undefined;
  }
}

/** The state remembered under `key`; none when the head or a piece is missing or damaged (the index then starts over). */
export function recallState(memory: StateMemory, key: string): RememberedState | undefined {
  try {
    const recalled = recallHead((k) => memory.recall(k), key);
    if (!recalled) return undefined;
    const { pieces, ...head } = recalled;
    const keys: string[] = [];
    const parts: number[] = [];
    for (let n = 0; n < pieces; n++) {
      const p = JSON.parse(memory.recall(pieceKey(key, n)) ?? 'null') as Partial<StatePiece> | null;
      if (!Array.isArray(p?.keys) || !Array.isArray(p.parts) || p.keys.length !== p.parts.length) return undefined;
      for (const k of p.keys) keys.push(k);
      for (const part of p.parts) parts.push(part);
    }
    return { ...head, keys, parts };
  } catch {
    return undefined;
  }
}
