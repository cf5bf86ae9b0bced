import { join } from 'node:path';
import { STATE_DIR } from '../archive/archive.js';
import type { Logger } from '../log/logger.js';
import { UsageError } from '../model/index.js';
import { openRepo } from '../publish/repo.js';
import { restoreSiteBranch, siteIndexFile } from '../publish/restore-site-branch.js';

/**
 * `--site-branch NAME` of build and run: an output folder that holds nothing (a fresh clone) starts
 * as the site last deployed to NAME — fetched from origin when the repository has that remote —
 * so the build writes only what changed since. When that fails, the build makes every page.
 */
export async function restoreSite(command: string, archiveDir: string, outDir: string, branch: string, log: Logger): Promise<void> {
  const repo = await openRepo(archiveDir).catch((err: unknown) => {
    throw err instanceof UsageError ? new UsageError(`${command}: --site-branch: ${archiveDir} is not in a git repository`) : err;
  });
  const hasOrigin = (await repo.run(['remote', 'get-url', 'origin'])).code === 0;
  try {
    const r = await restoreSiteBranch(repo, { siteDir: outDir, branch, ...(hasOrigin ? { remote: 'origin' } : {}), indexFile: siteIndexFile(join(archiveDir, STATE_DIR)) });
    if (r.restored) log.info(`${command}: started from the site of ${branch} (${r.commit.slice(0, 10)})`);
    else log.debug(`${command}: site not taken from ${branch}: ${r.why}`);
  } catch (err) {
    log.warn(`${command}: could not take the site from ${branch} (${(err as Error).message.split('\n')[0]}); every page is built`);
  }
}
