import { listPostFilesAlongside } from '../archive/posts/list-posts-alongside.js';
import { readPostsDocument } from '../site/cache/site-cache-files.js';
import { createLogger } from '../log/logger.js';
import { BUILD_DEFAULTS } from '../site/build-defaults.js';
import { parseOptions } from './parse-options.js';
import { sitePaths } from './site-paths.js';

export const HELP = `Usage: samizdat build [options]

Builds the static site from every post in _posts/ and archived/: one page per post at its
Jekyll permalink (_config.yml "permalink", default /:year-:month-:day/:title/), lists (home,
sources, categories, months) paginated by "paginate" (default ${BUILD_DEFAULTS.paginate}) and numbered from the
oldest page, feeds and a search index. All links are relative: the output works under any
path and from file://. Posts that cannot be read are reported and skipped.

Options:
  --archive DIR        the mirror (default: the current directory)
  --out DIR            where the site goes (default: DIR/_site)
  --full               render and write every file (default: only what changed since the last build)
  --site-branch NAME   when the output folder is empty or missing (a fresh clone), start from the
                       site last deployed to branch NAME by publish --site-branch (fetched from
                       origin): only what changed since is written
  --json               print the build report as JSON on stdout
  --quiet              only warnings and errors
  --verbose            also each caveat about a post (invalid front matter, duplicate URLs)
  -h, --help           this help

Dates in URLs use _config.yml "timezone", else UTC (as Jekyll on the machines that built the
legacy mirrors); dates on pages use "timezone", else ${BUILD_DEFAULTS.displayTimeZone}.
Exit codes: 0 built, 1 a file could not be written (the build stops), 2 usage or config error.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions('build', argv, {
    archive: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, full: { type: 'boolean' }, 'site-branch': { type: 'string' },
    quiet: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  const log = createLogger({ level: values.quiet || values.json ? 'quiet' : values.verbose ? 'verbose' : 'info' });
  if (values.help) {
    log.out(`${HELP}\n`);
    return 0;
  }
  const { archiveDir, outDir } = sitePaths('build', values);
  // The listing of the archive (at 100k posts the longest step of an hourly build) starts on
  // another thread while this one loads the build's code (this module imports little).
  const stopListing = new AbortController();
  const listing = listPostFilesAlongside(archiveDir, stopListing.signal);
  // So does the reading of the cache's document of post rows (66 MB at 100k posts).
  const postsDocument = readPostsDocument(archiveDir);
  let config;
  try {
    config = (await import('./build-setup.js')).loadBuildConfig(archiveDir);
  } catch (err) {
    // A bad _config.yml: the error is reported now, not after a walk of the archive.
    stopListing.abort();
    listing.catch(() => undefined);
    throw err;
  }
  if (values['site-branch']) await (await import('./restore-site.js')).restoreSite('build', archiveDir, outDir, values['site-branch'], log);
  // After the config's modules, not beside them: modules that two concurrent imports share can be
  // caught half loaded (sanitize-html's require() of the ES module htmlparser2, on Node 20).
  const { buildSite } = await import('../site/build-site.js');
  const report = await buildSite({
    archiveDir, outDir, config, full: values.full ?? false, listing, postsDocument,
    onProgress: (done, generator) => log.progress(`${done} files written (${generator})`),
  });
  for (const s of report.skipped) log.warn(`skipped ${s}`);
  for (const w of report.warnings) log.debug(`note: ${w}`);
  if (values.json) log.out(`${JSON.stringify({ ...report, outDir }, null, 2)}\n`);
  else {
    const notes = report.warnings.length ? `, ${report.warnings.length} notes (--verbose)` : '';
    log.info(`built ${report.posts} posts into ${outDir}: ${report.written} files written, ${report.unchanged} unchanged, ${report.removed} removed, ${report.skipped.length} posts skipped${notes}, ${(report.ms / 1000).toFixed(1)} s`);
  }
  return 0;
}
