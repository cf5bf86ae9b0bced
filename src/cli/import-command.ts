import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { importMirror, type ImportReport } from '../archive/import/import-mirror.js';
import { printable, reportLines } from '../archive/doctor/summarize.js';
import { KINDS, type Kind } from '../archive/doctor/kinds.js';
import { createLogger, type Logger } from '../log/logger.js';
import { UsageError } from '../model/index.js';
import { numberOption, parseOptions } from './parse-options.js';
import { isFile } from '../archive/path-kind.js';

export const HELP = `Usage: samizdat import PATH [--into DIR] [--merge-duplicates] [--json]
       samizdat import FEEDS.opml [--into DIR]

Takes over a legacy mirror (a Jekyll repository with _posts/, archived/, subs.json,
allurls.dat, _config.yml), in place or copied into a new archive with --into:
  - every post file is kept byte for byte (copies are atomic); nothing is rewritten
  - the links of all posts and every URL in allurls.dat become dedup keys in the index
    (.samizdat/), so fetch never archives those articles again
  - subs.json is checked the way fetch reads it; _config.yml (permalink, timezone) is reused
  - symbolic links are never followed; binary, non-UTF-8 and huge files are reported and kept
  - duplicates (one article in several posts) are reported; with --merge-duplicates the
    earliest post stays and lists the others' URLs in "redirect_from:", so old links keep working
Then run samizdat doctor for the rest (YAML, epoch comments, Liquid, file names …).

With an OPML file (a .opml name, or content with <opml>) its feeds are added to subs.json,
as samizdat subs import does.

Options:
  --into DIR           copy into DIR (a new or empty folder) instead of importing in place
  --merge-duplicates   keep one post per article (the earliest; on a tie the one in _posts/)
  --wait SECONDS       wait this long for a running fetch to finish (default 0)
  --json               print the report as JSON on stdout
  -h, --help           this help

Exit codes: 0 imported, 1 imported but some files need care (see the report), 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions('import', argv, {
    into: { type: 'string' }, 'merge-duplicates': { type: 'boolean' }, wait: { type: 'string' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  }, true);
  const log = createLogger({ level: values.json ? 'quiet' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`import: expected one PATH (a legacy mirror folder or an OPML file), got ${positionals.length} (samizdat import --help)`);
  const path = resolve(positionals[0]!);
  const waitS = numberOption('import', 'wait', values.wait, { min: 0, max: 3600 });
  if (isFile(path)) {
    if (!isOpml(path)) throw new UsageError(`import: ${path} is a file but not OPML; give a mirror folder or an OPML file`);
    const { run: subs } = await import('./subs-command.js');
    return subs(['import', path, '--archive', values.into ?? '.', ...(values.wait ? ['--wait', values.wait] : [])]);
  }
  const report = await importMirror({
    source: path, ...(values.into ? { into: values.into } : {}), mergeDuplicates: values['merge-duplicates'] ?? false,
    ...(waitS ? { waitMs: waitS * 1000 } : {}), onProgress: (line) => log.progress(line),
  });
  if (values.json) log.out(`${JSON.stringify(report, null, 2)}\n`);
  else print(report, log);
  const subsBroken = report.subs !== null && 'error' in report.subs;
  return report.findings.length || subsBroken || report.config.error || report.merge?.problems.length ? 1 : 0;
}

function print(r: ImportReport, log: Logger): void {
  const where = r.archive === r.source ? `in place in ${r.archive}` : `from ${r.source} into ${r.archive} (${r.copied} files copied)`;
  log.info(`imported ${r.posts} post files ${where}; ${r.indexed} posts indexed, ${r.legacyUrls} URLs from allurls.dat`);
  if (r.subs === null) log.warn('no subs.json: add feeds with samizdat subs add URL');
  else if ('error' in r.subs) log.warn(`subs.json kept but fetch will refuse it: ${r.subs.error}`);
  else {
    log.info(`subs.json: ${r.subs.feeds} feeds`);
    for (const w of r.subs.warnings) log.warn(w);
  }
  if (r.config.error) log.warn(`_config.yml kept but not readable, URLs use the defaults: ${r.config.error}`);
  else log.info(`_config.yml: permalink ${r.config.config.permalink ?? '(default /:year-:month-:day/:title/)'}, timezone ${r.config.config.timezone ?? 'UTC'}`);
  const counts = new Map<Kind, Array<{ path: string; detail: string }>>();
  for (const f of r.findings) counts.set(f.kind, [...(counts.get(f.kind) ?? []), f]);
  const summary = [...counts].map(([kind, list]) => ({ kind, what: KINDS[kind].what, fix: KINDS[kind].fix, count: list.length, examples: list.slice(0, 3) }));
  for (const line of reportLines(summary)) log.info(line);
  const extra = r.duplicates.reduce((n, g) => n + g.remove.length, 0);
  if (r.duplicates.length) {
    log.info(`duplicates: ${r.duplicates.length} articles are archived ${extra + r.duplicates.length} times (${extra} extra posts)`);
    for (const g of r.duplicates.slice(0, 3)) log.info(`  ${printable(g.keep)} (kept) = ${g.remove.map(printable).join(', ')}`);
  }
  if (r.merge) {
    log.info(`merged ${r.merge.merged} duplicate groups: removed ${r.merge.removed.length} posts, ${r.merge.redirects.length} old URLs now redirect (redirect_from:)`);
    for (const p of r.merge.problems) log.warn(printable(p));
  } else if (r.duplicates.length) log.info('run again with --merge-duplicates to keep one post per article (old URLs keep working)');
  log.info('next: samizdat doctor --archive DIR for a full check of every post');
}


function isOpml(path: string): boolean {
  if (/\.opml$/i.test(path)) return true;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    return /<opml[\s>]/i.test(head.subarray(0, n).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
