import type { Logger } from '../log/logger.js';
import { formatOutcome } from '../log/report-lines.js';
import type { RunReport } from '../pipeline/feed-outcome.js';
import { fetchAll } from '../pipeline/fetch-all.js';
import { buildSite, type BuildReport } from '../site/build-site.js';
import type { CycleSetup } from './cycle-setup.js';

export interface CycleOptions {
  readonly archiveDir: string;
  readonly outDir: string;
  readonly setup: CycleSetup;
  readonly force?: boolean;
  readonly full?: boolean;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  readonly waitMs?: number;
}

export interface CycleResult {
  /** 0: every feed fine and the site built; 1: some feeds failed (the rest archived and built). */
  readonly code: 0 | 1;
  readonly fetch: RunReport;
  readonly build: BuildReport;
}

/**
 * One fetch then one build. Feed lines go to the log only for problems (or with --verbose);
 * the caller prints the summary. A SamizdatError from either stage (archive locked, a file
 * that cannot be written) propagates: the caller decides whether the schedule goes on.
 */
export async function runCycle(o: CycleOptions, log: Logger): Promise<CycleResult> {
  for (const w of o.setup.warnings) log.warn(w);
  const fetch = await fetchAll({
    archiveDir: o.archiveDir, subs: o.setup.subs, timeZone: o.setup.timeZone, force: o.force ?? false,
    ...(o.concurrency ? { concurrency: o.concurrency } : {}), ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}), ...(o.waitMs ? { waitMs: o.waitMs } : {}),
    onOpen: (archive) => {
      for (const w of archive.sync.skipped) log.warn(w);
    },
    onFeed: (outcome, done, total) => {
      const problem = outcome.status === 'failed' || outcome.status === 'dead';
      if (problem) log.report(formatOutcome(outcome), true);
      else log.debug(formatOutcome(outcome));
      for (const w of outcome.warnings) log.debug(`${outcome.site}: ${w}`);
      log.progress(`[${done}/${total}] feeds fetched`);
    },
  });
  const build = await buildSite({
    archiveDir: o.archiveDir, outDir: o.outDir, config: o.setup.config, full: o.full ?? false,
    onProgress: (done, generator) => log.progress(`${done} files written (${generator})`),
  });
  for (const s of build.skipped) log.debug(`site: skipped ${s}`);
  return { code: fetch.totals.failed > 0 ? 1 : 0, fetch, build };
}

/** The one line a cycle ends with. */
export function formatCycle(r: CycleResult, ms: number): string {
  const t = r.fetch.totals;
  const b = r.build;
  const skipped = b.skipped.length ? `, ${b.skipped.length} posts skipped` : '';
  return `${t.feeds} feeds: ${t.new} with new posts, ${t.unchanged} unchanged, ${t.failed} failed, ${t.skipped} skipped; ${t.posts} posts written; ` +
    `site: ${b.posts} posts, ${b.written} files written, ${b.removed} removed${skipped}; ${(ms / 1000).toFixed(1)} s`;
}
