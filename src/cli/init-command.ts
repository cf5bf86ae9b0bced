import { relative, resolve } from 'node:path';
import { createLogger } from '../log/logger.js';
import { UsageError } from '../model/index.js';
import { initMirror } from '../init/init-mirror.js';
import { parseOptions } from './parse-options.js';

export const HELP = `Usage: samizdat init [DIR] [options]

Creates a new mirror in DIR (default: the current directory; made if missing):
  subs.json                        example subscriptions (edit it, or use samizdat subs add|rm)
  _config.yml                      site settings (title, url, permalink, timezone …)
  .gitignore                       keeps .samizdat/ (the index) and _site/ out of git
  _posts/.gitkeep                  where the articles go, one file each
  .github/workflows/samizdat.yml   GitHub Actions: fetch hourly, commit new posts (one run at a time)

Refuses to overwrite a file that exists (nothing is written then).

Options:
  --force              overwrite existing files
  -h, --help           this help

Exit codes: 0 ok, 2 a file exists (without --force) or usage error.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions('init', argv, { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  const log = createLogger();
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`init: expected at most one folder, got ${positionals.length} (samizdat init --help)`);
  const dir = resolve(positionals[0] ?? '.');
  const written = await initMirror(dir, { force: values.force ?? false });
  for (const f of written) log.info(`wrote ${resolve(dir, f)}`);
  const rel = relative(process.cwd(), dir);
  const cd = rel.startsWith('..') ? dir : rel;
  log.info(`
Next steps:
${cd ? `  cd ${/[\s'"$]/.test(cd) ? JSON.stringify(cd) : cd}\n` : ''}  samizdat subs ls                 the example feeds; samizdat subs add URL / subs rm SITE to change them
  samizdat fetch                   archive their articles into _posts/
  edit _config.yml                 title, description, url
  git init && git add -A && git commit -m "new samizdat mirror"
  push it to GitHub: the workflow in .github/workflows/samizdat.yml then fetches every hour
  (in Settings → Actions → General, allow "Read and write permissions" so it can push).`);
  return 0;
}
