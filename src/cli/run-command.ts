import { join, resolve } from 'node:path';
import { createLogger } from '../log/logger.js';
import { SamizdatError, UsageError } from '../model/index.js';
import { DEFAULTS } from '../pipeline/fetch-all.js';
import { loadCycleSetup } from './cycle-setup.js';
import { restoreSite } from './restore-site.js';
import { numberOption, parseOptions } from './parse-options.js';
import { formatCycle, runCycle, type CycleOptions } from './run-cycle.js';
import { jittered, parseDuration, watchStopSignals } from './run-schedule.js';

export const HELP = `Usage: samizdat run [options]

Fetches every feed in subs.json, then builds the site: one summary line, one exit code.
Feeds that fail are named on a line each; --verbose shows every feed.

Options:
  --archive DIR        the mirror (default: the current directory)
  --every DURATION     keep running: a cycle every DURATION (e.g. 15m, 1h, 1h30m), ±10% jitter,
                       for hosts without cron; subs.json and _config.yml are read again each cycle
  --subs FILE          subscription list (default: DIR/subs.json)
  --out DIR            where the site goes (default: DIR/_site)
  --full               rebuild every page of the site
  --site-branch NAME   when the output folder is empty or missing (a fresh clone), start from the
                       site last deployed to branch NAME by publish --site-branch (fetched from
                       origin): only what changed since is written
  --force              fetch feeds that are backing off or marked dead (410)
  --concurrency N      feeds fetched at once (default ${DEFAULTS.concurrency})
  --timeout SECONDS    deadline per feed (default ${DEFAULTS.timeoutMs / 1000})
  --timezone ZONE      zone of feed dates that carry none (default: _config.yml timezone, else ${DEFAULTS.timeZone})
  --wait SECONDS       wait this long for another run on the same archive (default 0)
  --json               one JSON line per cycle on stdout: {"code", "fetch", "build"}
  --quiet              only warnings and errors
  --verbose            also a line per feed and per skipped post
  -h, --help           this help

Stopping: the first SIGINT (Ctrl-C) or SIGTERM lets the running cycle finish (fetch, then
build) and starts no other; a second one ends the process at once, killed by that signal
(the shell shows 130 for SIGINT, 143 for SIGTERM). Posts are written
atomically and the archive lock is released by the OS, so even a hard kill leaves a
consistent archive that the next run completes.
Exit codes: 0 all feeds fine, 1 some feeds failed (all others archived, site built) or the
archive was busy, 2 usage or config error. With --every: 0 when stopped by a signal, 2 when
the first cycle finds a usage or config error (later ones are reported and retried).`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('run', argv, {
    archive: { type: 'string' }, every: { type: 'string' }, subs: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' }, 'site-branch': { type: 'string' },
    force: { type: 'boolean' }, concurrency: { type: 'string' }, timeout: { type: 'string' }, timezone: { type: 'string' }, wait: { type: 'string' },
    json: { type: 'boolean' }, quiet: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  const log = createLogger({ level: values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  const everyMs = values.every === undefined ? undefined : parseDuration('run: --every', values.every);
  const archiveDir = resolve(values.archive ?? '.');
  const subsFile = values.subs ? resolve(values.subs) : join(archiveDir, 'subs.json');
  const concurrency = numberOption('run', 'concurrency', values.concurrency, { min: 1, max: 64 });
  const timeout = numberOption('run', 'timeout', values.timeout, { min: 1, max: 600 });
  const wait = numberOption('run', 'wait', values.wait, { min: 0, max: 24 * 3600 });
  const base = {
    archiveDir, outDir: values.out ? resolve(values.out) : join(archiveDir, '_site'), force: values.force ?? false, full: values.full ?? false,
    ...(concurrency ? { concurrency } : {}), ...(timeout ? { timeoutMs: timeout * 1000 } : {}), ...(wait ? { waitMs: wait * 1000 } : {}),
  };
  const cycle = async (): Promise<Outcome> => {
    const started = Date.now();
    const result = await runCycle({ ...base, setup: loadCycleSetup(archiveDir, subsFile, values.timezone) } satisfies CycleOptions, log);
    if (values.json) log.out(`${JSON.stringify({ code: result.code, fetch: result.fetch, build: { ...result.build, outDir: base.outDir } })}\n`);
    return { line: formatCycle(result, Date.now() - started), code: result.code };
  };

  const stop = watchStopSignals(
    (signal) => log.warn(`${signal}: stopping after the current ${everyMs ? 'cycle' : 'run'}; send it again to exit at once`),
    (signal) => {
      log.error(`${signal} again: exiting now`);
      // Die by the signal itself (our handlers are gone): the shell reports 128+n (130 for
      // SIGINT, 143 for SIGTERM) and no exit hook can mistake it for a normal end.
      process.kill(process.pid, signal);
    },
  );
  try {
    if (values['site-branch']) await restoreSite('run', archiveDir, base.outDir, values['site-branch'], log);
    if (everyMs === undefined) {
      const r = await cycle();
      log.info(`run: ${r.line}`);
      return r.code;
    }
    for (let first = true; !stop.requested; first = false) {
      const started = Date.now();
      const r = await scheduled(cycle, first);
      const next = started + jittered(everyMs);
      const when = stop.requested ? '' : `; next at ${new Date(next).toISOString().slice(0, 19)}Z`;
      if ('line' in r) log.info(`run: ${r.line}${when}`);
      else log.error(`${r.error}${when}`);
      await stop.sleep(next - Date.now());
    }
    return 0;
  } finally {
    stop.dispose();
  }
}

interface Outcome {
  readonly line: string;
  readonly code: number;
}

/** A cycle under --every: errors are reported and the schedule goes on, except a config error in the first cycle. */
async function scheduled(cycle: () => Promise<Outcome>, first: boolean): Promise<Outcome | { error: string }> {
  try {
    return await cycle();
  } catch (err) {
    if (!(err instanceof SamizdatError) || (first && err instanceof UsageError)) throw err;
    return { error: err.message };
  }
}
