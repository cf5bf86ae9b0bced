import { join, resolve } from 'node:path';
import { loadSiteConfig } from '../config/load-site-config.js';
import { loadSubscriptions } from '../config/load-subscriptions.js';
import { createLogger } from '../log/logger.js';
import { formatOutcome, formatSummary } from '../log/report-lines.js';
import { UsageError } from '../model/index.js';
import { DEFAULTS, fetchAll } from '../pipeline/fetch-all.js';
import { numberOption, parseOptions } from './parse-options.js';

export const HELP = `Usage: samizdat fetch [options]

Fetches every feed in subs.json and writes one post per new article to _posts/.
Prints a line per feed (new / unchanged / failed and why) and a summary.

Options:
  --archive DIR        the mirror (default: the current directory)
  --subs FILE          subscription list (default: DIR/subs.json)
  --json               print the run report as JSON on stdout
  --force              fetch feeds that are backing off or marked dead (410)
  --concurrency N      feeds fetched at once (default ${DEFAULTS.concurrency}; at most ${DEFAULTS.perHost} per host)
  --timeout SECONDS    deadline per feed (default ${DEFAULTS.timeoutMs / 1000}; "timeout" in subs.json overrides per feed)
  --timezone ZONE      zone of dates that carry none (default: _config.yml timezone, else ${DEFAULTS.timeZone})
  --wait SECONDS       wait this long for another run on the same archive (default 0: exit at once)
  --quiet              only warnings and errors
  --verbose            also each post written
  -h, --help           this help

subs.json is a JSON array: [{"site": "美国之音", "url": "https://…/rss.xml"}, …]
with optional per feed: "timeout" (seconds), "encoding" (e.g. "gbk"), "timezone", "headers".
Exit codes: 0 all feeds fine, 1 some feeds failed (all others archived), 2 usage or config error.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('fetch', argv, {
    archive: { type: 'string' }, subs: { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' },
    concurrency: { type: 'string' }, timeout: { type: 'string' }, timezone: { type: 'string' }, wait: { type: 'string' },
    quiet: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  const log = createLogger({ level: values.quiet || values.json ? 'quiet' : values.verbose ? 'verbose' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  const archiveDir = resolve(values.archive ?? '.');
  const subsFile = values.subs ? resolve(values.subs) : join(archiveDir, 'subs.json');
  const { subs, warnings } = loadSubscriptions(subsFile);
  for (const w of warnings) log.warn(w);
  if (subs.length === 0) throw new UsageError(`${subsFile}: no subscriptions; add entries like {"site": "美国之音", "url": "https://…/rss.xml"}`, 'subs');
  const site = loadSiteConfig(join(archiveDir, '_config.yml'));
  const timeZone = values.timezone ?? site.timezone ?? DEFAULTS.timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new UsageError(`fetch: unknown time zone ${JSON.stringify(timeZone)}`);
  }

  const concurrency = numberOption('fetch', 'concurrency', values.concurrency, { min: 1, max: 64 });
  const timeout = numberOption('fetch', 'timeout', values.timeout, { min: 1, max: 600 });
  const wait = numberOption('fetch', 'wait', values.wait, { min: 0, max: 24 * 3600 });
  const report = await fetchAll({
    archiveDir, subs, timeZone, force: values.force ?? false,
    ...(concurrency ? { concurrency } : {}), ...(timeout ? { timeoutMs: timeout * 1000 } : {}), ...(wait ? { waitMs: wait * 1000 } : {}),
    onOpen: (archive) => {
      const s = archive.sync;
      if (s.added > 50) log.info(`indexed ${s.added} posts found in the archive`);
      for (const w of s.skipped) log.warn(w);
    },
    onFeed: (outcome, done, total) => {
      log.report(formatOutcome(outcome), outcome.status === 'failed' || outcome.status === 'dead');
      for (const w of outcome.warnings) log.warn(`${outcome.site}: ${w}`);
      for (const p of outcome.written) log.debug(`  + ${p}`);
      log.progress(`[${done}/${total}] feeds fetched`);
    },
  });
  if (values.json) log.out(`${JSON.stringify(report, null, 2)}\n`);
  else log.info(formatSummary(report));
  return report.totals.failed > 0 ? 1 : 0;
}
