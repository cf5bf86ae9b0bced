import { resolve } from 'node:path';
import { createLogger } from '../log/logger.js';
import { PUSH_DEFAULTS } from '../publish/push-with-rebase.js';
import { publishArchive, type PublishReport } from '../publish/publish.js';
import { numberOption, parseOptions } from './parse-options.js';

export const HELP = `Usage: samizdat publish [options]

Commits what changed in the archive (new and edited posts, subs.json, _config.yml, any other
file not ignored — never .samizdat/ or _site/) with a message counting new posts per source,
e.g. "samizdat: 12 new posts (美国之音 7, 德国之声 5)", and pushes it. When the remote has moved
on, it fetches, rebases onto it and pushes again (up to ${PUSH_DEFAULTS.retries} times, waiting longer each time);
it never force-pushes. On a rebase conflict it stops (exit 1), keeping your commit.

Options:
  --archive DIR        the mirror, inside a git repository (default: the current directory)
  --remote NAME        where to push (default: origin)
  --branch NAME        the remote branch of the archive (default: the branch checked out)
  --no-push            commit only (and update a local --site-branch)
  --site-branch NAME   also deploy the built site as the whole tree of branch NAME (e.g. gh-pages),
                       one commit on top of the previous one, with a .nojekyll file
  --site-dir PATH      or copy the built site to folder PATH, swapped in whole
  --out DIR            where the site was built (default: DIR/_site)
  --wait SECONDS       wait this long for another samizdat on the same archive (default 0)
  --json               print the publish report as JSON on stdout
  --quiet              only warnings and errors
  -h, --help           this help

Commits use the repository's user.name/user.email, else samizdat <samizdat@localhost>.
Exit codes: 0 published, 1 git failed (push refused, rebase conflict, network), 2 usage or
config error (not a git repository, no such remote, no built site).`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('publish', argv, {
    archive: { type: 'string' }, remote: { type: 'string' }, branch: { type: 'string' }, 'no-push': { type: 'boolean' },
    'site-branch': { type: 'string' }, 'site-dir': { type: 'string' }, out: { type: 'string' }, wait: { type: 'string' },
    json: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  const log = createLogger({ level: values.quiet || values.json ? 'quiet' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  const wait = numberOption('publish', 'wait', values.wait, { min: 0, max: 24 * 3600 });
  const report = await publishArchive({
    archiveDir: resolve(values.archive ?? '.'),
    remote: values.remote ?? 'origin',
    push: !values['no-push'],
    ...(values.branch ? { branch: values.branch } : {}),
    ...(values.out ? { siteDir: resolve(values.out) } : {}),
    ...(values['site-branch'] ? { siteBranch: values['site-branch'] } : {}),
    ...(values['site-dir'] ? { siteCopyTo: values['site-dir'] } : {}),
    ...(wait ? { waitMs: wait * 1000 } : {}),
  });
  if (values.json) log.out(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
  else log.info(summary(report));
  return 0;
}

function summary(r: PublishReport): string {
  const parts = [r.archive.commit ? `committed ${r.archive.commit.slice(0, 7)} "${r.archive.subject}"` : 'nothing new to commit'];
  if (r.recovered) parts.unshift('aborted a rebase left by an interrupted publish');
  if (r.pushed) parts.push(`pushed to ${r.remote} ${r.branch}${r.rebases ? ` after ${r.rebases} rebase${r.rebases > 1 ? 's' : ''}` : ''}`);
  if (r.siteBranch) {
    const s = r.siteBranch;
    parts.push(s.changed ? `site committed to ${s.branch} (${s.commit.slice(0, 7)})${s.pushed ? ' and pushed' : ''}` : `site unchanged on ${s.branch}`);
  }
  if (r.siteCopiedTo) parts.push(`site copied to ${r.siteCopiedTo}`);
  return `publish: ${parts.join('; ')}`;
}

function jsonReport(r: PublishReport): unknown {
  return { ...r, archive: { ...r.archive, changes: { ...r.archive.changes, newPosts: Object.fromEntries(r.archive.changes.newPosts) } } };
}
