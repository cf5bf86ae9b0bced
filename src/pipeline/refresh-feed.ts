import type { Archive } from '../archive/archive.js';
import { dedupKeys } from '../archive/dedup-keys.js';
import { FetchError } from '../fetch/fetch-error.js';
import { fetchFeed, type FetchOptions } from '../fetch/fetch-feed.js';
import type { FeedState, Subscription } from '../model/index.js';
import { SamizdatError } from '../model/index.js';
import { nextAttemptAt } from './backoff.js';
import type { FeedOutcome } from './feed-outcome.js';
import { parseAndClean, type CleanInput, type CleanOutput } from './parse-and-clean.js';

export interface RefreshContext {
  readonly archive: Archive;
  /** Ignore back-off and dead marks. */
  readonly force: boolean;
  readonly defaultTimeoutMs: number;
  readonly defaultTimeZone: string;
  readonly fetchOptions?: Omit<FetchOptions, 'validators' | 'timeoutMs' | 'headers' | 'encoding'>;
  readonly now?: () => number;
  /** Parse + clean, e.g. on worker threads (clean-pool.ts); in this thread when absent. */
  readonly clean?: (input: CleanInput) => Promise<CleanOutput>;
}

/**
 * One subscription end to end, in the order of the stages: check back-off → fetch
 * (conditional) → handle 304 and errors → parse → clean each item → dedup → write →
 * remember feed state. Never throws: every failure becomes the feed's outcome.
 */
export async function refreshFeed(sub: Subscription, ctx: RefreshContext): Promise<FeedOutcome> {
  const now = ctx.now ?? Date.now;
  const started = now();
  const prev = ctx.archive.feedState(sub.url);
  const base = { site: sub.site, url: sub.url, items: 0, newPosts: 0, rejected: 0, warnings: [] as string[], written: [] as string[] };
  const done = (o: Partial<FeedOutcome> & Pick<FeedOutcome, 'status'>): FeedOutcome => ({ ...base, ...o, ms: now() - started });

  if (prev && !ctx.force) {
    if (prev.dead) return done({ status: 'skipped', code: 'gone', message: 'the server said 410 Gone earlier; remove it from subs.json, or pass --force to try again' });
    if (prev.nextFetchAt > started) {
      return done({ status: 'skipped', code: 'backoff', message: `backing off after ${prev.consecutiveFailures} failure(s) until ${new Date(prev.nextFetchAt).toISOString()} (--force to try now)` });
    }
  }

  const target = prev?.movedTo ?? sub.url;
  let state: FeedState = { url: sub.url, consecutiveFailures: 0, nextFetchAt: 0, dead: false, ...prev, lastFetchAt: started };
  try {
    const result = await fetchFeed(target, {
      ...ctx.fetchOptions,
      timeoutMs: sub.timeoutMs ?? ctx.defaultTimeoutMs,
      validators: { ...(prev?.etag ? { etag: prev.etag } : {}), ...(prev?.lastModified ? { lastModified: prev.lastModified } : {}) },
      ...(sub.headers ? { headers: sub.headers } : {}),
      ...(sub.encoding ? { encoding: sub.encoding } : {}),
    });
    const movedTo = result.permanentUrl && result.permanentUrl !== sub.url ? result.permanentUrl : prev?.movedTo;
    // A 304 may omit the validators: keep the ones that earned it.
    const etag = result.validators.etag ?? (result.kind === 'not-modified' ? prev?.etag : undefined);
    const lastModified = result.validators.lastModified ?? (result.kind === 'not-modified' ? prev?.lastModified : undefined);
    state = {
      url: sub.url, consecutiveFailures: 0, nextFetchAt: 0, dead: false, lastFetchAt: started,
      ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), ...(movedTo ? { movedTo } : {}),
      ...(prev?.lastNewItemAt ? { lastNewItemAt: prev.lastNewItemAt } : {}),
    };
    if (result.kind === 'not-modified') {
      ctx.archive.saveFeedState({ ...state, lastStatus: 'unchanged' });
      return done({ status: 'unchanged', ...(movedTo ? { movedTo } : {}) });
    }

    const fetchedAt = now();
    const input = { text: result.text, feedUrl: result.finalUrl, site: sub.site, timeZone: sub.timezone ?? ctx.defaultTimeZone, fetchedAt };
    const feed = await (ctx.clean ? ctx.clean(input) : parseAndClean(input));
    for (const r of feed.rejected) {
      base.rejected++;
      base.warnings.push(`item ${JSON.stringify(r.title)}: ${r.message}`);
    }
    for (const post of feed.posts) {
      try {
        const path = ctx.archive.addPost(post, dedupKeys(post));
        if (path) base.written.push(path);
      } catch (err) {
        // One bad item (e.g. a disk error on its file) must not cost the feed's other items.
        base.rejected++;
        base.warnings.push(`item ${JSON.stringify(post.title.slice(0, 60))}: ${oneLine(err)}`);
      }
    }
    const status = base.written.length > 0 ? 'new' : 'unchanged';
    ctx.archive.saveFeedState({ ...state, lastStatus: status, ...(base.written.length ? { lastNewItemAt: fetchedAt } : {}) });
    return done({ status, items: feed.items, newPosts: base.written.length, ...(movedTo ? { movedTo } : {}) });
  } catch (err) {
    const failures = (prev?.consecutiveFailures ?? 0) + 1;
    const gone = err instanceof FetchError && err.code === 'gone';
    const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
    const code = err instanceof SamizdatError ? err.code : 'internal';
    ctx.archive.saveFeedState({
      ...state, lastStatus: 'failed', lastError: oneLine(err), consecutiveFailures: failures, dead: gone,
      nextFetchAt: nextAttemptAt(now(), failures, retryAfterMs),
    });
    return done({ status: gone ? 'dead' : 'failed', code, message: oneLine(err) });
  }
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!;
}
