import { join, resolve } from 'node:path';
import { Archive } from '../archive/archive.js';
import { applyFixes, removeTempFiles, type FixResult } from '../archive/doctor/apply-fixes.js';
import { diagnoseArchive } from '../archive/doctor/diagnose-archive.js';
import { isFixable } from '../archive/doctor/kinds.js';
import { planFixes, type FixPlan } from '../archive/doctor/plan-fixes.js';
import { printable, reportLines, summarize } from '../archive/doctor/summarize.js';
import { syncIndex } from '../archive/index/sync-index.js';
import { urlRules } from '../archive/import/post-url.js';
import { POST_ROOTS } from '../archive/posts/list-posts.js';
import { loadSiteConfig } from '../config/load-site-config.js';
import { createLogger } from '../log/logger.js';
import { SamizdatError, UsageError } from '../model/index.js';
import { numberOption, parseOptions } from './parse-options.js';
import { isDir, isLink } from '../archive/path-kind.js';

export const HELP = `Usage: samizdat doctor [--archive DIR] [--fix [--write]] [--json]

Checks every post in _posts/ and archived/ and prints a report by kind, with counts and up to
three example files each:
  yaml-invalid, yaml-roundtrip   front matter that is not valid YAML, or that YAML reads differently
                                 from what was written (an unquoted #, yes/no, a date as author)
  missing-field, bad-date        no title, date or from:; a date in the future or before 1990
  epoch-nan, epoch-missing       <!--NaN--> or no <!--epoch--> comment after the front matter
  liquid                         {{ or {% in the body outside {% raw %} (Jekyll would run it)
  unsafe-html                    script, iframe, on* handlers, javascript: URLs
  bad-file-name, case-collision  names that break a Windows or macOS checkout
  duplicate                      the same article (normalised link) in several posts
  symlink, not-a-post, too-large, not-text   files that are not readable posts

Options:
  --archive DIR        the mirror (default: the current directory)
  --fix                list what would be repaired (a dry run: nothing is written)
  --write              with --fix: repair. Posts are rewritten in the current format (YAML quoted,
                       Liquid wrapped in a raw block, the epoch comment set, content sanitized) and
                       badly named files renamed in their folder. Every write is atomic. A post whose
                       URL would change gets its old URL as "permalink:" in its front matter.
                       Duplicates are merged by: samizdat import DIR --merge-duplicates
  --wait SECONDS       (--write) wait this long for a running fetch to finish (default 0)
  --json               print the report as JSON on stdout
  -h, --help           this help

Exit codes: 0 no problems (or all repaired), 1 problems remain, 2 usage or config error.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('doctor', argv, {
    archive: { type: 'string' }, fix: { type: 'boolean' }, write: { type: 'boolean' }, wait: { type: 'string' },
    json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  const log = createLogger({ level: values.json ? 'quiet' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  if (values.write && !values.fix) throw new UsageError('doctor: --write applies the repairs of --fix; use --fix --write (samizdat doctor --help)');
  const root = resolve(values.archive ?? '.');
  if (!isDir(root)) throw new UsageError(`doctor: ${root} is not a folder`);
  const config = loadSiteConfig(join(root, '_config.yml'));
  const rules = urlRules(config);
  checkTimeZone(rules.timeZone, root);
  const waitS = numberOption('doctor', 'wait', values.wait, { min: 0, max: 3600 });

  let archive: Archive | undefined;
  if (values.write) {
    // Writing through a post folder that is a link would write outside the archive.
    for (const dir of POST_ROOTS) if (isLink(join(root, dir))) throw new SamizdatError('archive', 'bad-path', `doctor: ${join(root, dir)} is a symbolic link; make it a folder before --write`);
    archive = await Archive.open(root, { command: 'doctor --fix --write', ...(waitS ? { waitMs: waitS * 1000 } : {}) });
  }
  try {
    const diagnosis = diagnoseArchive(root, { onPost: (done, total) => done % 500 === 0 && log.progress(`checked ${done}/${total} posts`) });
    const summary = summarize(diagnosis);
    let plan: FixPlan | undefined;
    let result: FixResult | undefined;
    let tempRemoved = 0;
    if (values.fix) plan = planFixes(root, diagnosis, rules);
    if (plan && archive) {
      tempRemoved = removeTempFiles(root, diagnosis.tempFiles);
      result = await applyFixes(root, plan.actions, (done) => done % 100 === 0 && log.progress(`repaired ${done}/${plan!.actions.length} posts`));
      syncIndex(root, archive.index);
    }
    const fixedPaths = new Set(result ? plan!.actions.map((a) => a.path).filter((p) => !result!.failed.some((f) => f.startsWith(`${p}: `))) : []);
    const remaining = diagnosis.findings.filter((f) => !(isFixable(f.kind) && fixedPaths.has(f.path))).length;

    if (values.json) {
      log.out(`${JSON.stringify({
        archive: root, posts: diagnosis.posts, problems: diagnosis.findings.length, remaining,
        kinds: summary, duplicateGroups: diagnosis.duplicates.length,
        ...(plan ? { fix: {
          write: Boolean(values.write),
          actions: plan.actions.map(({ text: _text, ...a }) => a),
          skipped: plan.skipped,
          ...(result ? { rewritten: result.rewritten, renamed: result.renamed, failed: result.failed, tempFilesRemoved: tempRemoved } : {}),
        } } : {}),
      }, null, 2)}\n`);
    } else {
      log.info(`doctor: ${diagnosis.posts} post files in ${root}: ${diagnosis.findings.length === 0 ? 'no problems' : `${diagnosis.findings.length} problems`}`);
      for (const line of reportLines(summary)) log.info(line);
      if (plan) {
        const verb = values.write ? '' : 'would ';
        for (const a of plan.actions) {
          const what = a.newPath ? `${verb}rename ${printable(a.path)} -> ${printable(a.newPath)}` : `${verb}rewrite ${printable(a.path)}`;
          log.info(`${what} (${a.kinds.join(', ')})${a.keptUrl ? `; keeps its URL ${a.keptUrl} as permalink:` : ''}`);
        }
        for (const s of plan.skipped) log.warn(printable(s));
        if (result) {
          for (const f of result.failed) log.warn(`not repaired: ${printable(f)}`);
          log.info(`repaired ${plan.actions.length - result.failed.length} posts (${result.rewritten} rewritten, ${result.renamed} renamed)${tempRemoved ? `, removed ${tempRemoved} temp files of a killed run` : ''}; ${remaining} problems remain`);
        } else if (plan.actions.length) log.info(`${plan.actions.length} posts would be repaired; run again with --fix --write to apply`);
        else log.info('nothing to repair automatically');
      } else if (diagnosis.findings.some((f) => isFixable(f.kind))) log.info('samizdat doctor --fix lists the repairs; --fix --write applies them');
    }
    return remaining === 0 ? 0 : 1;
  } finally {
    archive?.close();
  }
}

function checkTimeZone(zone: string, root: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new UsageError(`${join(root, '_config.yml')}: unknown timezone ${JSON.stringify(zone)}`, 'config');
  }
}


