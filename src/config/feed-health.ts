import { existsSync } from 'node:fs';
import { IndexDb } from '../archive/index/index-db.js';
import type { FeedState } from '../model/index.js';

export type HealthStatus = 'never' | 'ok' | 'failing' | 'dead';

export interface FeedHealth {
  readonly status: HealthStatus;
  /** One line for people, e.g. "ok, last new item 2024-05-01 08:00Z". */
  readonly text: string;
}

/**
 * The feed states the index remembers, by subs.json URL; undefined when no fetch has run yet.
 * Reads without the archive lock (SQLite's WAL lets a running fetch go on writing) and never
 * creates the index.
 */
export function readFeedStates(indexFile: string): Map<string, FeedState> | undefined {
  if (!existsSync(indexFile)) return undefined;
  const db = IndexDb.open(indexFile);
  try {
    return new Map(db.allFeedStates().map((s) => [s.url, s]));
  } finally {
    db.close();
  }
}

/** How one feed is doing, from its state in the index (none: never fetched). */
export function feedHealth(state: FeedState | undefined, now = Date.now()): FeedHealth {
  if (!state || state.lastFetchAt === undefined) return { status: 'never', text: 'never fetched' };
  const moved = state.movedTo ? `; moved to ${state.movedTo} (update subs.json)` : '';
  if (state.dead) return { status: 'dead', text: `dead (410 Gone) since ${when(state.lastFetchAt)}; remove it from subs.json${moved}` };
  if (state.lastStatus === 'failed' || state.consecutiveFailures > 0) {
    const n = state.consecutiveFailures;
    const backoff = state.nextFetchAt > now ? `, backing off until ${when(state.nextFetchAt)}` : '';
    return { status: 'failing', text: `failing ${n} time${n === 1 ? '' : 's'} in a row, last at ${when(state.lastFetchAt)}${backoff}: ${state.lastError ?? 'unknown error'}${moved}` };
  }
  const last = state.lastNewItemAt !== undefined ? `last new item ${when(state.lastNewItemAt)}` : 'no new item yet';
  return { status: 'ok', text: `ok, ${last} (checked ${when(state.lastFetchAt)})${moved}` };
}

/** Minutes are enough for an hourly job; UTC so CI logs and laptops agree. */
function when(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
