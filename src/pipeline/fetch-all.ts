import { Archive } from '../archive/archive.js';
import type { Subscription } from '../model/index.js';
import { createCleanPool } from './clean-pool.js';
import { summarize, type FeedOutcome, type RunReport } from './feed-outcome.js';
import { refreshFeed, type RefreshContext } from './refresh-feed.js';
import { hostOf, runPool } from './run-pool.js';

export interface FetchAllOptions {
  readonly archiveDir: string;
  readonly subs: readonly Subscription[];
  readonly concurrency?: number;
  readonly perHost?: number;
  readonly force?: boolean;
  readonly timeoutMs?: number;
  readonly timeZone?: string;
  readonly waitMs?: number;
  readonly userAgent?: string;
  /** Called as each feed finishes (progress, live report lines). */
  readonly onFeed?: (outcome: FeedOutcome, done: number, total: number) => void;
  /** Index sync results, before any feed is fetched. */
  readonly onOpen?: (archive: Archive) => void;
}

export const DEFAULTS = { concurrency: 8, perHost: 2, timeoutMs: 30_000, timeZone: 'Asia/Shanghai' } as const;

/** How often the index commits during a run (posts and feed states written since). */
const FLUSH_MS = 500;

/** Fetches every subscription into the archive, under the archive's lock. */
export async function fetchAll(options: FetchAllOptions): Promise<RunReport> {
  const started = Date.now();
  const archive = await Archive.open(options.archiveDir, { waitMs: options.waitMs ?? 0, command: 'fetch' });
  const pool = createCleanPool();
  try {
    options.onOpen?.(archive);
    const ctx: RefreshContext = {
      archive,
      force: options.force ?? false,
      defaultTimeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      defaultTimeZone: options.timeZone ?? DEFAULTS.timeZone,
      clean: (input) => pool.clean(input),
      ...(options.userAgent ? { fetchOptions: { userAgent: options.userAgent } } : {}),
    };
    let done = 0;
    const feeds = await runPool(
      options.subs,
      { concurrency: options.concurrency ?? DEFAULTS.concurrency, perKey: options.perHost ?? DEFAULTS.perHost, key: (s) => hostOf(s.url) },
      async (sub) => {
        const outcome = await refreshFeed(sub, ctx);
        archive.flushEvery(FLUSH_MS);
        options.onFeed?.(outcome, ++done, options.subs.length);
        return outcome;
      },
    );
    return { startedAt: new Date(started).toISOString(), ms: Date.now() - started, archive: archive.root, feeds, totals: summarize(feeds) };
  } finally {
    archive.close();
    await pool.close();
  }
}
